package dev.bookrental.auth.account;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The accounts, in auth's own database. Usernames are compared without regard to case. */
@Repository
public class AccountRepository {

    private static final String COLUMNS = "id, username, password_hash, display_name, roles, created_at";

    private final JdbcClient jdbc;

    AccountRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a new account; empty when the username is taken (in any case). */
    public Optional<Account> insert(String username, String passwordHash, String displayName, List<String> roles) {
        return jdbc.sql("""
                        INSERT INTO account (id, username, password_hash, display_name, roles)
                        VALUES (:id, :username, :passwordHash, :displayName, :roles)
                        ON CONFLICT ((lower(username))) DO NOTHING
                        """ + "RETURNING " + COLUMNS)
                .param("id", UUID.randomUUID())
                .param("username", username)
                .param("passwordHash", passwordHash)
                .param("displayName", displayName)
                .param("roles", roles.toArray(String[]::new))
                .query(AccountRepository::account)
                .optional();
    }

    public Optional<Account> findByUsername(String username) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM account WHERE lower(username) = lower(:username)")
                .param("username", username)
                .query(AccountRepository::account)
                .optional();
    }

    public Optional<Account> findById(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM account WHERE id = :id")
                .param("id", id)
                .query(AccountRepository::account)
                .optional();
    }

    void updatePasswordHash(UUID id, String passwordHash) {
        jdbc.sql("UPDATE account SET password_hash = :passwordHash WHERE id = :id")
                .param("id", id)
                .param("passwordHash", passwordHash)
                .update();
    }

    private static Account account(ResultSet rs, int row) throws SQLException {
        return new Account(rs.getObject("id", UUID.class), rs.getString("username"), rs.getString("password_hash"),
                rs.getString("display_name"), Arrays.asList((String[]) rs.getArray("roles").getArray()),
                rs.getTimestamp("created_at").toInstant());
    }
}
