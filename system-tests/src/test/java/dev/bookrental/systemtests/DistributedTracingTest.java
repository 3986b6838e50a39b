package dev.bookrental.systemtests;

import static dev.bookrental.systemtests.Library.addBook;
import static dev.bookrental.systemtests.Library.registeredMember;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import dev.bookrental.launcher.RunningSystem;
import dev.bookrental.launcher.ServiceInstance;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.bookrental.systemtests.Zipkin.Span;

/**
 * Distributed tracing (docs/patterns/distributed-tracing.md): one rental is one trace in Zipkin,
 * from the gateway through rental, the Kafka hops of the saga's commands and replies, book and
 * member; every answer names its trace in {@code X-Trace-Id}, and every problem in {@code traceId}
 * too, a trace Zipkin knows and the gateway's access log names.
 */
@Order(3)
@ExtendWith(BookrentalSystem.class)
class DistributedTracingTest {

    private static final String TRACE_ID = "[0-9a-f]{32}";

    @Test
    void oneRentalIsOneTraceFromTheGatewayThroughKafkaToBookAndMemberAndBack() {
        User member = registeredMember();
        long book = addBook("Traced Rental", 1);

        Http.Response accepted = Library.rent(member, book);
        assertThat(accepted.status()).as(accepted.raw().body()).isEqualTo(202);
        String traceId = accepted.header("X-Trace-Id");
        assertThat(traceId).matches(TRACE_ID);
        assertThat(Library.ended(member, accepted.json().get("rentalId").asString()).get("status").asString())
                .isEqualTo("RENTED");

        Zipkin.assertTrace(traceId, trace -> {
            assertThat(trace).extracting(Span::traceId).containsOnly(traceId);
            assertThat(trace).extracting(Span::service).contains("gateway", "rental", "book", "member");
            assertThat(trace).as("the gateway's server span and the request it routed to rental")
                    .anyMatch(serverSpanOf("gateway")).anyMatch(serverSpanOf("rental"));
            assertKafkaHop(trace, "rental", "book.commands", "book"); // ReserveCopy
            assertKafkaHop(trace, "book", "rental.saga-replies", "rental"); // CopyReserved
            assertKafkaHop(trace, "rental", "member.commands", "member"); // ChargePoints
            assertKafkaHop(trace, "member", "rental.saga-replies", "rental"); // PointsCharged
        });
    }

    @Test
    void aProblemOfAServiceCarriesItsTraceIdWhichZipkinAndTheAccessLogKnow(RunningSystem system) throws IOException {
        User member = registeredMember();

        Http.Response notFound = Library.rental(member, UUID.randomUUID().toString());

        ApiErrorsTest.assertProblem(notFound, 404, "urn:bookrental:problem:rental-not-found");
        String traceId = notFound.json().get("traceId").asString();
        assertThat(traceId).matches(TRACE_ID).isEqualTo(notFound.header("X-Trace-Id"));
        Zipkin.assertTrace(traceId, trace -> assertThat(trace).anyMatch(serverSpanOf("gateway")).anyMatch(serverSpanOf("rental")));
        ServiceInstance gateway = system.instances("gateway").getFirst();
        await().atMost(Duration.ofSeconds(5)).until(() -> Files.readString(gateway.log()).contains("trace_id=" + traceId));
    }

    @Test
    void theGatewaysOwnProblemsCarryTheTraceId() {
        Http.Response unauthenticated = Http.get(Http.GATEWAY + "/api/rental-card");
        Http.Response noRoute = Http.get(Http.GATEWAY + "/no-such-thing");

        for (Http.Response problem : List.of(unauthenticated, noRoute)) {
            assertThat(problem.contentType()).startsWith("application/problem+json");
            assertThat(problem.json().get("traceId").asString()).matches(TRACE_ID).isEqualTo(problem.header("X-Trace-Id"));
        }
    }

    @Test
    void theServicesSecurityProblemsCarryTheTraceId(RunningSystem system) {
        ServiceInstance rental = system.instances("rental").getFirst();

        Http.Response unauthenticated = Http.get(rental.baseUrl() + "/api/rental-card");

        ApiErrorsTest.assertProblem(unauthenticated, 401, "urn:bookrental:problem:unauthenticated");
        String traceId = unauthenticated.json().get("traceId").asString();
        assertThat(traceId).matches(TRACE_ID);
        Zipkin.assertTrace(traceId, trace -> assertThat(trace).anyMatch(serverSpanOf("rental")));
    }

    /** A PRODUCER span of {@code from} and a CONSUMER span of {@code to} for the same topic. */
    private static void assertKafkaHop(List<Span> trace, String from, String topic, String to) {
        assertThat(trace).as("%s sends to %s", from, topic).anyMatch(producer(from, topic));
        assertThat(trace).as("%s receives from %s", to, topic).anyMatch(consumer(to, topic));
    }

    private static Predicate<Span> producer(String service, String topic) {
        return span -> span.service().equals(service) && span.kind().equals("PRODUCER") && span.concerns(topic);
    }

    private static Predicate<Span> consumer(String service, String topic) {
        return span -> span.service().equals(service) && span.kind().equals("CONSUMER") && span.concerns(topic);
    }

    private static Predicate<Span> serverSpanOf(String service) {
        return span -> span.service().equals(service) && span.kind().equals("SERVER");
    }
}
