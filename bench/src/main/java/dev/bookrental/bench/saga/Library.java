package dev.bookrental.bench.saga;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.bookrental.platform.messaging.Message;

/**
 * The library's users, through the gateway on 127.0.0.1, as the system tests drive it: a librarian
 * adds books and copies, an account becomes a member when its {@code AccountRegistered} is
 * published (as auth would), members top up, rent and return. Any unexpected answer throws.
 */
final class Library implements AutoCloseable {

    static final String KAFKA = "127.0.0.1:9092";
    static final String GATEWAY = "http://127.0.0.1:8080";
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final JsonMapper json = JsonMapper.builder().build();

    /** A new member with a balance large enough for every rent of the run; its id. */
    String registeredMember(int topUp) throws IOException, InterruptedException {
        String accountId = UUID.randomUUID().toString();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer())) {
            ProducerRecord<String, String> record = new ProducerRecord<>("auth.events", accountId, """
                    {"accountId":"%s","username":"bench-%s","displayName":"A Reader"}""".formatted(accountId, accountId));
            record.headers().add(Message.ID, UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
            record.headers().add(Message.TYPE, "AccountRegistered".getBytes(StandardCharsets.UTF_8));
            record.headers().add(Message.SCHEMA_VERSION, "1".getBytes(StandardCharsets.UTF_8));
            producer.send(record).get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("Could not publish AccountRegistered", e.getCause());
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (send(get("/api/members/me").header("X-User-Id", accountId)).statusCode() != 200) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Member " + accountId + " was not created within 60 s");
            }
            Thread.sleep(200);
        }
        expect(200, send(post("/api/members/me/points", "{\"amount\":" + topUp + "}").header("X-User-Id", accountId)), "top-up");
        return accountId;
    }

    /** A new title with {@code copies} copies; its id. */
    long addBook(String title, int copies) throws IOException, InterruptedException {
        String isbn = "979" + String.format("%09d", Math.floorMod(UUID.randomUUID().getLeastSignificantBits(), 1_000_000_000L));
        HttpResponse<String> added = expect(201, send(post("/api/books", """
                {"isbn":"%s","title":"%s","authors":["Ada Bench"]}""".formatted(isbn + checkDigit(isbn), title))
                .header("X-User-Roles", "LIBRARIAN")), "add a book");
        long id = json.readTree(added.body()).get("id").asLong();
        expect(201, send(post("/api/books/" + id + "/copies", "{\"count\":" + copies + "}").header("X-User-Roles", "LIBRARIAN")),
                "add copies");
        return id;
    }

    /** Asks to rent: the rental id of the saga started (202), or throws. */
    String rent(String memberId, long bookId) throws IOException, InterruptedException {
        HttpResponse<String> accepted = expect(202, send(post("/api/rentals", "{\"bookId\":" + bookId + "}")
                .header("X-User-Id", memberId)), "rent");
        return json.readTree(accepted.body()).get("rentalId").asString();
    }

    /** The rental as rental's API shows it. */
    JsonNode rental(String memberId, String rentalId) throws IOException, InterruptedException {
        return json.readTree(expect(200, send(get("/api/rentals/" + rentalId).header("X-User-Id", memberId)), "rental").body());
    }

    void returnBook(String memberId, String rentalId) throws IOException, InterruptedException {
        expect(200, send(post("/api/rentals/" + rentalId + "/return", "").header("X-User-Id", memberId)), "return");
    }

    private HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(URI.create(GATEWAY + path)).timeout(REQUEST_TIMEOUT).GET();
    }

    private HttpRequest.Builder post(String path, String body) {
        return HttpRequest.newBuilder(URI.create(GATEWAY + path)).timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
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
