package dev.bookrental.query.dashboard;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.bookrental.platform.openapi.BearerTokenOpenApi;

/** {@code GET /api/members/me/dashboard}: the caller's own dashboard, the caller being the token's subject. */
@RestController
@Tag(name = "dashboard")
@SecurityRequirement(name = BearerTokenOpenApi.SCHEME)
class DashboardController {

    private final Dashboards dashboards;

    DashboardController(Dashboards dashboards) {
        this.dashboards = dashboards;
    }

    @GetMapping("/api/members/me/dashboard")
    @Operation(summary = "The caller's dashboard: books out with titles and due dates, points, card status")
    @ApiResponse(responseCode = "200", description = "The dashboard, from the read side (eventually consistent)")
    @ApiResponse(responseCode = "404", description = "Nothing known about the caller yet: dashboard-not-found")
    Dashboards.Dashboard myDashboard(@AuthenticationPrincipal Jwt caller) {
        return dashboards.of(caller.getSubject()).orElseThrow(() -> new DashboardNotFoundProblem(caller.getSubject()));
    }
}
