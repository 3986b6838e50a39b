package dev.bookrental.bff.web.page;

import java.util.List;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Who is looking at a page, as the header and the pages need it: signed in or not, the name to
 * greet, and whether the librarian's pages are theirs. Read from the ID token of the sign-in (its
 * {@code name}, {@code preferred_username} and {@code roles} claims, see auth's TokenClaims), so no
 * page needs a call to know it.
 */
record Viewer(boolean signedIn, String name, boolean librarian, boolean member) {

    static final Viewer STRANGER = new Viewer(false, null, false, false);

    static Viewer of(Authentication authentication) {
        if (authentication == null || !(authentication.getPrincipal() instanceof OidcUser person)) {
            return STRANGER;
        }
        String name = person.getFullName() != null ? person.getFullName() : person.getPreferredUsername();
        List<String> roles = person.getClaimAsStringList(SignedInRoles.CLAIM);
        return new Viewer(true, name == null ? person.getSubject() : name,
                roles != null && roles.contains("LIBRARIAN"), roles != null && roles.contains("MEMBER"));
    }
}
