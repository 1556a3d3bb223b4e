package dev.newsflow.consumer.runtime;

import dev.newsflow.events.InvalidEventException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.common.errors.RetriableException;

/** Tells transient failures (retry the work) from permanent ones (dead-letter the record). */
public final class Failures {
    private Failures() {
    }

    /**
     * True for failures that retrying can fix: an unavailable broker or database, a timeout, a lost
     * connection. False for everything a record itself causes, first of all an {@link InvalidEventException}.
     */
    public static boolean isTransient(Throwable error) {
        boolean transientCause = false;
        for (Throwable e = error; e != null; e = e.getCause() == e ? null : e.getCause()) {
            if (e instanceof InvalidEventException) {
                return false;
            }
            transientCause |= e instanceof TransientException || e instanceof RetriableException
                    || e instanceof SQLTransientException || e instanceof SQLRecoverableException
                    || e instanceof SocketException || e instanceof SocketTimeoutException
                    || e instanceof UnknownHostException || e instanceof TimeoutException
                    || isSqliteBusy(e) || isConnectionSqlState(e);
        }
        return transientCause;
    }

    /** SQLite reports a locked database as a plain SQLException with SQLITE_BUSY in its message. */
    private static boolean isSqliteBusy(Throwable e) {
        return e instanceof SQLException && e.getMessage() != null
                && (e.getMessage().contains("SQLITE_BUSY") || e.getMessage().contains("database is locked"));
    }

    /** SQL state class 08 is "connection exception" in every SQL dialect. */
    private static boolean isConnectionSqlState(Throwable e) {
        return e instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08");
    }
}
