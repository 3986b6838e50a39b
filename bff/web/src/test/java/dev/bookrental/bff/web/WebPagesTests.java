package dev.bookrental.bff.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The web UI's pages over HTTP (MockMvc) with the settings of config/bff-web.yml, sessions in a
 * real Redis and a real HTTP server standing in for the gateway's API: what a stranger, a member
 * and a librarian see, the calls made on their behalf (a stranger's without a token), the rent
 * from the button to the page that follows the saga, returning a book, buying points, adding a
 * book, and the error pages when a service refuses or the gateway does not answer. Every page is
 * templates/layout.html's page around its own title, main and scripts.
 */
@SpringBootTest(properties = "spring.config.location=file:../../config/bff-web.yml,classpath:/test.yml")
@AutoConfigureMockMvc
class WebPagesTests {

    private static final StandInAuthAndGateway gateway = new StandInAuthAndGateway("bff-web-local-secret");

    @Autowired MockMvcTester mvc;
    @Autowired ClientRegistrationRepository registrations;

    @DynamicPropertySource
    static void standIns(DynamicPropertyRegistry registry) {
        registry.add("bookrental.security.issuer", gateway::url);
        registry.add("spring.http.serviceclient.gateway.base-url", gateway::url);
        registry.add("spring.http.serviceclient.book.base-url", gateway::url);
        registry.add("spring.http.serviceclient.rental-query.base-url", gateway::url);
        registry.add("spring.http.serviceclient.rental.base-url", gateway::url);
        registry.add("spring.data.redis.port", TestRedis::port);
    }

    @BeforeEach
    void freshStandIn() {
        gateway.reset();
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    @Test
    void aStrangerBrowsesTheCatalogAndTheRankingWithoutAToken() {
        MvcTestResult home = mvc.get().uri("/bff/web/").exchange();
        MvcTestResult search = mvc.get().uri("/bff/web/books?q=dune").exchange();
        MvcTestResult book = mvc.get().uri("/bff/web/books/1").exchange();

        assertThat(home).hasStatusOk().bodyText().contains("Dune", "3 rentals", "href=\"/bff/web/books/1\"");
        assertThat(search).hasStatusOk().bodyText().contains("1 book", "matching “<span>dune</span>”", "href=\"/bff/web/books/1\"");
        assertThat(book).hasStatusOk().bodyText().contains("Dune", "by Frank Herbert", "1 of 2 copies", "No. 1, rented 3 times",
                        "to rent this book")
                .doesNotContain("Rent this book", "Add copies", "not available right now");
        assertThat(gateway.apiCalls()).isNotEmpty().allSatisfy(call -> assertThat(call.authorization()).isNull());
    }

    @Test
    void aMemberRentsFromTheBooksPageAndFollowsTheSagaOnTheRentalsPage() {
        MvcTestResult book = mvc.get().uri("/bff/web/books/1").with(member()).exchange();
        MvcTestResult rent = mvc.post().uri("/bff/web/books/1/rent").with(member()).with(csrf()).exchange();

        assertThat(book).hasStatusOk().bodyText().contains("Rent this book", "action=\"/bff/web/books/1/rent\"", "name=\"_csrf\"",
                "Signed in as <strong data-testid=\"signed-in-as\">Alice</strong>", "My rentals");
        assertThat(rent).hasStatus(HttpStatus.FOUND);
        String rentalPage = rent.getResponse().getRedirectedUrl();
        assertThat(rentalPage).matches("/bff/web/rentals/[0-9a-f-]{36}");

        MvcTestResult pending = mvc.get().uri(rentalPage).with(member()).exchange();

        assertThat(pending).hasStatusOk().bodyText().contains("Being processed", "data-rental-status=\"PENDING\"",
                "data-rental-url=\"/bff/web/api/rentals/" + rentalPage.substring(rentalPage.lastIndexOf('/') + 1) + "\"",
                "aria-live=\"polite\"", "/bff/web/assets/rental-status.js");
        assertThat(gateway.apiCalls()).filteredOn(call -> call.path().startsWith("/api/rental"))
                .extracting(StandInAuthAndGateway.Received::path)
                .contains("/api/rental-card/eligibility", "/api/rentals", rentalPage.replace("/bff/web", "/api"));
        assertThat(gateway.apiCalls()).filteredOn(call -> call.path().startsWith("/api/rental"))
                .allSatisfy(call -> assertThat(call.authorization()).isEqualTo("Bearer access-token"));
    }

    @Test
    void everyPageIsTheLayoutAroundItsOwnTitleMainAndScripts() {
        MvcTestResult catalog = mvc.get().uri("/bff/web/books").exchange();
        String rentalPage = mvc.post().uri("/bff/web/books/1/rent").with(member()).with(csrf()).exchange().getResponse()
                .getRedirectedUrl();
        MvcTestResult rental = mvc.get().uri(rentalPage).with(member()).exchange();

        assertThat(catalog).hasStatusOk().bodyText()
                .containsOnlyOnce("<title>Catalog · Bookrental</title>").containsOnlyOnce("<main id=\"main\" tabindex=\"-1\">")
                .containsSubsequence("<head>", "<link rel=\"stylesheet\" href=\"/bff/web/assets/app.css\">", "</head>",
                        "<header class=\"site-header\">", "<a class=\"skip-link\" href=\"#main\">", "<nav aria-label=\"Main\">",
                        "<a href=\"/bff/web/books\" aria-current=\"page\">Catalog</a>", "</header>",
                        "<main id=\"main\" tabindex=\"-1\">", "<h1>Catalog</h1>", "</main>", "<footer class=\"site-footer\">")
                .doesNotContain("<script");
        assertThat(rental).hasStatusOk().bodyText()
                .containsOnlyOnce("<title>Your rental · Bookrental</title>").containsOnlyOnce("<main id=\"main\" tabindex=\"-1\">")
                .containsSubsequence("<link rel=\"stylesheet\" href=\"/bff/web/assets/app.css\">",
                        "<a href=\"/bff/web/rentals\" aria-current=\"page\">My rentals</a>",
                        "<h1>Your rental of “<span>Dune</span>”</h1>", "role=\"status\" aria-live=\"polite\"", "</main>",
                        "</footer>", "<script src=\"/bff/web/assets/rental-status.js\" defer></script>", "</body>");
    }

    @Test
    void aRentTheCardRefusesIsExplainedOnTheBooksPage() {
        MvcTestResult refused = mvc.post().uri("/bff/web/books/999/rent").with(member()).with(csrf()).exchange();

        assertThat(refused).hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/bff/web/books/999");
        assertThat(refused).flash().containsEntry("error", "Rent not allowed");
    }

    @Test
    void myRentalsShowsEachLoanWithItsDueDateAndReturnsIt() {
        MvcTestResult rentals = mvc.get().uri("/bff/web/rentals").with(member()).exchange();
        MvcTestResult returned = mvc.post().uri("/bff/web/rentals/" + StandInAuthAndGateway.LOAN + "/return")
                .with(member()).with(csrf()).exchange();

        assertThat(rentals).hasStatusOk().bodyText().contains("Dune", "datetime=\"2026-12-10T14:05:00Z\"",
                "Thu 10 Dec 2026, 14:05 UTC", "aria-label=\"Return Dune\"", "You may rent 4 more books.");
        assertThat(returned).hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/bff/web/rentals");
        assertThat(returned).flash().containsEntry("notice", "You returned “Dune”. Thank you!");
    }

    @Test
    void buyingPointsShowsTheNewBalanceAndARefusalNextToTheField() {
        MvcTestResult bought = mvc.post().uri("/bff/web/points").param("amount", "50").with(member()).with(csrf()).exchange();
        MvcTestResult empty = mvc.post().uri("/bff/web/points").param("amount", "").with(member()).with(csrf()).exchange();
        MvcTestResult tooMany = mvc.post().uri("/bff/web/points").param("amount", "100000").with(member()).with(csrf()).exchange();

        assertThat(bought).hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/bff/web/points");
        assertThat(bought).flash().containsEntry("notice", "Added 50 points. Your balance is now 150.");
        assertThat(empty).hasStatus(HttpStatus.BAD_REQUEST).bodyText()
                .contains("Enter a whole number of points.", "aria-invalid=\"true\"", "aria-describedby=\"amount-error\"");
        assertThat(tooMany).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT).bodyText().contains("A balance may not exceed 10000 points.");
    }

    @Test
    void onlyALibrarianGetsTheLibrariansPagesAndAddsABook() {
        MvcTestResult asMember = mvc.get().uri("/bff/web/librarian/books/new").with(member()).accept(MediaType.TEXT_HTML).exchange();
        MvcTestResult form = mvc.get().uri("/bff/web/librarian/books/new").with(librarian()).exchange();
        MvcTestResult added = mvc.post().uri("/bff/web/librarian/books/new").with(librarian()).with(csrf())
                .param("isbn", "978-0-441-01359-3").param("title", "Dune Messiah").param("authors", "Frank Herbert")
                .param("copies", "0").exchange();
        MvcTestResult tooManyCopies = mvc.post().uri("/bff/web/librarian/books/new").with(librarian()).with(csrf())
                .param("isbn", "978-0-441-01359-3").param("title", "Dune Messiah").param("authors", "Frank Herbert")
                .param("copies", "51").exchange();

        assertThat(asMember).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(form).hasStatusOk().bodyText().contains("<label for=\"isbn\">ISBN</label>", "Add the book");
        assertThat(added).hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/bff/web/books/2");
        assertThat(added).flash().containsEntry("notice", "Added “Dune Messiah” with 0 copies.");
        assertThat(gateway.apiCalls()).extracting(StandInAuthAndGateway.Received::path).containsOnlyOnce("/api/books");
        assertThat(tooManyCopies).hasStatus(HttpStatus.BAD_REQUEST).bodyText().contains("Between 0 and 50 copies at once.");
    }

    @Test
    void aLibrarianSeesTheBooksPageWholeWithAddCopiesAndNoRentButton() {
        MvcTestResult book = mvc.get().uri("/bff/web/books/1").with(librarian()).exchange();

        assertThat(book).hasStatusOk().bodyText().contains("Dune", "1 of 2 copies", "No. 1, rented 3 times",
                        "<p data-testid=\"members-only\">Only members rent books.</p>", "Add copies")
                .doesNotContain("Rent this book", "not available right now", "not known right now", "Not known right now",
                        "to rent this book");
        assertThat(gateway.apiCalls()).extracting(StandInAuthAndGateway.Received::path)
                .noneMatch(path -> path.startsWith("/api/rental-card"));
    }

    @Test
    void aBooksPageWithAPartMissingSaysWhichAndShowsTheRest() {
        MvcTestResult book = mvc.get().uri("/bff/web/books/2").exchange();

        assertThat(book).hasStatusOk().bodyText().contains("Dune Messiah", "Not rented yet",
                "Part of this page is not available right now (<span>copies</span>)", "Not known right now");
    }

    @Test
    void creatingAnAccountAtAuthSaysWhatToFixOrSendsTheNewMemberToSignIn() {
        MvcTestResult tooShort = mvc.post().uri("/bff/web/register").with(csrf())
                .param("username", "al").param("displayName", "Al").param("password", "secret passphrase").exchange();
        MvcTestResult taken = mvc.post().uri("/bff/web/register").with(csrf())
                .param("username", "taken").param("displayName", "Al").param("password", "secret passphrase").exchange();
        MvcTestResult created = mvc.post().uri("/bff/web/register").with(csrf())
                .param("username", "alice").param("displayName", "Alice").param("password", "secret passphrase").exchange();

        assertThat(tooShort).hasStatus(HttpStatus.BAD_REQUEST).bodyText()
                .contains("must be 3 to 32 characters", "aria-invalid=\"true\"", "value=\"al\"").doesNotContain("secret passphrase");
        assertThat(taken).hasStatus(HttpStatus.CONFLICT).bodyText().contains("Someone has the username &#39;taken&#39; already.");
        assertThat(created).hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/bff/web/");
        assertThat(created).flash().containsEntry("notice", "Your account “alice” is ready. Sign in to start renting.");
    }

    @Test
    void anUnknownBookIsA404PageInTheServicesWords() {
        MvcTestResult missing = mvc.get().uri("/bff/web/books/404").exchange();

        assertThat(missing).hasStatus(HttpStatus.NOT_FOUND).bodyText().contains("Book not found", "No book has the id 404.");
    }

    @Test
    void whenTheGatewayDoesNotAnswerThePagesSaySoAndTheHomePageStillWorks() {
        gateway.gatewayDown(true);

        MvcTestResult search = mvc.get().uri("/bff/web/books").exchange();
        MvcTestResult home = mvc.get().uri("/bff/web/").exchange();

        assertThat(search).hasStatus(HttpStatus.SERVICE_UNAVAILABLE).bodyText().contains("did not answer in time");
        assertThat(home).hasStatusOk().bodyText().contains("The ranking is not available right now.");
    }

    private RequestPostProcessor member() {
        return signedIn("MEMBER");
    }

    private RequestPostProcessor librarian() {
        return signedIn("LIBRARIAN");
    }

    /** Signed in as after a sign-in at auth: the ID token's roles, mapped to ROLE_* as bff-web maps them. */
    private RequestPostProcessor signedIn(String role) {
        return oidcLogin().clientRegistration(registrations.findByRegistrationId("bookrental"))
                .authorities(new SimpleGrantedAuthority("ROLE_" + role))
                .idToken(token -> token.subject(StandInAuthAndGateway.MEMBER_ID).claim("preferred_username", "alice")
                        .claim("name", "Alice").claim("roles", List.of(role)));
    }
}
