package dev.tandem.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.websocket.HandshakeFilter;
import dev.tandem.websocket.OriginPolicy;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ForwardedRequestFilterTest {

    private static final TrustedProxies LOOPBACK_AND_10 = TrustedProxies.of(List.of("127.0.0.0/8", "::1", "10.0.0.0/8"));

    /** A request as nginx on the same machine hands it to Tomcat, listening on 127.0.0.1:8080. */
    private static final class Request {
        String remoteAddr = "127.0.0.1";
        String scheme = "http";
        String serverName = "notes.example.org";
        int serverPort = 80;
        final Map<String, List<String>> headers = new LinkedHashMap<>();

        Request from(String address) {
            remoteAddr = address;
            return this;
        }

        Request header(String name, String... values) {
            headers.put(name.toLowerCase(), List.of(values));
            return this;
        }

        Request host(String name, int port) {
            serverName = name;
            serverPort = port;
            return this;
        }

        HttpServletRequest build() {
            return (HttpServletRequest) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {HttpServletRequest.class}, (self, method, args) -> switch (method.getName()) {
                        case "getRemoteAddr", "getRemoteHost" -> remoteAddr;
                        case "getScheme" -> scheme;
                        case "isSecure" -> scheme.equals("https");
                        case "getServerName" -> serverName;
                        case "getServerPort" -> serverPort;
                        case "getRequestURI" -> "/ws/docs/notes";
                        case "getContextPath" -> "";
                        case "getRequestURL" -> new StringBuffer(scheme + "://" + serverName + ":" + serverPort + "/ws/docs/notes");
                        case "getHeader" -> headers.getOrDefault(((String) args[0]).toLowerCase(), List.of()).stream()
                                .findFirst().orElse(null);
                        case "getHeaders" -> Collections.enumeration(headers.getOrDefault(((String) args[0]).toLowerCase(), List.of()));
                        default -> null;
                    });
        }
    }

    /** What the rest of the chain is given. */
    private static HttpServletRequest seen(Request request) throws Exception {
        return seen(request.build());
    }

    private static HttpServletRequest seen(HttpServletRequest request) throws Exception {
        AtomicReference<ServletRequest> passed = new AtomicReference<>();
        FilterChain chain = (req, res) -> passed.set(req);
        new ForwardedRequestFilter(LOOPBACK_AND_10).doFilter(request, null, chain);
        return (HttpServletRequest) passed.get();
    }

    private static Request behindNginx() {
        return new Request().header("X-Forwarded-For", "203.0.113.7").header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Host", "notes.example.org").header("X-Forwarded-Port", "443");
    }

    @Test
    void aTrustedProxyGivesTheAddressTheUserSees() throws Exception {
        HttpServletRequest request = seen(behindNginx());
        assertThat(request.getScheme()).isEqualTo("https");
        assertThat(request.isSecure()).isTrue();
        assertThat(request.getServerName()).isEqualTo("notes.example.org");
        assertThat(request.getServerPort()).isEqualTo(443);
        assertThat(request.getRemoteAddr()).isEqualTo("203.0.113.7");
        assertThat(request.getRemoteHost()).isEqualTo("203.0.113.7");
        assertThat(request.getRequestURL()).hasToString("https://notes.example.org/ws/docs/notes");
    }

    @Test
    void anyoneElsesHeadersAreIgnored() throws Exception {
        HttpServletRequest original = behindNginx().from("198.51.100.2").build();
        assertThat(seen(original)).isSameAs(original);
    }

    @Test
    void aTrustedRequestWithoutForwardedHeadersIsLeftAlone() throws Exception {
        HttpServletRequest original = new Request().host("127.0.0.1", 8080).build();
        assertThat(seen(original)).isSameAs(original);
    }

    @Test
    void theClientIsTheFirstUntrustedHopFromTheRight() throws Exception {
        // a client that writes its own X-Forwarded-For is believed no further than the first proxy it reached
        Request twoProxies = new Request().header("X-Forwarded-For", "198.51.100.9, 203.0.113.7", "10.0.0.5");
        assertThat(seen(twoProxies).getRemoteAddr()).isEqualTo("203.0.113.7");
        Request allTrusted = new Request().header("X-Forwarded-For", "10.1.1.1, 10.0.0.5");
        assertThat(seen(allTrusted).getRemoteAddr()).isEqualTo("10.1.1.1");
        Request ipv6 = new Request().from("::1").header("X-Forwarded-For", "2001:db8::7");
        assertThat(seen(ipv6).getRemoteAddr()).isEqualTo("2001:db8::7");
    }

    @Test
    void aMalformedHopStopsTheWalkAtTheLastAddressThatCanBeBelieved() throws Exception {
        assertThat(seen(new Request().header("X-Forwarded-For", "unknown, 203.0.113.7")).getRemoteAddr())
                .isEqualTo("203.0.113.7");
        assertThat(seen(new Request().header("X-Forwarded-For", "203.0.113.7, unknown, 10.0.0.5")).getRemoteAddr())
                .isEqualTo("10.0.0.5");
        HttpServletRequest original = new Request().header("X-Forwarded-For", "203.0.113.7:5000").build();
        assertThat(seen(original)).isSameAs(original);
    }

    @Test
    void badValuesAreIgnored() throws Exception {
        HttpServletRequest original = new Request().header("X-Forwarded-Proto", "ftp")
                .header("X-Forwarded-Host", "evil.example/path").header("X-Forwarded-Port", "99999")
                .header("X-Forwarded-For", "").build();
        assertThat(seen(original)).isSameAs(original);
        HttpServletRequest badPort = seen(new Request().header("X-Forwarded-Host", "notes.example.org:http"));
        assertThat(badPort.getServerName()).isEqualTo("notes.example.org");
        assertThat(badPort.getServerPort()).isEqualTo(80);
    }

    @Test
    void theSchemeAloneMovesADefaultPortToTheNewSchemesDefault() throws Exception {
        HttpServletRequest defaultPort = seen(new Request().header("X-Forwarded-Proto", "HTTPS"));
        assertThat(defaultPort.getServerPort()).isEqualTo(443);
        assertThat(defaultPort.getRequestURL()).hasToString("https://notes.example.org/ws/docs/notes");
        HttpServletRequest explicitPort = seen(new Request().host("localhost", 18443).header("X-Forwarded-Proto", "https"));
        assertThat(explicitPort.getServerPort()).isEqualTo(18443);
        assertThat(explicitPort.getRequestURL()).hasToString("https://localhost:18443/ws/docs/notes");
    }

    @Test
    void theHostsPortUnlessAPortHeaderSaysOtherwise() throws Exception {
        Request hostWithPort = new Request().host("127.0.0.1", 8080).header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Host", "localhost:18443");
        assertThat(seen(hostWithPort).getServerPort()).isEqualTo(18443);
        Request hostWithoutPort = new Request().host("127.0.0.1", 8080).header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Host", "[2001:db8::1]");
        assertThat(seen(hostWithoutPort).getServerName()).isEqualTo("[2001:db8::1]");
        assertThat(seen(hostWithoutPort).getServerPort()).isEqualTo(443);
        hostWithPort.header("X-Forwarded-Port", "8443");
        assertThat(seen(hostWithPort).getServerPort()).isEqualTo(8443);
        // several proxies: the outermost one, which the user reached, wrote the first value
        Request chained = new Request().header("X-Forwarded-Proto", "https, http").header("X-Forwarded-Host", "a.example, b.internal");
        assertThat(seen(chained).getRequestURL()).hasToString("https://a.example/ws/docs/notes");
    }

    @Test
    void theWebSocketOriginCheckComparesWithTheForwardedOrigin() throws Exception {
        assertThat(handshakeStatus(behindNginx().header("Origin", "https://notes.example.org"))).isEqualTo(200);
        assertThat(handshakeStatus(behindNginx().header("Origin", "http://notes.example.org"))).isEqualTo(403);
        assertThat(handshakeStatus(behindNginx().header("Origin", "https://evil.example"))).isEqualTo(403);
        // without the proxy's word, the page's own origin is a foreign one: what this filter is for
        assertThat(handshakeStatus(behindNginx().from("198.51.100.2").header("Origin", "https://notes.example.org")))
                .isEqualTo(403);
    }

    /** The status the forwarded-request filter followed by the handshake filter answers with (200: let through). */
    private static int handshakeStatus(Request request) throws Exception {
        AtomicInteger status = new AtomicInteger(200);
        HttpServletResponse response = (HttpServletResponse) Proxy.newProxyInstance(ForwardedRequestFilterTest.class.getClassLoader(),
                new Class<?>[] {HttpServletResponse.class}, (self, method, args) -> switch (method.getName()) {
                    case "setStatus" -> {
                        status.set((Integer) args[0]);
                        yield null;
                    }
                    case "getWriter" -> new PrintWriter(new StringWriter());
                    default -> null;
                });
        HandshakeFilter handshake = new HandshakeFilter(OriginPolicy.allowing(List.of()));
        List<ServletRequest> upgraded = new ArrayList<>();
        new ForwardedRequestFilter(LOOPBACK_AND_10).doFilter(request.build(), response,
                (req, res) -> handshake.doFilter(req, res, (r, s) -> upgraded.add(r)));
        assertThat(upgraded).hasSize(status.get() == 200 ? 1 : 0);
        return status.get();
    }
}
