package dev.newsflow.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

class SqlFailuresTest {

    @Test
    void shouldTellABusyOrLockedSqliteDatabaseByItsResultCode() {
        assertThat(SqlFailures.isTransient(new SQLiteException("[SQLITE_BUSY] The database file is locked", SQLiteErrorCode.SQLITE_BUSY))).isTrue();
        assertThat(SqlFailures.isTransient(new SQLiteException("snapshot", SQLiteErrorCode.SQLITE_BUSY_SNAPSHOT))).isTrue();
        assertThat(SqlFailures.isTransient(new SQLiteException("table locked", SQLiteErrorCode.SQLITE_LOCKED))).isTrue();
        assertThat(SqlFailures.isTransient(new SQLiteException("database is locked, but says so only in words",
                SQLiteErrorCode.SQLITE_CONSTRAINT))).as("the message is not read").isFalse();
    }

    @Test
    void shouldTellPassingFailuresOfPostgresqlBySqlState() {
        assertThat(SqlFailures.isTransient(new SQLException("connection refused", "08001"))).isTrue();
        assertThat(SqlFailures.isTransient(new SQLException("could not serialize access", "40001"))).isTrue();
        assertThat(SqlFailures.isTransient(new SQLException("deadlock detected", "40P01"))).isTrue();
        assertThat(SqlFailures.isTransient(new SQLException("the database system is shutting down", "57P03"))).isTrue();
        assertThat(SqlFailures.isTransient(new SQLException("duplicate key", "23505"))).isFalse();
        assertThat(SqlFailures.isTransient(new SQLException("value too long", "22001"))).isFalse();
    }

    @Test
    void shouldTreatAPoolTimeoutAsTransientAndWrapItSo() {
        SQLException timeout = new SQLTransientConnectionException("newsflow-store - Connection is not available");
        assertThat(SqlFailures.wrap("cannot write", timeout)).isInstanceOf(TransientStorageException.class);
        assertThat(SqlFailures.wrap("cannot write", new SQLException("syntax", "42601"))).isNotInstanceOf(TransientStorageException.class);
    }
}
