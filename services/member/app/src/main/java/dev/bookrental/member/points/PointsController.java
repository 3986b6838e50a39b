package dev.bookrental.member.points;

import jakarta.validation.Valid;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import dev.bookrental.platform.web.CallerId;

/** A member buys points. */
@RestController
@Tag(name = "members")
class PointsController {

    private final PointsService points;

    PointsController(PointsService points) {
        this.points = points;
    }

    @PostMapping("/api/members/me/points")
    @Operation(summary = "Buy points for the caller")
    @ApiResponse(responseCode = "200", description = "The caller's balance after the purchase and the late fees it paid")
    @ApiResponse(responseCode = "401", description = "No caller identity: unauthenticated")
    @ApiResponse(responseCode = "404", description = "No profile for the caller (yet): member-not-found")
    @ApiResponse(responseCode = "422", description = "The balance would exceed its limit: balance-limit-exceeded")
    Balance topUp(@RequestHeader(name = CallerId.HEADER, required = false)
                  @Parameter(description = CallerId.DESCRIPTION) String caller,
                  @Valid @RequestBody TopUpRequest request) {
        return points.topUp(CallerId.require(caller), request.amount());
    }
}
