package dev.bookrental.member.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.UUID;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Profiles against a real PostgreSQL migrated by the member service's own Flyway scripts. */
class MemberRepositoryTests {

    private static EmbeddedPostgres postgres;
    private static JdbcClient jdbc;
    private static MemberRepository members;

    @BeforeAll
    static void startDatabase() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
        DataSource dataSource = postgres.getPostgresDatabase();
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        jdbc = JdbcClient.create(dataSource);
        members = new MemberRepository(jdbc);
    }

    @AfterAll
    static void stopDatabase() throws IOException {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void createsAProfileWithZeroPoints() {
        String id = UUID.randomUUID().toString();

        assertThat(members.create(id, "ada", "Ada Lovelace")).isTrue();

        assertThat(members.findById(id)).contains(new Member(id, "ada", "Ada Lovelace", 0));
    }

    @Test
    void creatingTheSameIdAgainReturnsFalseAndKeepsTheFirstProfile() {
        String id = UUID.randomUUID().toString();
        members.create(id, "ada", "Ada Lovelace");
        jdbc.sql("UPDATE member SET points = 100 WHERE id = :id").param("id", id).update();

        assertThat(members.create(id, "impostor", "Someone Else")).isFalse();

        assertThat(members.findById(id)).contains(new Member(id, "ada", "Ada Lovelace", 100));
        assertThat(jdbc.sql("SELECT count(*) FROM member WHERE id = :id").param("id", id).query(Long.class).single())
                .isEqualTo(1);
    }

    @Test
    void findsEachProfileByItsOwnId() {
        String ada = UUID.randomUUID().toString();
        String alan = UUID.randomUUID().toString();
        members.create(ada, "ada", "Ada Lovelace");
        members.create(alan, "alan", "Alan Turing");

        assertThat(members.findById(ada)).map(Member::username).contains("ada");
        assertThat(members.findById(alan)).map(Member::displayName).contains("Alan Turing");
    }

    @Test
    void findsNothingForAnUnknownId() {
        assertThat(members.findById("no-such-" + UUID.randomUUID())).isEmpty();
    }
}
