package dev.bookrental.member;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.bookrental.member.points.PointsLedger;
import dev.bookrental.member.profile.MemberRepository;

/**
 * The whole member service against a real PostgreSQL (migrated by its own Flyway scripts) and a
 * real Kafka broker, with {@link Messages} playing the other services. Every test class that
 * extends it shares one application context, so each test works on members and rentals of its own.
 */
@SpringBootTest(classes = MemberApplication.class, properties = {
        "spring.config.location=classpath:/slice-test.yml", // instead of application.yml and its config-server import
        // As in the config repository's application.yml: the bus (Spring Cloud Stream) would make byte
        // arrays the default of every Kafka consumer; our listeners read text.
        "spring.kafka.consumer.key-deserializer=org.apache.kafka.common.serialization.StringDeserializer",
        "spring.kafka.consumer.value-deserializer=org.apache.kafka.common.serialization.StringDeserializer",
        "bookrental.messaging.outbox.poll-interval=20ms"})
@Import(Messages.class)
public abstract class MemberServiceTest {

    @Autowired
    protected Messages messages;
    @Autowired
    protected JdbcClient jdbc;
    @Autowired
    private MemberRepository members;
    @Autowired
    private PointsLedger ledger;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> TestInfrastructure.postgres().getJdbcUrl("postgres", "postgres"));
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "postgres");
        registry.add("spring.kafka.bootstrap-servers", () -> TestInfrastructure.kafka().getBrokersAsString());
    }

    /** A new member with {@code points} on a TOP_UP movement (none when 0). */
    protected String newMember(int points) {
        String id = UUID.randomUUID().toString();
        members.create(id, "user-" + id, "Test Member");
        if (points > 0) {
            addPoints(id, points);
        }
        return id;
    }

    /** Adds points on the ledger (a TOP_UP movement) without anything else a top-up does. */
    protected void addPoints(String memberId, int points) {
        assertThat(ledger.move(memberId, points, "TOP_UP")).as("points added").isPresent();
    }

    protected int points(String memberId) {
        return jdbc.sql("SELECT points FROM member WHERE id = :id").param("id", memberId).query(Integer.class).single();
    }

    /** The member's ledger, oldest first. */
    protected List<Movement> movements(String memberId) {
        return jdbc.sql("SELECT amount, reason, balance_after FROM point_movement WHERE member_id = :id ORDER BY id")
                .param("id", memberId)
                .query((rs, row) -> new Movement(rs.getInt("amount"), rs.getString("reason"), rs.getInt("balance_after")))
                .list();
    }

    /** One row of point_movement. */
    public record Movement(int amount, String reason, int balanceAfter) {
    }
}
