package dev.bookrental.bff.mobile.home;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /bff/mobile/home}: the caller's home screen in one answer. */
@RestController
class HomeController {

    private final HomeScreen homeScreen;

    HomeController(HomeScreen homeScreen) {
        this.homeScreen = homeScreen;
    }

    @GetMapping("/bff/mobile/home")
    Home home(@AuthenticationPrincipal Jwt token) {
        return homeScreen.of(token.getTokenValue());
    }
}
