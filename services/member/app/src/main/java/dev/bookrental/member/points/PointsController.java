package dev.bookrental.member.points;

import jakarta.validation.Valid;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import dev.bookrental.platform.openapi.BearerTokenOpenApi;

/** A member buys points for themselves: the caller is the subject of the access token. */
@RestController
@Tag(name = "members")
@SecurityRequirement(name = BearerTokenOpenApi.SCHEME)
class PointsController {

    private final PointsService points;

    PointsController(PointsService points) {
        this.points = points;
    }

    @PostMapping("/api/members/me/points")
    @Operation(summary = "Buy points for the caller")
    @ApiResponse(responseCode = "200", description = "The caller's balance after the purchase and the late fees it paid")
    @ApiResponse(responseCode = "404", description = "No profile for the caller (yet): member-not-found")
    @ApiResponse(responseCode = "422", description = "The balance would exceed its limit: balance-limit-exceeded")
    Balance topUp(@AuthenticationPrincipal Jwt caller, @Valid @RequestBody TopUpRequest request) {
        return points.topUp(caller.getSubject(), request.amount());
    }
}
