package dev.tandem.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

class StoreSettingsTest {

    static {
        QuietLogs.apply();
    }

    private final Path home = Path.of("target", "store-settings-test", UUID.randomUUID().toString()).toAbsolutePath();

    @Test
    void defaultUrlIsAnH2FileUnderTheHome() {
        assertThat(StoreSettings.defaultUrl(Path.of("/home/ana")))
                .isEqualTo("jdbc:h2:file:/home/ana/.tandem/tandem;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE");
        assertThat(StoreSettings.sqliteUrl(Path.of("/home/ana"))).isEqualTo("jdbc:sqlite:/home/ana/.tandem/tandem.db");
    }

    @Test
    void missingOrBlankUrlMeansTheDefaultUnderUserHome() {
        String expected = StoreSettings.defaultUrl(Path.of(System.getProperty("user.home")));

        assertThat(new StoreSettings(null, null, null).effectiveUrl()).isEqualTo(expected);
        assertThat(new StoreSettings(" ", null, null).effectiveUrl()).isEqualTo(expected);
        assertThat(new StoreSettings("jdbc:postgresql://db/tandem", "u", "p").effectiveUrl()).isEqualTo("jdbc:postgresql://db/tandem");
    }

    @Test
    void passwordStaysOutOfToString() {
        assertThat(new StoreSettings("jdbc:h2:mem:x", "ana", "s3cret").toString()).doesNotContain("s3cret").contains("ana");
    }

    @Test
    void noContainerDataSourceOffContainer() {
        assertThat(StoreSettings.containerDataSource(null)).isEmpty();
        assertThat(StoreSettings.containerDataSource(FakeNaming.binding(null))).as("a naming context with nothing bound").isEmpty();
    }

    @Test
    void boundContainerDataSourceIsFound() {
        DataSource bound = h2DataSource();

        assertThat(StoreSettings.containerDataSource(FakeNaming.binding(bound))).containsSame(bound);
        assertThat(StoreSettings.containerDataSource(FakeNaming.binding("not a data source"))).isEmpty();
    }

    @Test
    void containerDataSourceWinsOverTheUrlAndIsNotClosedWithTheStore() {
        StoreSettings settings = new StoreSettings("jdbc:postgresql://127.0.0.1:1/nowhere", "nobody", "none");
        try (HikariDataSource container = new HikariDataSource()) {
            container.setJdbcUrl(StoreSettings.h2Url(home));
            container.setUsername("sa");

            try (DocumentStore store = settings.open(Optional.of(container))) {
                assertThat(store.create("notes")).isTrue();
                assertThat(store.isReachable()).isTrue();
            }

            assertThat(container.isClosed()).as("the container's pool after the store closed").isFalse();
        }
    }

    @Test
    void urlIsUsedWithoutAContainerDataSource() {
        try (DocumentStore store = new StoreSettings(StoreSettings.sqliteUrl(home), "", "").open(Optional.empty())) {
            assertThat(store.create("notes")).isTrue();
        }
        assertThat(home.resolve(".tandem").resolve("tandem.db")).as("SQLite's directory created too").isRegularFile();
    }

    @Test
    void unreachableDatabaseFailsAtOpenNamingTheUrl() {
        StoreSettings settings = new StoreSettings("jdbc:postgresql://127.0.0.1:1/nowhere", "nobody", "none");

        assertThatThrownBy(() -> settings.open(Optional.empty()))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("jdbc:postgresql://127.0.0.1:1/nowhere")
                .hasMessageContaining("nobody");
    }

    private DataSource h2DataSource() {
        org.h2.jdbcx.JdbcDataSource dataSource = new org.h2.jdbcx.JdbcDataSource();
        dataSource.setURL(StoreSettings.h2Url(home));
        return dataSource;
    }
}
