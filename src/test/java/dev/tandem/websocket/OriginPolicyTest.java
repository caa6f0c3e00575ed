package dev.tandem.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OriginPolicyTest {

    private final OriginPolicy policy = OriginPolicy.allowing(List.of("https://Notes.Example.org", "http://localhost:5173"));

    @ParameterizedTest(name = "Origin {0} on {1}://{2}: {3}")
    @CsvSource(nullValues = "none", value = {
            // a program, not a browser
            "none, http, tandem.local:8080, true",
            // same origin: scheme, host and port of the request
            "http://tandem.local:8080, http, tandem.local:8080, true",
            "HTTP://TANDEM.local:8080, http, tandem.local:8080, true",
            "http://tandem.local, http, tandem.local:80, true",
            "https://tandem.local:443, https, tandem.local, true",
            "http://[::1]:8080, http, [::1]:8080, true",
            // differs in scheme, host or port
            "https://tandem.local:8080, http, tandem.local:8080, false",
            "http://tandem.local:8081, http, tandem.local:8080, false",
            "http://evil.example, http, tandem.local:8080, false",
            "http://tandem.local.evil.example:8080, http, tandem.local:8080, false",
            // the allow-list
            "https://notes.example.org, http, tandem.local:8080, true",
            "https://notes.example.org:443, http, tandem.local:8080, true",
            "http://localhost:5173, http, tandem.local:8080, true",
            "http://notes.example.org, http, tandem.local:8080, false",
            // opaque and broken origins
            "null, http, tandem.local:8080, false",
            "not a url, http, tandem.local:8080, false",
            "http://tandem.local:8080, http, none, false"})
    void allowsNoOriginSameOriginAndTheAllowListOnly(String origin, String scheme, String host, boolean allowed) {
        assertThat(policy.allows(origin, scheme, host)).isEqualTo(allowed);
    }
}
