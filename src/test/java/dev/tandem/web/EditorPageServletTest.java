package dev.tandem.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class EditorPageServletTest {

    /** What the servlet did to the request and response. */
    private static final class Exchange {
        final Map<String, String> headers = new HashMap<>();
        final List<String> forwardedTo = new ArrayList<>();
        Integer error;

        void run(String pathInfo) throws Exception {
            HttpServletRequest request = proxy(HttpServletRequest.class, (name, args) -> switch (name) {
                case "getPathInfo" -> pathInfo;
                case "getRequestDispatcher" -> proxy(RequestDispatcher.class, (n, a) -> {
                    if (n.equals("forward")) forwardedTo.add((String) args[0]);
                    return null;
                });
                default -> null;
            });
            HttpServletResponse response = proxy(HttpServletResponse.class, (name, args) -> {
                if (name.equals("setHeader")) headers.put((String) args[0], (String) args[1]);
                if (name.equals("sendError")) error = (Integer) args[0];
                return null;
            });
            new EditorPageServlet().doGet(request, response);
        }
    }

    interface Answer {
        Object answer(String method, Object[] args);
    }

    private static <T> T proxy(Class<T> type, Answer answer) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (self, method, args) -> answer.answer(method.getName(), args)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/notes", "/a", "/Meeting-2026.11_25", "/0123456789"})
    void validIdsGetTheEditorPageWithAContentSecurityPolicy(String pathInfo) throws Exception {
        Exchange exchange = new Exchange();
        exchange.run(pathInfo);
        assertThat(exchange.error).isNull();
        assertThat(exchange.forwardedTo).containsExactly("/editor.html");
        String policy = exchange.headers.get("Content-Security-Policy");
        assertThat(policy).contains("script-src 'self'");
        assertThat(policy.split("script-src")[1].split(";")[0]).doesNotContain("unsafe-inline");
        assertThat(exchange.headers).containsEntry("X-Content-Type-Options", "nosniff");
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "/", "/-dash-first", "/.hidden", "/a/b", "/sp ace", "/<script>", "/é"})
    void invalidIdsAreNotFound(String pathInfo) throws Exception {
        Exchange exchange = new Exchange();
        exchange.run(pathInfo);
        assertThat(exchange.error).isEqualTo(404);
        assertThat(exchange.forwardedTo).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void idsUpTo128CharactersAreAccepted() throws Exception {
        Exchange ok = new Exchange();
        ok.run("/" + "a".repeat(128));
        assertThat(ok.forwardedTo).hasSize(1);
        Exchange tooLong = new Exchange();
        tooLong.run("/" + "a".repeat(129));
        assertThat(tooLong.error).isEqualTo(404);
    }
}
