package dev.bookrental.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.json.JsonMapper;

import dev.bookrental.book.api.BookEvent.BookAdded;
import dev.bookrental.book.api.BookTopics;
import dev.bookrental.member.api.MemberEvent.MemberRegistered;
import dev.bookrental.member.api.MemberEvent.PointsToppedUp;
import dev.bookrental.member.api.MemberTopics;
import dev.bookrental.platform.messaging.Message;
import dev.bookrental.platform.messaging.MessageTypes;
import dev.bookrental.platform.messaging.MessagingKafkaClients;
import dev.bookrental.platform.testsupport.Callers;
import dev.bookrental.query.projection.ProjectionGenerations;
import dev.bookrental.rental.api.RentalEvent.BookRented;
import dev.bookrental.rental.api.RentalTopics;

/**
 * The whole rental-query service against a real PostgreSQL and a real Kafka broker: facts sent
 * on the topics in the platform's envelope, as the services' outbox relays send them, become the
 * views its HTTP API answers; a redelivered message is applied once; a rebuild replays the topics
 * into a new generation and swaps to it while queries keep answering the same.
 */
@SpringBootTest(classes = QueryApplication.class, properties = {
        "spring.config.location=classpath:/slice-test.yml",
        "spring.kafka.consumer.key-deserializer=org.apache.kafka.common.serialization.StringDeserializer",
        "spring.kafka.consumer.value-deserializer=org.apache.kafka.common.serialization.StringDeserializer",
        "bookrental.messaging.outbox.enabled=false",
        "bookrental.query.check=200ms",
        "management.endpoints.web.exposure.include=projections,prometheus"})
@AutoConfigureMockMvc
class ReadSideTests {

    private static final Duration CATCH_UP = Duration.ofSeconds(30);

    @Autowired
    private MockMvcTester mvc;
    @Autowired
    private MessagingKafkaClients kafka;
    @Autowired
    private JsonMapper json;
    @Autowired
    private ProjectionGenerations generations;
    @Autowired
    private JdbcClient jdbc;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> TestInfrastructure.postgres().getJdbcUrl("postgres", "postgres"));
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "postgres");
        registry.add("spring.kafka.bootstrap-servers", () -> TestInfrastructure.kafka().getBrokersAsString());
    }

    @Test
    void aRedeliveredMessageIsAppliedOnce() {
        String member = UUID.randomUUID().toString();
        UUID registration = UUID.randomUUID();
        send(registration, MemberTopics.EVENTS, member, new MemberRegistered(member, "ada", 100));
        send(registration, MemberTopics.EVENTS, member, new MemberRegistered(member, "ada", 100)); // the same message again
        send(UUID.randomUUID(), MemberTopics.EVENTS, member, new PointsToppedUp(member, 25, 125));   // after it on the same key

        await().atMost(CATCH_UP).untilAsserted(() -> assertThat(dashboard(member)).bodyJson()
                .extractingPath("$.points").isEqualTo(125));
        assertThat(jdbc.sql("SELECT count(*) FROM processed_message WHERE message_id = :id").param("id", registration)
                .query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void rentalsAndTitlesFromThreeTopicsMakeTheRankingAndTheDashboard() {
        String member = UUID.randomUUID().toString();
        long book = newBookId();
        Instant due = Instant.parse("2026-12-24T12:00:00Z");
        send(UUID.randomUUID(), RentalTopics.EVENTS, member, new BookRented("r-" + member, member, book, 1, 40, due));
        send(UUID.randomUUID(), MemberTopics.EVENTS, member, new MemberRegistered(member, "bob", 100));
        send(UUID.randomUUID(), BookTopics.EVENTS, Long.toString(book),
                new BookAdded(book, "978-1", "Solaris", List.of("Stanisław Lem"), null, 1961));

        await().atMost(CATCH_UP).untilAsserted(() -> {
            MvcTestResult dashboard = dashboard(member);
            assertThat(dashboard).hasStatusOk();
            assertThat(dashboard).bodyJson().extractingPath("$.points").isEqualTo(60);
            assertThat(dashboard).bodyJson().extractingPath("$.cardStatus").isEqualTo("ACTIVE");
            assertThat(dashboard).bodyJson().extractingPath("$.rentals[0].title").isEqualTo("Solaris");
            assertThat(dashboard).bodyJson().extractingPath("$.rentals[0].dueAt").isEqualTo("2026-12-24T12:00:00Z");
        });
        assertThat(mvc.get().uri("/api/best-books?limit=50")).bodyJson()
                .extractingPath("$[?(@.bookId == " + book + ")].title").asArray().containsExactly("Solaris");
        MvcTestResult rank = mvc.get().uri("/api/best-books/" + book).exchange();
        assertThat(rank).hasStatusOk();
        assertThat(rank).bodyText().contains("\"bookId\":" + book + ",");
        assertThat(rank).bodyJson().extractingPath("$.rank").isNotNull();
        assertThat(rank).bodyJson().extractingPath("$.rentals").isEqualTo(1);
    }

    @Test
    void aBookNobodyRentedIsNotRankedAndItsIdMustBeAPositiveNumber() {
        MvcTestResult unranked = mvc.get().uri("/api/best-books/" + newBookId()).exchange();
        assertThat(unranked).hasStatusOk();
        assertThat(unranked).bodyJson().extractingPath("$.rank").isNull();
        assertThat(unranked).bodyJson().extractingPath("$.rentals").isEqualTo(0);
        for (String bookId : List.of("0", "-3", "many")) {
            MvcTestResult answer = mvc.get().uri("/api/best-books/" + bookId).exchange();
            assertThat(answer).as("bookId=" + bookId).hasStatus(400).hasContentType("application/problem+json");
            assertThat(answer).bodyJson().extractingPath("$.errors[0].name").isEqualTo("bookId");
        }
    }

    @Test
    void aRebuildReplaysEverythingIntoANewGenerationAndSwapsWhileQueriesKeepAnsweringTheSame() throws Exception {
        String member = UUID.randomUUID().toString();
        long book = newBookId();
        send(UUID.randomUUID(), MemberTopics.EVENTS, member, new MemberRegistered(member, "cy", 100));
        send(UUID.randomUUID(), BookTopics.EVENTS, Long.toString(book), new BookAdded(book, "978-2", "Ubik", List.of(), null, null));
        send(UUID.randomUUID(), RentalTopics.EVENTS, member,
                new BookRented("r-" + member, member, book, 2, 40, Instant.parse("2026-12-31T00:00:00Z")));
        await().atMost(CATCH_UP).until(() -> dashboard(member).getResponse().getContentAsString().contains("Ubik"));
        int before = generations.active();
        String dashboardBefore = dashboard(member).getResponse().getContentAsString();
        String rankingBefore = ranking();

        AtomicBoolean rebuilding = new AtomicBoolean(true);
        List<String> answersDuringTheRebuild = new ArrayList<>();
        Thread reader = Thread.ofVirtual().start(() -> {
            while (rebuilding.get()) {
                try {
                    answersDuringTheRebuild.add(dashboard(member).getResponse().getContentAsString());
                } catch (Exception e) {
                    answersDuringTheRebuild.add(e.toString());
                }
            }
        });
        MvcTestResult started = mvc.post().uri("/actuator/projections/rebuild").exchange();
        assertThat(started).hasStatusOk().bodyJson().extractingPath("$.building").isEqualTo(before + 1);
        await().atMost(CATCH_UP).until(() -> generations.active() == before + 1);
        rebuilding.set(false);
        reader.join();

        assertThat(dashboard(member).getResponse().getContentAsString()).isEqualTo(dashboardBefore);
        assertThat(ranking()).isEqualTo(rankingBefore);
        assertThat(answersDuringTheRebuild).isNotEmpty().allMatch(dashboardBefore::equals);
        await().atMost(CATCH_UP).untilAsserted(() -> assertThat(jdbc.sql("SELECT count(*) FROM member_view WHERE generation = :g")
                .param("g", before).query(Integer.class).single()).as("the old generation's views are dropped").isZero());
        assertThat(mvc.get().uri("/actuator/projections")).bodyJson().extractingPath("$.active").isEqualTo(before + 1);
    }

    @Test
    void theLagOfTheActiveViewsIsAMetric() {
        String member = UUID.randomUUID().toString();
        send(UUID.randomUUID(), MemberTopics.EVENTS, member, new MemberRegistered(member, "dee", 100));
        await().atMost(CATCH_UP).until(() -> dashboard(member).getResponse().getStatus() == 200);

        assertThat(mvc.get().uri("/actuator/prometheus")).hasStatusOk().bodyText()
                .contains("bookrental_projection_delay_seconds_count{")
                .contains("topic=\"member.events\"")
                .contains("bookrental_projection_lag_events{")
                .contains("bookrental_projection_generation ");
    }

    @Test
    void limitMustBeBetweenOneAndFifty() {
        for (String limit : List.of("0", "51", "-1", "many")) {
            MvcTestResult answer = mvc.get().uri("/api/best-books?limit=" + limit).exchange();
            assertThat(answer).as("limit=" + limit).hasStatus(400).hasContentType("application/problem+json");
            assertThat(answer).bodyJson().extractingPath("$.errors[0].name").isEqualTo("limit");
        }
        assertThat(mvc.get().uri("/api/best-books?limit=50")).hasStatusOk();
        assertThat(mvc.get().uri("/api/best-books")).hasStatusOk();
    }

    @Test
    void theDashboardIsAMembersOwnAndFoundOnceSomethingIsKnownAboutThem() {
        assertThat(mvc.get().uri("/api/members/me/dashboard")).hasStatus(401);
        assertThat(mvc.get().uri("/api/members/me/dashboard").with(Callers.librarian())).hasStatus(403);
        MvcTestResult unknown = dashboard(UUID.randomUUID().toString());
        assertThat(unknown).hasStatus(404).bodyJson().extractingPath("$.type").isEqualTo("urn:bookrental:problem:dashboard-not-found");
    }

    private MvcTestResult dashboard(String member) {
        return mvc.get().uri("/api/members/me/dashboard").with(Callers.member(member)).exchange();
    }

    private String ranking() throws Exception {
        return mvc.get().uri("/api/best-books?limit=50").exchange().getResponse().getContentAsString();
    }

    private void send(UUID id, String topic, String key, Record payload) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, json.writeValueAsString(payload));
        record.headers().add(Message.ID, id.toString().getBytes(StandardCharsets.UTF_8));
        record.headers().add(Message.TYPE, MessageTypes.nameOf(payload.getClass()).getBytes(StandardCharsets.UTF_8));
        record.headers().add(Message.SCHEMA_VERSION, "1".getBytes(StandardCharsets.UTF_8));
        kafka.template().send(record).join();
    }

    private static long newBookId() {
        return UUID.randomUUID().getMostSignificantBits() & Long.MAX_VALUE;
    }
}
