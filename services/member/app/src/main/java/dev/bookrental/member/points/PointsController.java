package dev.bookrental.member.points;

import jakarta.validation.Valid;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import dev.bookrental.platform.web.CallerId;

/** A member buys points. */
@RestController
class PointsController {

    private final PointsService points;

    PointsController(PointsService points) {
        this.points = points;
    }

    @PostMapping("/api/members/me/points")
    Balance topUp(@RequestHeader(name = CallerId.HEADER, required = false) String caller,
                  @Valid @RequestBody TopUpRequest request) {
        return points.topUp(CallerId.require(caller), request.amount());
    }
}
