package dev.tandem.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TrustedProxiesTest {

    private final TrustedProxies loopbackAndPrivate = TrustedProxies.of(List.of("127.0.0.0/8", "::1", "10.0.0.0/8", "fd00::/8"));

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.9.9.9", "::1", "0:0:0:0:0:0:0:1", "[::1]", "::ffff:127.0.0.1", "10.255.0.3",
            "fd12:3456::1"})
    void addressesInsideARangeAreTrusted(String address) {
        assertThat(loopbackAndPrivate.contains(address)).isTrue();
    }

    @Test
    void anIpv6ZoneIsLeftOut() {
        assertThat(TrustedProxies.of(List.of("fe80::/10")).contains("fe80::1%lo")).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"128.0.0.1", "11.0.0.1", "192.168.1.1", "::2", "fe80::1", "2001:db8::1", "", "localhost",
            "unknown", "300.1.1.1", "1.2.3", "1.2.3.4:80", ":::"})
    void otherAddressesAndNonAddressesAreNot(String address) {
        assertThat(loopbackAndPrivate.contains(address)).isFalse();
    }

    @Test
    void aPrefixNeedNotEndOnAByte() {
        TrustedProxies docker = TrustedProxies.of(List.of("172.16.0.0/12"));
        assertThat(docker.contains("172.17.0.2")).isTrue();
        assertThat(docker.contains("172.31.255.255")).isTrue();
        assertThat(docker.contains("172.32.0.1")).isFalse();
        assertThat(docker.contains("172.15.255.255")).isFalse();
    }

    @Test
    void noEntriesTrustNobody() {
        TrustedProxies none = TrustedProxies.of(List.of());
        assertThat(none.isEmpty()).isTrue();
        assertThat(none.contains("127.0.0.1")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"proxy.internal", "10.0.0.0/33", "::1/129", "10.0.0.0/x", "10.0.0.0/", "256.0.0.1"})
    void aBadEntryIsRefusedWithItsValue(String entry) {
        assertThatThrownBy(() -> TrustedProxies.of(List.of("127.0.0.1", entry)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("TANDEM_TRUSTED_PROXIES").hasMessageContaining("\"" + entry + "\"");
    }
}
