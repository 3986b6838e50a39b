package dev.bookrental.member.profile;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Profiles and balances in the member service's own database. */
@Repository
public class MemberRepository {

    private final JdbcClient jdbc;

    MemberRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Member> findById(String id) {
        return jdbc.sql("SELECT id, username, display_name, points FROM member WHERE id = :id")
                .param("id", id)
                .query((rs, row) -> new Member(rs.getString("id"), rs.getString("username"), rs.getString("display_name"),
                        rs.getInt("points")))
                .optional();
    }

    /** Creates the profile; false when it exists already (the account was registered before). */
    public boolean create(String id, String username, String displayName) {
        return jdbc.sql("""
                        INSERT INTO member (id, username, display_name, points) VALUES (:id, :username, :displayName, 0)
                        ON CONFLICT (id) DO NOTHING""")
                .param("id", id)
                .param("username", username)
                .param("displayName", displayName)
                .update() == 1;
    }
}
