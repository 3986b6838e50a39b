package dev.bookrental.member.profile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import dev.bookrental.platform.web.CallerId;

/** A member's own profile. */
@RestController
@Tag(name = "members")
class MemberController {

    private final MemberRepository members;

    MemberController(MemberRepository members) {
        this.members = members;
    }

    @GetMapping("/api/members/me")
    @Operation(summary = "The caller's own profile and points")
    @ApiResponse(responseCode = "200", description = "The caller's profile")
    @ApiResponse(responseCode = "401", description = "No caller identity: unauthenticated")
    @ApiResponse(responseCode = "404", description = "No profile for the caller yet (it appears shortly after registering): member-not-found")
    Member me(@RequestHeader(name = CallerId.HEADER, required = false)
              @Parameter(description = CallerId.DESCRIPTION) String caller) {
        String memberId = CallerId.require(caller);
        return members.findById(memberId).orElseThrow(() -> new MemberNotFoundException(memberId));
    }
}
