package dev.bookrental.systemtests;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The web UI in a real browser: Playwright drives Debian's chromium ({@value #CHROMIUM}, installed
 * by .ci/run; Playwright downloads no browser of its own) through the gateway, as a person would —
 * by the labels, roles and names the pages give assistive technology. A librarian adds a book; a
 * new person creates an account, signs in at auth, finds the book, rents it and sees the rent end
 * RENTED, sees it in "my rentals" with its due date and in the best books, returns it and signs
 * out. Screenshots of every step land in {@code system-tests/target/screenshots}.
 */
@Order(3)
@ExtendWith(BookrentalSystem.class)
class WebUiTest {

    static final String CHROMIUM = "/usr/bin/chromium";
    /** Through the gateway, on the host name auth knows bff-web's redirect URI by. */
    private static final String HOME = "http://localhost:8080/bff/web/";
    private static final Path SCREENSHOTS = Paths.get("target", "screenshots");

    private static Playwright playwright;
    private static Browser chromium;

    @BeforeAll
    static void startBrowser() throws Exception {
        Files.createDirectories(SCREENSHOTS);
        // The driver would otherwise fetch browsers of its own; the system's chromium is used instead.
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        chromium = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Paths.get(CHROMIUM))
                .setHeadless(true));
    }

    @AfterAll
    static void stopBrowser() {
        if (playwright != null) {
            playwright.close();
        }
    }

    @Test
    void aLibrarianAddsABookAndAReaderRentsSeesAndReturnsIt() {
        String title = "The Left Hand of Darkness " + System.nanoTime();

        try (BrowserContext librarianBrowser = chromium.newContext()) {
            Page librarian = librarianBrowser.newPage();
            signIn(librarian, Accounts.LIBRARIAN, Accounts.LIBRARIAN_PASSWORD);
            librarian.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Add a book")).click();
            librarian.getByLabel("ISBN").fill(ReliableMessagingTest.randomIsbn());
            librarian.getByLabel("Title").fill(title);
            librarian.getByLabel("Authors").fill("Ursula K. Le Guin");
            librarian.getByLabel("Copies to add now").fill("2");
            shot(librarian, "01-librarian-adds-a-book");
            librarian.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add the book")).click();
            assertThat(librarian.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(title))).isVisible();
            assertThat(librarian.getByRole(AriaRole.STATUS).filter(new Locator.FilterOptions().setHasText("Added"))).containsText("with 2 copies");
            // The page is composed from several services; on a cold system a part may miss the composition's
            // timeout and be marked missing. Ask again until the copies part is there.
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() -> {
                if (librarian.getByTestId("availability").count() == 1) {
                    return true;
                }
                librarian.reload();
                return false;
            });
            assertThat(librarian.getByTestId("availability")).hasText("2 of 2 copies");
            shot(librarian, "02-the-new-book");
        }

        try (BrowserContext readerBrowser = chromium.newContext(new Browser.NewContextOptions().setViewportSize(390, 844))) {
            Page reader = readerBrowser.newPage();
            String username = Accounts.newUsername();
            String password = Accounts.strongPassword();

            reader.navigate(HOME);
            reader.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Create an account")).first().click();
            reader.getByLabel("Username").fill(username);
            reader.getByLabel("Your name").fill("Browser Reader");
            reader.getByLabel("Password").fill(password);
            shot(reader, "03-create-an-account");
            reader.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create the account")).click();
            assertThat(reader.getByRole(AriaRole.STATUS)).containsText("is ready");

            signIn(reader, username, password);
            assertThat(reader.getByTestId("signed-in-as")).hasText("Browser Reader");
            // member creates the profile from auth's event, shortly after the registration.
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() -> {
                reader.navigate(HOME + "points");
                return reader.getByTestId("points").count() == 1;
            });
            assertThat(reader.getByTestId("points")).hasText("100");

            reader.navigate(HOME);
            reader.getByLabel("Title, author or ISBN").fill(title);
            reader.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Search")).click();
            assertThat(reader.getByRole(AriaRole.STATUS)).containsText("1 book");
            shot(reader, "04-search");
            reader.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(title)).click();
            shot(reader, "05-book");
            reader.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Rent this book")).click();

            // PENDING while the saga runs; the page follows it by itself until it has ended.
            assertThat(reader.getByTestId("rental-status")).hasText("Rented",
                    new LocatorAssertions.HasTextOptions().setTimeout(Library.SAGA.toMillis()));
            assertThat(reader.getByRole(AriaRole.STATUS)).containsText("Please bring it back by");
            shot(reader, "06-rented");

            reader.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("My rentals").setExact(true)).first().click();
            Locator loan = reader.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText(title));
            assertThat(loan).isVisible();
            assertThat(loan.locator("time")).hasAttribute("datetime", Pattern.compile("\\d{4}-\\d{2}-\\d{2}T.*Z"));
            shot(reader, "07-my-rentals");

            // The ranking is the read side's: it shows the rent once rental-query has applied the events.
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() -> {
                reader.navigate(HOME + "best-books");
                return reader.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(title)).count() == 1;
            });
            shot(reader, "08-best-books");

            reader.navigate(HOME + "rentals");
            reader.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Return " + title)).click();
            assertThat(reader.getByRole(AriaRole.STATUS).first()).containsText("You returned");
            assertThat(reader.getByText("You have no books out.")).isVisible();
            shot(reader, "09-returned");

            reader.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).click();
            assertThat(reader.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Sign in")).first()).isVisible();
            shot(reader, "10-signed-out");
        }
    }

    /** "Sign in" on bff-web's page → auth's login page → back on bff-web, signed in. */
    private static void signIn(Page page, String username, String password) {
        if (!page.url().startsWith(HOME)) {
            page.navigate(HOME);
        }
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Sign in").setExact(true)).first().click();
        page.getByLabel("Username").fill(username);
        page.getByLabel("Password").fill(password);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out"))).isVisible();
    }

    private static void shot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
    }
}
