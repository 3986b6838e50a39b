package dev.bookrental.bench.saga;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HexFormat;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.bookrental.bench.SignedInUser;
import dev.bookrental.launcher.signin.AuthClient;

/**
 * The library's users, through the system's own doors, as the system tests drive it: an account is
 * registered at auth (which announces it, so member creates the profile) and signs in there; the
 * librarian adds books and copies; members top up, rent and return, through the gateway on
 * 127.0.0.1, every request with its user's access token. Any unexpected answer throws. Shared by the
 * saga and the read-side benchmarks.
 */
public final class Library implements AutoCloseable {

    static final String KAFKA = "127.0.0.1:9092";
    static final String GATEWAY = "http://127.0.0.1:8080";
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    /** Member creates the profile from auth's AccountRegistered, relayed by auth's outbox: a moment after the 201. */
    private static final Duration PROFILE_CREATED = Duration.ofSeconds(60);

    private final AuthClient auth = new AuthClient(AuthClient.LOCAL);
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final JsonMapper json = JsonMapper.builder().build();

    /** An account to register: a user name and a password no strength rule refuses. */
    public record Credentials(String username, String password) {

        public static Credentials random(String prefix) {
            return new Credentials(prefix + "-" + HexFormat.of().toHexDigits(UUID.randomUUID().getMostSignificantBits()),
                    "Bench-Password-" + UUID.randomUUID());
        }
    }

    /** The local librarian (config/auth.yml, local use only), signed in. */
    public SignedInUser librarian() {
        return SignedInUser.signIn(auth, AuthClient.LOCAL_LIBRARIAN, AuthClient.LOCAL_LIBRARIAN_PASSWORD);
    }

    /** {@link #registeredMember(Credentials, int)} with a new random account. */
    public SignedInUser registeredMember(int topUp) throws IOException, InterruptedException {
        return registeredMember(Credentials.random("bench"), topUp);
    }

    /**
     * A new member, registered at auth and signed in, once member has created its profile; its
     * balance topped up by {@code topUp} points, enough for every rent of the run.
     */
    public SignedInUser registeredMember(Credentials account, int topUp) throws IOException, InterruptedException {
        auth.register(account.username(), account.password(), "A Reader");
        SignedInUser member = SignedInUser.signIn(auth, account.username(), account.password());
        long deadline = System.nanoTime() + PROFILE_CREATED.toNanos();
        HttpResponse<String> profile;
        while ((profile = send(get("/api/members/me"), member)).statusCode() != 200) {
            if (profile.statusCode() != 404) { // 404 member-not-found until member has read AccountRegistered
                expect(200, profile, "the new member's profile");
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Member " + account.username() + " was not created within "
                        + PROFILE_CREATED.toSeconds() + " s");
            }
            Thread.sleep(200);
        }
        expect(200, send(post("/api/members/me/points", "{\"amount\":" + topUp + "}"), member), "top-up");
        return member;
    }

    /** A new title with {@code copies} copies; its id. */
    public long addBook(SignedInUser librarian, String title, int copies) throws IOException, InterruptedException {
        String isbn = "979" + String.format("%09d", Math.floorMod(UUID.randomUUID().getLeastSignificantBits(), 1_000_000_000L));
        HttpResponse<String> added = expect(201, send(post("/api/books", """
                {"isbn":"%s","title":"%s","authors":["Ada Bench"]}""".formatted(isbn + checkDigit(isbn), title)), librarian),
                "add a book");
        long id = json.readTree(added.body()).get("id").asLong();
        expect(201, send(post("/api/books/" + id + "/copies", "{\"count\":" + copies + "}"), librarian), "add copies");
        return id;
    }

    /** Asks to rent: the rental id of the saga started (202), or throws. */
    public String rent(SignedInUser member, long bookId) throws IOException, InterruptedException {
        HttpResponse<String> accepted = expect(202, send(post("/api/rentals", "{\"bookId\":" + bookId + "}"), member), "rent");
        return json.readTree(accepted.body()).get("rentalId").asString();
    }

    /** The rental as rental's API shows it. */
    public JsonNode rental(SignedInUser member, String rentalId) throws IOException, InterruptedException {
        return json.readTree(expect(200, send(get("/api/rentals/" + rentalId), member), "rental").body());
    }

    void returnBook(SignedInUser member, String rentalId) throws IOException, InterruptedException {
        expect(200, send(post("/api/rentals/" + rentalId + "/return", ""), member), "return");
    }

    private HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(URI.create(GATEWAY + path)).timeout(REQUEST_TIMEOUT).GET();
    }

    private HttpRequest.Builder post(String path, String body) {
        return HttpRequest.newBuilder(URI.create(GATEWAY + path)).timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
    }

    /** Sends the request with the user's access token (signed in again first when it has grown old). */
    private HttpResponse<String> send(HttpRequest.Builder request, SignedInUser user) throws IOException, InterruptedException {
        return http.send(request.header("Authorization", user.bearer()).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> expect(int status, HttpResponse<String> response, String what) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(what + " " + response.request().uri().getPath() + ": HTTP " + response.statusCode()
                    + " " + response.body());
        }
        return response;
    }

    /** The ISBN-13 check digit of the first twelve digits. */
    private static int checkDigit(String twelveDigits) {
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            sum += (twelveDigits.charAt(i) - '0') * (i % 2 == 0 ? 1 : 3);
        }
        return (10 - sum % 10) % 10;
    }

    @Override
    public void close() {
        http.close();
    }
}
