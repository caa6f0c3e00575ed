package dev.tandem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingsTest {

    @Test
    void defaultsWorkOnAFreshMachine() {
        Settings settings = Settings.read(name -> null);
        assertThat(settings.dbUrl()).isNull(); // the store's default H2 file
        assertThat(settings.dbUser()).isNull();
        assertThat(settings.allowedOrigins()).isEmpty();
        assertThat(settings.maxMessageBytes()).isEqualTo(1024 * 1024);
        assertThat(settings.maxMessagesPerSecond()).isEqualTo(200);
        assertThat(settings.pingInterval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.idleTimeout()).isEqualTo(Duration.ofSeconds(120));
        assertThat(settings.metrics()).isEqualTo(Settings.MetricsAccess.LOCAL);
        assertThat(settings.trustedProxies()).containsExactly("127.0.0.0/8", "::1");
    }

    @Test
    void metricsAccessIsOneOfThreeWords() {
        assertThat(Settings.read(Map.of("TANDEM_METRICS", "Public")::get).metrics()).isEqualTo(Settings.MetricsAccess.PUBLIC);
        assertThat(Settings.read(Map.of("TANDEM_METRICS", "off")::get).metrics()).isEqualTo(Settings.MetricsAccess.OFF);
        assertThatThrownBy(() -> Settings.read(Map.of("TANDEM_METRICS", "yes")::get)).hasMessageContaining("TANDEM_METRICS");
    }

    @Test
    void pingIntervalAndTrustedProxiesAreConfigurable() {
        Settings settings = Settings.read(Map.of("TANDEM_PING_SECONDS", "2", "TANDEM_TRUSTED_PROXIES", "10.0.0.0/8, fd00::/8")::get);
        assertThat(settings.pingInterval()).isEqualTo(Duration.ofSeconds(2));
        assertThat(settings.trustedProxies()).containsExactly("10.0.0.0/8", "fd00::/8");
        assertThat(Settings.read(Map.of("TANDEM_TRUSTED_PROXIES", "none")::get).trustedProxies()).isEmpty();
    }

    @Test
    void aPingIntervalReachingTheIdleTimeoutIsRefused() {
        assertThatThrownBy(() -> Settings.read(Map.of("TANDEM_PING_SECONDS", "120")::get))
                .hasMessageContaining("TANDEM_PING_SECONDS").hasMessageContaining("120");
        assertThatThrownBy(() -> Settings.read(Map.of("TANDEM_PING_SECONDS", "0")::get))
                .hasMessageContaining("TANDEM_PING_SECONDS");
    }

    @Test
    void readsEachVariable() {
        Map<String, String> env = Map.of(
                "TANDEM_DB_URL", "jdbc:postgresql://db/tandem", "TANDEM_DB_USER", "tandem", "TANDEM_DB_PASSWORD", "secret",
                "TANDEM_ALLOWED_ORIGINS", " https://a.example , http://b.example:8080,,",
                "TANDEM_MAX_MESSAGE_BYTES", "65536", "TANDEM_MAX_MESSAGES_PER_SECOND", "50");
        Settings settings = Settings.read(env::get);
        assertThat(settings.dbUrl()).isEqualTo("jdbc:postgresql://db/tandem");
        assertThat(settings.dbPassword()).isEqualTo("secret");
        assertThat(settings.allowedOrigins()).containsExactly("https://a.example", "http://b.example:8080");
        assertThat(settings.maxMessageBytes()).isEqualTo(65536);
        assertThat(settings.maxMessagesPerSecond()).isEqualTo(50);
        assertThat(settings.toString()).doesNotContain("secret");
    }

    @Test
    void aMalformedNumberIsRefusedWithItsName() {
        assertThatThrownBy(() -> Settings.read(Map.of("TANDEM_MAX_MESSAGE_BYTES", "1MB")::get))
                .hasMessageContaining("TANDEM_MAX_MESSAGE_BYTES");
        assertThatThrownBy(() -> Settings.read(Map.of("TANDEM_MAX_MESSAGES_PER_SECOND", "0")::get))
                .hasMessageContaining("TANDEM_MAX_MESSAGES_PER_SECOND");
    }
}
