package app.cascade.api.internal;

import app.cascade.api.ApiProblems;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Which failures mean "the database cannot serve now" (503) rather than a bug (500). */
class ServerErrorsTest {

    @Test
    void a_pool_timeout_or_a_lost_database_is_unavailable_however_deeply_it_is_wrapped() {
        SQLTransientConnectionException poolTimeout = new SQLTransientConnectionException(
                "cascade - Connection is not available, request timed out after 30000ms");

        assertThat(ServerErrors.databaseUnavailable(poolTimeout)).isTrue();
        assertThat(ServerErrors.databaseUnavailable(new CannotCreateTransactionException(
                "Could not open JPA EntityManager for transaction", new RuntimeException(poolTimeout)))).isTrue();
        assertThat(ServerErrors.databaseUnavailable(new CannotGetJdbcConnectionException("no connection"))).isTrue();
        assertThat(ServerErrors.databaseUnavailable(new SQLException("the database system is starting up",
                "57P03"))).isTrue();
        assertThat(ServerErrors.databaseUnavailable(new SQLException("connection refused", "08001"))).isTrue();
    }

    @Test
    void a_bad_statement_or_a_bug_is_not_unavailable() {
        assertThat(ServerErrors.databaseUnavailable(new IllegalStateException("bug"))).isFalse();
        assertThat(ServerErrors.databaseUnavailable(new DataIntegrityViolationException("duplicate",
                new SQLException("duplicate key", "23505")))).isFalse();
        assertThat(ServerErrors.databaseUnavailable(new CannotCreateTransactionException("other"))).isFalse();
    }

    @Test
    void retry_after_is_whole_seconds_rounded_up_and_at_least_one() {
        assertThat(ApiProblems.retryAfterSeconds(Duration.ofSeconds(10))).isEqualTo(10);
        assertThat(ApiProblems.retryAfterSeconds(Duration.ofMillis(6500))).isEqualTo(7);
        assertThat(ApiProblems.retryAfterSeconds(Duration.ofMillis(1))).isEqualTo(1);
        assertThat(ApiProblems.retryAfterSeconds(Duration.ZERO)).isEqualTo(1);
        assertThat(ApiProblems.retryAfterSeconds(null)).isEqualTo(1);
    }
}
