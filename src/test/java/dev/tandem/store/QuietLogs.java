package dev.tandem.store;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Keeps the pool's and embedded PostgreSQL's start/stop lines (one set per test) out of the build log. */
final class QuietLogs {

    // java.util.logging holds loggers weakly: a level set on one that is collected is lost
    private static final List<Logger> QUIETED = List.of(Logger.getLogger("com.zaxxer.hikari"), Logger.getLogger("io.zonky"));

    private QuietLogs() {
    }

    static void apply() {
        QUIETED.forEach(logger -> logger.setLevel(Level.WARNING));
    }
}
