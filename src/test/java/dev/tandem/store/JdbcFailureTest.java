package dev.tandem.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** A database that stops answering: not reachable, and every call a {@link StoreException} naming what failed. */
class JdbcFailureTest {

    private final AtomicBoolean down = new AtomicBoolean();

    @Test
    void storeOverADatabaseThatWentDownIsUnreachableAndFailsWithStoreExceptions() {
        try (JdbcDocumentStore store = new JdbcDocumentStore(switchable(h2()))) {
            store.create("notes");
            assertThat(store.isReachable()).isTrue();

            down.set(true);

            assertThat(store.isReachable()).isFalse();
            assertThatThrownBy(() -> store.append("notes", 0, List.of(Typing.insertAt(0, "ana-0001", 1)), 1))
                    .isInstanceOf(StoreException.class).hasMessageContaining("append to 'notes' at rev 0").hasMessageContaining("database is down");
            assertThatThrownBy(() -> store.load("notes")).isInstanceOf(StoreException.class).hasMessageContaining("load 'notes'");
            assertThatThrownBy(() -> store.list(5)).isInstanceOf(StoreException.class).hasMessageContaining("list documents");

            down.set(false);
            assertThat(store.summary("notes")).as("after the database is back").isPresent();
        }
    }

    @Test
    void storeThatCannotConnectAtStartFailsWithTheCause() {
        DataSource unreachable = (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    throw new SQLException("connection refused by 10.0.0.9:5432");
                });

        assertThatThrownBy(() -> new JdbcDocumentStore(unreachable))
                .isInstanceOf(StoreException.class).hasMessageContaining("cannot open the document store").hasMessageContaining("10.0.0.9:5432");
    }

    @Test
    void unsupportedDatabaseIsRefusedByName() {
        DatabaseMetaData meta = proxy(DatabaseMetaData.class, name -> switch (name) {
            case "getDatabaseProductName" -> "HSQL Database Engine";
            case "getDatabaseProductVersion" -> "2.7.4";
            case "getURL" -> "jdbc:hsqldb:mem:x";
            default -> null;
        });
        Connection connection = proxy(Connection.class, name -> name.equals("getMetaData") ? meta : null);
        DataSource hsql = proxy(DataSource.class, name -> name.equals("getConnection") ? connection : null);

        assertThatThrownBy(() -> new JdbcDocumentStore(hsql))
                .isInstanceOf(StoreException.class).hasMessageContaining("HSQL Database Engine 2.7.4").hasMessageContaining("H2 and PostgreSQL");
    }

    private static <T> T proxy(Class<T> type, java.util.function.Function<String, Object> answers) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (p, method, args) -> answers.apply(method.getName())));
    }

    private DataSource h2() {
        org.h2.jdbcx.JdbcDataSource dataSource = new org.h2.jdbcx.JdbcDataSource();
        dataSource.setURL(StoreSettings.h2Url(Path.of("target", "jdbc-failure-test", UUID.randomUUID().toString()).toAbsolutePath()));
        return dataSource;
    }

    /** Delegates to {@code real} until {@link #down} is set, then refuses connections. */
    private DataSource switchable(DataSource real) {
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getConnection") && down.get()) {
                        throw new SQLTransientConnectionException("database is down");
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
