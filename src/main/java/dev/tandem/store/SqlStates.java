package dev.tandem.store;

import java.sql.SQLException;

/** Reading the SQLSTATE of a failure, the one code H2 and PostgreSQL share (and SQLite's result code). */
final class SqlStates {

    private SqlStates() {
    }

    /**
     * Class 23, integrity constraint violation (e.g. 23505 unique violation), anywhere in the
     * chain: a failed JDBC batch hides the real error in its next exception or cause.
     */
    static boolean isIntegrityViolation(SQLException failure) {
        Throwable current = failure;
        for (int depth = 0; current != null && depth < 10; depth++) {
            if (current instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("23")) {
                return true;
            }
            if (current instanceof SQLException sql && isSqliteConstraint(sql)) {
                return true;
            }
            current = next(current);
        }
        return false;
    }

    /**
     * Class 40, transaction rollback (40001 serialization failure, 40P01 deadlock): the
     * database gave up the transaction, and trying again may work.
     */
    static boolean isTransactionRollback(SQLException failure) {
        Throwable current = failure;
        for (int depth = 0; current != null && depth < 10; depth++) {
            if (current instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("40")) {
                return true;
            }
            current = next(current);
        }
        return false;
    }

    /** SQLite's driver gives no SQLSTATE, only SQLite's result code: 19 is SQLITE_CONSTRAINT (extended codes keep it in the low byte). */
    private static boolean isSqliteConstraint(SQLException failure) {
        return failure.getClass().getName().startsWith("org.sqlite.") && (failure.getErrorCode() & 0xFF) == 19;
    }

    /** The message and SQLSTATE of a failure and of what it hides. */
    static String describe(SQLException failure) {
        StringBuilder text = new StringBuilder();
        Throwable current = failure;
        for (int depth = 0; current != null && depth < 3; depth++) {
            if (depth > 0) {
                text.append("; caused by: ");
            }
            text.append(current.getMessage());
            if (current instanceof SQLException sql && sql.getSQLState() != null) {
                text.append(" (SQLState ").append(sql.getSQLState()).append(')');
            }
            current = next(current);
        }
        return text.toString();
    }

    private static Throwable next(Throwable current) {
        if (current instanceof SQLException sql && sql.getNextException() != null && sql.getNextException() != current) {
            return sql.getNextException();
        }
        return current.getCause() == current ? null : current.getCause();
    }
}
