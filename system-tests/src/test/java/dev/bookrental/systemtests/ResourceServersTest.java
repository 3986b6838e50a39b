package dev.bookrental.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * Defence in depth: the gateway checks every access token, and so does each service behind it, so
 * a request that reaches a service directly (a misrouted call, a compromised neighbour) gets no
 * further. Every forged or broken token below is refused at the gateway and at each service
 * directly, and none of the changes it asked for happens. Owners only see their own data.
 */
@Order(3)
@ExtendWith(BookrentalSystem.class)
class ResourceServersTest {

    private static final String BOOK = "http://127.0.0.1:8101";
    private static final String MEMBER = "http://127.0.0.1:8102";
    private static final String RENTAL = "http://127.0.0.1:8103";
    private static final String QUERY = "http://127.0.0.1:8104";
    private static final String MOBILE = "http://127.0.0.1:8082";

    /** A change a member may ask for, sent somewhere; its effect is checked afterwards. */
    private record Change(String name, String url, String body) {
    }

    @Test
    void everyBrokenTokenIsRefusedAtTheGatewayAndAtEachServiceAndChangesNothing() {
        User member = Library.registeredMember();
        long book = Library.addBook("Not For Forgers", 1);
        AuthKeys.SigningKey key = AuthKeys.current();
        Map<String, Object> valid = ForgedTokens.memberClaims(member.id());

        Map<String, String> broken = new LinkedHashMap<>();
        broken.put("no token", null);
        broken.put("expired", AuthKeys.sign(with(valid, claims -> {
            claims.put("iat", Instant.now().minusSeconds(900).getEpochSecond());
            claims.put("nbf", Instant.now().minusSeconds(900).getEpochSecond());
            claims.put("exp", Instant.now().minusSeconds(300).getEpochSecond()); // beyond the 60 s of clock skew
            return claims;
        })));
        broken.put("wrong issuer", AuthKeys.sign(with(valid, claims -> put(claims, "iss", "http://localhost:9999"))));
        broken.put("wrong audience", AuthKeys.sign(with(valid, claims -> put(claims, "aud", List.of("another-api")))));
        broken.put("bad signature", ForgedTokens.rs256WithForeignKey(key.kid(), valid));
        broken.put("alg none", ForgedTokens.unsigned(valid));
        broken.put("HS256 keyed with the public key (DER)", ForgedTokens.hs256(key.publicKeyDer(), key.kid(), valid));
        broken.put("HS256 keyed with the public key (PEM)", ForgedTokens.hs256(pem(key.publicKeyDer()), key.kid(), valid));
        broken.put("tampered claims", tamper(AuthKeys.sign(valid), with(valid, claims -> put(claims, "sub", "someone-else"))));

        List<Change> changes = List.of(
                new Change("top up at the gateway", Http.GATEWAY + "/api/members/me/points", "{\"amount\":50}"),
                new Change("top up at member", MEMBER + "/api/members/me/points", "{\"amount\":50}"),
                new Change("rent at the gateway", Http.GATEWAY + "/api/rentals", "{\"bookId\":" + book + "}"),
                new Change("rent at rental", RENTAL + "/api/rentals", "{\"bookId\":" + book + "}"),
                new Change("add copies at the gateway", Http.GATEWAY + "/api/books/" + book + "/copies", "{\"count\":1}"),
                new Change("add copies at book", BOOK + "/api/books/" + book + "/copies", "{\"count\":1}"));
        List<String> reads = List.of(Http.GATEWAY + "/api/members/me", MEMBER + "/api/members/me",
                Http.GATEWAY + "/api/rental-card", RENTAL + "/api/rental-card",
                Http.GATEWAY + "/api/members/me/dashboard", QUERY + "/api/members/me/dashboard",
                Http.GATEWAY + "/bff/mobile/home", MOBILE + "/bff/mobile/home");

        // The same claims, unchanged and signed with auth's key, are accepted everywhere: each refusal
        // below is then that forgery's doing (the dashboard appears once rental-query has the member).
        String[] genuine = AuthKeys.authorization(AuthKeys.sign(valid));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> assertThat(reads)
                .allSatisfy(read -> assertThat(Http.get(read, genuine).status()).as(read).isEqualTo(200)));

        List<String> failures = new ArrayList<>();
        for (var token : broken.entrySet()) {
            String[] authorization = token.getValue() == null ? new String[0] : AuthKeys.authorization(token.getValue());
            for (Change change : changes) {
                expectUnauthenticated(Http.postJson(change.url(), change.body(), authorization), token.getKey() + ", " + change.name(), failures);
            }
            for (String read : reads) {
                expectUnauthenticated(Http.get(read, authorization), token.getKey() + ", GET " + read, failures);
            }
        }
        assertThat(failures).as("answers other than a 401 problem").isEmpty();

        assertThat(Library.points(member)).as("no top-up happened").isEqualTo(100);
        JsonNode card = Library.card(member);
        assertThat(card.get("pending")).as("no rent started").isEmpty();
        assertThat(card.get("loans")).isEmpty();
        assertThat(Library.copyStatuses(book)).as("no copy added").containsExactly("AVAILABLE");
    }

    @Test
    void aValidTokenWithoutTheRoleIsForbiddenAtTheGatewayPathAndAtTheService() {
        User member = Library.registeredMember();
        long book = Library.addBook("Librarians Only", 0);
        String[] service = AuthKeys.authorization(Accounts.clientCredentials("rental-service", "rental-service-local-secret").accessToken());

        for (String copies : List.of(Http.GATEWAY + "/api/books/" + book + "/copies", BOOK + "/api/books/" + book + "/copies")) {
            ApiErrorsTest.assertProblem(Http.postJson(copies, "{\"count\":1}", member.authorization()), 403, "urn:bookrental:problem:forbidden");
        }
        for (String books : List.of(Http.GATEWAY + "/api/books", BOOK + "/api/books")) {
            ApiErrorsTest.assertProblem(Http.postJson(books, """
                    {"isbn":"%s","title":"A Member's Book","authors":["Nobody"]}""".formatted(ReliableMessagingTest.randomIsbn()),
                    member.authorization()), 403, "urn:bookrental:problem:forbidden");
        }
        for (String points : List.of(Http.GATEWAY + "/api/members/me/points", MEMBER + "/api/members/me/points")) {
            ApiErrorsTest.assertProblem(Http.postJson(points, "{\"amount\":50}", service), 403, "urn:bookrental:problem:forbidden");
        }
        for (String rentals : List.of(Http.GATEWAY + "/api/rentals", RENTAL + "/api/rentals")) {
            ApiErrorsTest.assertProblem(Http.postJson(rentals, "{\"bookId\":" + book + "}", Library.LIBRARIAN.authorization()),
                    403, "urn:bookrental:problem:forbidden");
        }
        for (String memberOnly : List.of(Http.GATEWAY + "/api/members/me/dashboard", QUERY + "/api/members/me/dashboard",
                Http.GATEWAY + "/bff/mobile/home", MOBILE + "/bff/mobile/home")) {
            ApiErrorsTest.assertProblem(Http.get(memberOnly, Library.LIBRARIAN.authorization()), 403, "urn:bookrental:problem:forbidden");
            ApiErrorsTest.assertProblem(Http.get(memberOnly, service), 403, "urn:bookrental:problem:forbidden");
        }
        assertThat(Library.copyStatuses(book)).isEmpty();
        assertThat(Library.points(member)).isEqualTo(100);
    }

    @Test
    void aMemberCannotReadRentOnOrReturnAnotherMembersRentals() {
        User owner = Library.registeredMember();
        User other = Library.registeredMember();
        long book = Library.addBook("Mine Not Yours", 2);
        String rentalId = Library.rentToTheEnd(owner, book).get("rentalId").asString();

        for (String base : List.of(Http.GATEWAY, RENTAL)) {
            ApiErrorsTest.assertProblem(Http.get(base + "/api/rentals/" + rentalId, other.authorization()),
                    404, "urn:bookrental:problem:rental-not-found");
            ApiErrorsTest.assertProblem(Http.post(base + "/api/rentals/" + rentalId + "/return", other.authorization()),
                    404, "urn:bookrental:problem:rental-not-found");
            // The card is always the caller's: a body naming someone else is refused, not obeyed.
            Http.Response onAnothersCard = Http.postJson(base + "/api/rentals",
                    "{\"bookId\":" + book + ",\"memberId\":\"" + owner.id() + "\"}", other.authorization());
            ApiErrorsTest.assertProblem(onAnothersCard, 400, "urn:bookrental:problem:invalid-body");
            assertThat(onAnothersCard.json().get("errors").findValuesAsString("name")).containsExactly("memberId");
        }

        assertThat(Library.rental(owner, rentalId).json().get("status").asString()).isEqualTo("RENTED");
        assertThat(Library.card(owner).get("loans")).hasSize(1);
        assertThat(Library.card(other).get("loans")).isEmpty();
        assertThat(Library.card(other).get("pending")).isEmpty();
        assertThat(Library.points(other)).isEqualTo(100);
    }

    private static void expectUnauthenticated(Http.Response response, String what, List<String> failures) {
        boolean problem = response.contentType().startsWith("application/problem+json")
                && "urn:bookrental:problem:unauthenticated".equals(response.json().get("type").asString());
        if (response.status() != 401 || !problem || response.header("WWW-Authenticate") == null) {
            failures.add(what + " -> " + response.status() + " " + response.raw().body());
        }
    }

    private static Map<String, Object> with(Map<String, Object> claims, UnaryOperator<Map<String, Object>> change) {
        return change.apply(new LinkedHashMap<>(claims));
    }

    private static Map<String, Object> put(Map<String, Object> claims, String name, Object value) {
        claims.put(name, value);
        return claims;
    }

    /** A genuinely signed token whose claims part was swapped afterwards: the signature no longer matches. */
    private static String tamper(String token, Map<String, Object> claims) {
        String[] parts = token.split("\\.");
        String forged = ForgedTokens.unsigned(claims).split("\\.")[1];
        return parts[0] + "." + forged + "." + parts[2];
    }

    private static byte[] pem(byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return ("-----BEGIN PUBLIC KEY-----\n" + body + "\n-----END PUBLIC KEY-----\n").getBytes(StandardCharsets.US_ASCII);
    }
}
