package dev.bookrental.member.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.bookrental.platform.testsupport.MigratedPostgres;

/** Profiles against a real PostgreSQL migrated by the member service's own Flyway scripts. */
class MemberRepositoryTests {

    @RegisterExtension
    static final MigratedPostgres database = new MigratedPostgres("classpath:db/migration");

    private static JdbcClient jdbc;
    private static MemberRepository members;

    @BeforeAll
    static void useDatabase() {
        jdbc = database.jdbc();
        members = new MemberRepository(jdbc);
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
