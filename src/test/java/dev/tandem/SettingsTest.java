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
    void theDocumentSizeLimitIs64MiBUnlessSetAndMayExceedAnInt() {
        assertThat(Settings.read(name -> null).maxDocumentBytes()).isEqualTo(64L << 20);
        assertThat(Settings.read(Map.of("TANDEM_MAX_DOCUMENT_BYTES", "4294967296")::get).maxDocumentBytes()).isEqualTo(1L << 32);
        assertThatThrownBy(() -> Settings.read(Map.of("TANDEM_MAX_DOCUMENT_BYTES", "0")::get))
                .hasMessageContaining("TANDEM_MAX_DOCUMENT_BYTES");
        assertThatThrownBy(() -> Settings.read(Map.of("TANDEM_MAX_DOCUMENT_BYTES", "64M")::get))
                .hasMessageContaining("TANDEM_MAX_DOCUMENT_BYTES");
    }

    @Test
    void signInIsOffUnlessTandemAuthTurnsItOn() {
        Settings defaults = Settings.read(name -> null);
        assertThat(defaults.auth()).isEqualTo(Settings.AuthMode.NONE);
        assertThat(defaults.auth().signsIn()).isFalse();
        assertThat(defaults.admins()).isEmpty();

        Settings container = Settings.read(Map.of("TANDEM_AUTH", "Container", "TANDEM_ADMINS", "root, group:tandem-admins")::get);
        assertThat(container.auth()).isEqualTo(Settings.AuthMode.CONTAINER);
        assertThat(container.auth().signsIn()).isTrue();
        assertThat(container.admins()).containsExactly("root", "group:tandem-admins");
        assertThatThrownBy(() -> Settings.read(Map.of("TANDEM_AUTH", "ldap")::get)).hasMessageContaining("TANDEM_AUTH");
    }

    @Test
    void oidcNeedsItsProviderAndALongSecretThatNeverReachesALog() {
        assertThatThrownBy(() -> Settings.read(Map.of("TANDEM_AUTH", "oidc")::get)).hasMessageContaining("TANDEM_OIDC_ISSUER");
        assertThatThrownBy(() -> Settings.read(Map.of("TANDEM_AUTH", "oidc", "TANDEM_OIDC_ISSUER", "https://idp.example/realms/x",
                "TANDEM_OIDC_CLIENT_ID", "tandem", "TANDEM_OIDC_CLIENT_SECRET", "short")::get)).hasMessageContaining("16");
        Settings oidc = Settings.read(Map.of("TANDEM_AUTH", "oidc", "TANDEM_OIDC_ISSUER", "https://idp.example/realms/x",
                "TANDEM_OIDC_CLIENT_ID", "tandem", "TANDEM_OIDC_CLIENT_SECRET", "a-long-client-secret-of-keycloak")::get);
        assertThat(oidc.auth()).isEqualTo(Settings.AuthMode.OIDC);
        assertThat(oidc.oidc()).isEqualTo(new Settings.Oidc("https://idp.example/realms/x", "tandem", "a-long-client-secret-of-keycloak", "groups"));
        assertThat(oidc.toString()).contains("idp.example").doesNotContain("a-long-client-secret");
        assertThat(Settings.read(name -> null).oidc()).isNull();
    }

    @Test
    void metricsAccessIsOneOfThreeWords() {
        assertThat(Settings.read(Map.of("TANDEM_METRICS", "Public")::get).metrics()).isEqualTo(Settings.MetricsAccess.PUBLIC);
        assertThat(Settings.read(Map.of("TANDEM_METRICS", "off")::get).metrics()).isEqualTo(Settings.MetricsAccess.OFF);
        assertThatThrownBy(() -> Settings.read(Map.of("TANDEM_METRICS", "yes")::get)).hasMessageContaining("TANDEM_METRICS");
    }

    @Test
    void documentsAreListedToStrangersOnlyWhenTheOperatorSaysSo() {
        assertThat(Settings.read(Map.<String, String>of()::get).listDocuments()).isFalse();
        assertThat(Settings.read(Map.of("TANDEM_LIST_DOCUMENTS", "TRUE")::get).listDocuments()).isTrue();
        assertThat(Settings.read(Map.of("TANDEM_LIST_DOCUMENTS", "false")::get).listDocuments()).isFalse();
        assertThatThrownBy(() -> Settings.read(Map.of("TANDEM_LIST_DOCUMENTS", "yes")::get)).hasMessageContaining("TANDEM_LIST_DOCUMENTS");
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
    void everyLimitIsASettingWithItsDocumentedDefault() {
        Settings defaults = Settings.read(name -> null);
        assertThat(defaults.throttlePatience()).isEqualTo(Duration.ofSeconds(10));
        assertThat(defaults.maxOutboundBytes()).isEqualTo(16L << 20);
        assertThat(defaults.maxDocuments()).isEqualTo(10_000);
        assertThat(defaults.maxConnectionsPerDocument()).isEqualTo(500);
        assertThat(defaults.editToken()).isNull();

        Settings set = Settings.read(Map.of("TANDEM_PING_SECONDS", "5", "TANDEM_IDLE_TIMEOUT_SECONDS", "20",
                "TANDEM_THROTTLE_PATIENCE_SECONDS", "3", "TANDEM_MAX_OUTBOUND_BYTES", "2097152", "TANDEM_MAX_DOCUMENTS", "7",
                "TANDEM_MAX_CONNECTIONS_PER_DOCUMENT", "9", "TANDEM_EDIT_TOKEN", "a-secret-of-many-characters")::get);
        assertThat(set.pingInterval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(set.idleTimeout()).isEqualTo(Duration.ofSeconds(20));
        assertThat(set.throttlePatience()).isEqualTo(Duration.ofSeconds(3));
        assertThat(set.maxOutboundBytes()).isEqualTo(2_097_152);
        assertThat(set.maxDocuments()).isEqualTo(7);
        assertThat(set.maxConnectionsPerDocument()).isEqualTo(9);
        assertThat(set.editToken()).isEqualTo("a-secret-of-many-characters");
        assertThat(set.toString()).doesNotContain("a-secret-of-many-characters");
    }

    @Test
    void aShortEditTokenOrAnOutboundBoundUnderTheMessageSizeIsRefused() {
        assertThatThrownBy(() -> Settings.read(Map.of("TANDEM_EDIT_TOKEN", "short")::get)).hasMessageContaining("TANDEM_EDIT_TOKEN");
        assertThatThrownBy(() -> Settings.read(Map.of("TANDEM_MAX_OUTBOUND_BYTES", "1024")::get))
                .hasMessageContaining("TANDEM_MAX_OUTBOUND_BYTES");
    }

    @Test
    void aMalformedNumberIsRefusedWithItsName() {
        assertThatThrownBy(() -> Settings.read(Map.of("TANDEM_MAX_MESSAGE_BYTES", "1MB")::get))
                .hasMessageContaining("TANDEM_MAX_MESSAGE_BYTES");
        assertThatThrownBy(() -> Settings.read(Map.of("TANDEM_MAX_MESSAGES_PER_SECOND", "0")::get))
                .hasMessageContaining("TANDEM_MAX_MESSAGES_PER_SECOND");
    }
}
