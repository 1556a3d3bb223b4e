package dev.newsflow.storage;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/** Tells, by the type and codes the drivers give, whether a database failure passes on its own. Stateless. */
final class SqlFailures {
    private SqlFailures() {
    }

    /**
     * True for: SQLite busy or locked (result code {@code SQLITE_BUSY} / {@code SQLITE_LOCKED}, extended codes
     * included); JDBC's transient and recoverable exceptions (a pool that timed out waiting for a connection among
     * them); SQL states of class 08 (connection exception), 40001 (serialization failure), 40P01 (deadlock), class
     * 53 (insufficient resources) and 57P01-57P03 (the server shutting down or not yet accepting connections).
     */
    static boolean isTransient(Throwable error) {
        for (Throwable e = error; e != null; e = e.getCause() == e ? null : e.getCause()) {
            if (e instanceof SQLTransientException || e instanceof SQLRecoverableException || isSqliteBusy(e)) {
                return true;
            }
            if (e instanceof SQLException sql && sql.getSQLState() != null && isTransientState(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private static boolean isSqliteBusy(Throwable e) {
        if (!(e instanceof SQLiteException sqlite) || sqlite.getResultCode() == null) {
            return false;
        }
        int primary = sqlite.getResultCode().code & 0xff;
        return primary == SQLiteErrorCode.SQLITE_BUSY.code || primary == SQLiteErrorCode.SQLITE_LOCKED.code;
    }

    private static boolean isTransientState(String state) {
        return state.startsWith("08") || state.startsWith("53") || state.equals("40001") || state.equals("40P01")
                || state.equals("57P01") || state.equals("57P02") || state.equals("57P03");
    }

    /** A {@link TransientStorageException} or a {@link StorageException} saying {@code what} failed. */
    static StorageException wrap(String what, SQLException e) {
        return isTransient(e) ? new TransientStorageException(what, e) : new StorageException(what, e);
    }
}
