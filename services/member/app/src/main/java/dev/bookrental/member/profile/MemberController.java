package dev.bookrental.member.profile;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import dev.bookrental.platform.web.CallerId;

/** A member's own profile. */
@RestController
class MemberController {

    private final MemberRepository members;

    MemberController(MemberRepository members) {
        this.members = members;
    }

    @GetMapping("/api/members/me")
    Member me(@RequestHeader(name = CallerId.HEADER, required = false) String caller) {
        String memberId = CallerId.require(caller);
        return members.findById(memberId).orElseThrow(() -> new MemberNotFoundException(memberId));
    }
}
