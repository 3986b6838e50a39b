package dev.bookrental.auth.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.bookrental.auth.AuthServiceTest;
import dev.bookrental.auth.api.AuthTopics;

/**
 * {@code POST /auth/register} through the whole service (security filters included: no CSRF token,
 * no session) against real PostgreSQL: an account and its AccountRegistered message, or a
 * problem naming the field and nothing stored.
 */
class RegistrationTests extends AuthServiceTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void registersAMemberAndEnqueuesAccountRegisteredInTheSameTransaction() {
        MvcTestResult result = register("""
                {"username": "ada", "password": "analytical engine 1843", "displayName": "Ada Lovelace"}""");

        assertThat(result).hasStatus(HttpStatus.CREATED).hasContentTypeCompatibleWith(MediaType.APPLICATION_JSON);
        String id = JSON.readTree(result.getResponse().getContentAsByteArray()).get("id").asString();
        assertThat(UUID.fromString(id)).isNotNull();
        assertThat(result).bodyJson().extractingPath("$.username").isEqualTo("ada");
        assertThat(result).bodyJson().extractingPath("$.displayName").isEqualTo("Ada Lovelace");

        var account = jdbc.sql("SELECT username, password_hash, display_name, array_to_string(roles, ',') AS roles "
                        + "FROM account WHERE id = :id")
                .param("id", UUID.fromString(id))
                .query((rs, row) -> List.of(rs.getString("username"), rs.getString("password_hash"),
                        rs.getString("display_name"), rs.getString("roles")))
                .single();
        assertThat(account.get(0)).isEqualTo("ada");
        assertThat(account.get(1)).as("Argon2id hash, never the password")
                .startsWith("{argon2@SpringSecurity_v5_8}$argon2id$").doesNotContain("analytical");
        assertThat(account.get(2)).isEqualTo("Ada Lovelace");
        assertThat(account.get(3)).isEqualTo("MEMBER");

        List<OutboxRow> messages = outboxRowsFor(id);
        assertThat(messages).hasSize(1);
        OutboxRow message = messages.getFirst();
        assertThat(message.topic()).isEqualTo(AuthTopics.EVENTS);
        assertThat(message.type()).isEqualTo("AccountRegistered");
        JsonNode payload = JSON.readTree(message.payload());
        assertThat(payload.get("accountId").asString()).isEqualTo(id);
        assertThat(payload.get("username").asString()).isEqualTo("ada");
        assertThat(payload.get("displayName").asString()).isEqualTo("Ada Lovelace");
    }

    @Test
    void takesTheUsernameInLowerCaseAndTheDisplayNameWithoutSurroundingBlanks() {
        MvcTestResult result = register("""
                {"username": "Grace.Hopper", "password": "cobol compiler 1959", "displayName": "  Grace Hopper "}""");

        assertThat(result).hasStatus(HttpStatus.CREATED);
        assertThat(result).bodyJson().extractingPath("$.username").isEqualTo("grace.hopper");
        assertThat(result).bodyJson().extractingPath("$.displayName").isEqualTo("Grace Hopper");
    }

    @Test
    void rejectsATakenUsernameWhateverItsCaseAndStoresNothing() {
        assertThat(register("""
                {"username": "alan_t", "password": "enigma bombe 1940", "displayName": "Alan Turing"}"""))
                .hasStatus(HttpStatus.CREATED);
        long accounts = count("account");
        long messages = count("outbox_message");

        MvcTestResult again = register("""
                {"username": "Alan_T", "password": "another password 1", "displayName": "Someone Else"}""");

        assertThat(again).hasStatus(HttpStatus.CONFLICT).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(again).bodyJson().extractingPath("$.type").isEqualTo("urn:bookrental:problem:username-taken");
        assertThat(again).bodyJson().extractingPath("$.username").isEqualTo("alan_t");
        assertThat(count("account")).isEqualTo(accounts);
        assertThat(count("outbox_message")).isEqualTo(messages);
    }

    static Stream<Arguments> invalidRegistrations() {
        String password = "\"correct horse battery\"";
        return Stream.of(
                Arguments.of("username missing", "{\"password\": " + password + ", \"displayName\": \"X\"}", "username"),
                Arguments.of("username too short", body("ab", password, "X"), "username"),
                Arguments.of("username too long", body("a".repeat(33), password, "X"), "username"),
                Arguments.of("username with a blank", body("ada lovelace", password, "X"), "username"),
                Arguments.of("username with @", body("ada@example.org", password, "X"), "username"),
                Arguments.of("username not ASCII", body("adä", password, "X"), "username"),
                Arguments.of("password missing", "{\"username\": \"pw-missing\", \"displayName\": \"X\"}", "password"),
                Arguments.of("password too short", body("pw-short", "\"elevenchars\"", "X"), "password"),
                Arguments.of("password too long", body("pw-long", "\"" + "abcdefgh".repeat(16) + "x\"", "X"), "password"),
                Arguments.of("password contains the username", body("margaret", "\"Margaret-Hamilton-69\"", "X"), "password"),
                Arguments.of("common password", body("pw-common", "\"Password1234\"", "X"), "password"),
                Arguments.of("password of few characters", body("pw-few", "\"abcabcabcabcabc\"", "X"), "password"),
                Arguments.of("display name missing", "{\"username\": \"dn-missing\", \"password\": " + password + "}", "displayName"),
                Arguments.of("display name blank", body("dn-blank", password, "   "), "displayName"),
                Arguments.of("display name too long", body("dn-long", password, "x".repeat(65)), "displayName"),
                Arguments.of("display name with a control character", body("dn-bell", password, "Ada\\u0007"), "displayName"),
                Arguments.of("display name with a bidi override", body("dn-bidi", password, "Ada\\u202Egnp.exe"), "displayName"),
                Arguments.of("unknown field", "{\"username\": \"unknown-field\", \"password\": " + password
                        + ", \"displayName\": \"X\", \"roles\": [\"LIBRARIAN\"]}", "roles"),
                Arguments.of("wrong type", "{\"username\": [\"wrong-type\"], \"password\": " + password
                        + ", \"displayName\": \"X\"}", "username"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidRegistrations")
    void rejectsAnInvalidFieldNamingItAndStoresNothing(String description, String body, String field) {
        long accounts = count("account");
        long messages = count("outbox_message");

        MvcTestResult result = register(body);

        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result).bodyJson().extractingPath("$.type").isEqualTo("urn:bookrental:problem:invalid-body");
        assertThat(result).bodyJson().extractingPath("$.errors[*].name").asArray().containsExactly(field);
        assertThat(count("account")).isEqualTo(accounts);
        assertThat(count("outbox_message")).isEqualTo(messages);
    }

    @Test
    void rejectsABodyThatIsNotJson() {
        long accounts = count("account");

        assertThat(mvc.post().uri("/auth/register").contentType(MediaType.APPLICATION_JSON).content("{username: ada"))
                .hasStatus(HttpStatus.BAD_REQUEST).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(mvc.post().uri("/auth/register").contentType(MediaType.TEXT_PLAIN).content("ada"))
                .hasStatus(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
        assertThat(count("account")).isEqualTo(accounts);
    }

    private static String body(String username, String passwordJson, String displayName) {
        return "{\"username\": \"" + username + "\", \"password\": " + passwordJson + ", \"displayName\": \"" + displayName + "\"}";
    }

    private MvcTestResult register(String body) {
        return mvc.post().uri("/auth/register").contentType(MediaType.APPLICATION_JSON).content(body).exchange();
    }

    private long count(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }

    private List<OutboxRow> outboxRowsFor(String key) {
        return jdbc.sql("SELECT topic, message_type, payload::text FROM outbox_message WHERE message_key = :key")
                .param("key", key)
                .query((rs, row) -> new OutboxRow(rs.getString(1), rs.getString(2), rs.getString(3)))
                .list();
    }

    private record OutboxRow(String topic, String type, String payload) {
    }
}
