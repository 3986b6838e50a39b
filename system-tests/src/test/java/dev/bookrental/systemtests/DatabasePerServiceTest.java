package dev.bookrental.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Database per service: each service has its own database and login; one service's login cannot
 * reach another's database, and a login needs its password.
 */
@Order(3)
@ExtendWith(BookrentalSystem.class)
class DatabasePerServiceTest {

    private static final String URL = "jdbc:postgresql://127.0.0.1:5432/";

    @Test
    void eachLoginReachesItsOwnDatabase() throws SQLException {
        try (Connection book = DriverManager.getConnection(URL + "book", "book", "book");
             Connection member = DriverManager.getConnection(URL + "member", "member", "member");
             Connection rental = DriverManager.getConnection(URL + "rental", "rental", "rental")) {
            assertThat(book.createStatement().executeQuery("SELECT count(*) FROM book").next()).isTrue();
            assertThat(member.createStatement().executeQuery("SELECT count(*) FROM member").next()).isTrue();
            assertThat(rental.createStatement().executeQuery("SELECT count(*) FROM event").next()).isTrue();
        }
    }

    @Test
    void bookLoginCannotReachMemberDatabase() {
        assertThatThrownBy(() -> DriverManager.getConnection(URL + "member", "book", "book").close())
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("permission denied for database");
    }

    @Test
    void memberLoginCannotReachBookDatabase() {
        assertThatThrownBy(() -> DriverManager.getConnection(URL + "book", "member", "member").close())
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("permission denied for database");
    }

    @Test
    void noOtherLoginReachesTheRentalEventStore() {
        for (String other : new String[] {"book", "member"}) {
            assertThatThrownBy(() -> DriverManager.getConnection(URL + "rental", other, other).close())
                    .as(other).isInstanceOf(SQLException.class)
                    .hasMessageContaining("permission denied for database");
        }
    }

    @Test
    void theReadSideHasItsOwnDatabaseThatNoServiceLoginReaches() throws SQLException {
        try (Connection query = DriverManager.getConnection(URL + "query", "query", "query")) {
            assertThat(query.createStatement().executeQuery("SELECT count(*) FROM book_view").next()).isTrue();
        }
        for (String other : new String[] {"book", "member", "rental"}) {
            assertThatThrownBy(() -> DriverManager.getConnection(URL + "query", other, other).close())
                    .as(other).isInstanceOf(SQLException.class)
                    .hasMessageContaining("permission denied for database");
        }
    }

    @Test
    void aLoginNeedsItsPassword() {
        assertThatThrownBy(() -> DriverManager.getConnection(URL + "member", "member", "not-the-password").close())
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("password authentication failed");
    }
}
