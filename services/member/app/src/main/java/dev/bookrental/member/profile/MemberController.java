package dev.bookrental.member.profile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.bookrental.platform.openapi.BearerTokenOpenApi;

/** A member's own profile: the caller is the subject of the access token. */
@RestController
@Tag(name = "members")
@SecurityRequirement(name = BearerTokenOpenApi.SCHEME)
class MemberController {

    private final MemberRepository members;

    MemberController(MemberRepository members) {
        this.members = members;
    }

    @GetMapping("/api/members/me")
    @Operation(summary = "The caller's own profile and points")
    @ApiResponse(responseCode = "200", description = "The caller's profile")
    @ApiResponse(responseCode = "404", description = "No profile for the caller yet (it appears shortly after registering): member-not-found")
    Member me(@AuthenticationPrincipal Jwt caller) {
        String memberId = caller.getSubject();
        return members.findById(memberId).orElseThrow(() -> new MemberNotFoundException(memberId));
    }
}
