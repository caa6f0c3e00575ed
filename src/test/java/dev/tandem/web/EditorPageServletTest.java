package dev.tandem.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.ServletConfig;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class EditorPageServletTest {

    /** A stand-in for the bundled editor.html. */
    private static final String PAGE = HtmlPage.LANG_MARK + HtmlPage.NOSCRIPT_MARK
            + "<meta name=\"tandem-style-nonce\" content=\"TANDEM_STYLE_NONCE\">é";

    /** What the servlet did to the request and response. */
    private static final class Exchange {
        final Map<String, String> headers = new HashMap<>();
        final List<String> resourcesRead = new ArrayList<>();
        final StringWriter body = new StringWriter();
        String contentType;
        String acceptLanguage;
        Integer error;

        void run(String pathInfo) throws Exception {
            HttpServletRequest request = proxy(HttpServletRequest.class, (name, args) ->
                    name.equals("getPathInfo") ? pathInfo
                    : name.equals("getHeader") && "Accept-Language".equals(args[0]) ? acceptLanguage : null);
            HttpServletResponse response = proxy(HttpServletResponse.class, (name, args) -> switch (name) {
                case "setHeader" -> headers.put((String) args[0], (String) args[1]);
                case "sendError" -> error = (Integer) args[0];
                case "setContentType" -> contentType = (String) args[0];
                case "getWriter" -> new PrintWriter(body, true);
                default -> null;
            });
            ServletContext context = proxy(ServletContext.class, (name, args) -> {
                if (!name.equals("getResourceAsStream")) return null;
                resourcesRead.add((String) args[0]);
                return new ByteArrayInputStream(PAGE.getBytes(StandardCharsets.UTF_8));
            });
            EditorPageServlet servlet = new EditorPageServlet();
            servlet.init(proxy(ServletConfig.class, (name, args) -> name.equals("getServletContext") ? context : null));
            servlet.doGet(request, response);
        }

        /** The nonce the page was given, from its meta element. */
        String pageNonce() {
            return body.toString().replaceAll("(?s).*content=\"([^\"]*)\".*", "$1");
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
        assertThat(exchange.resourcesRead).containsExactly("/editor.html");
        assertThat(exchange.contentType).isEqualTo("text/html;charset=UTF-8");
        String policy = exchange.headers.get("Content-Security-Policy");
        assertThat(policy).contains("script-src 'self'").doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
        assertThat(policy).contains("style-src 'self' 'nonce-" + exchange.pageNonce() + "';");
        assertThat(exchange.body.toString()).endsWith("\">é").doesNotContain(EditorPageServlet.NONCE_MARK);
        assertThat(exchange.headers).containsEntry("X-Content-Type-Options", "nosniff");
    }

    @org.junit.jupiter.api.Test
    void thePageIsInTheReadersLanguageEnglishByDefault() throws Exception {
        Exchange portuguese = new Exchange();
        portuguese.acceptLanguage = "pt-BR,pt;q=0.9,en;q=0.5";
        portuguese.run("/notes");
        assertThat(portuguese.body.toString())
                .startsWith("<html lang=\"pt-BR\"><noscript>O Tandem precisa de JavaScript.</noscript>");
        assertThat(portuguese.headers).containsEntry("Content-Language", "pt-BR").containsEntry("Vary", "Accept-Language");
        Exchange unknown = new Exchange();
        unknown.acceptLanguage = "de-CH, fr;q=0.8";
        unknown.run("/notes");
        assertThat(unknown.body.toString()).startsWith(HtmlPage.LANG_MARK + HtmlPage.NOSCRIPT_MARK);
    }

    @org.junit.jupiter.api.Test
    void everyResponseHasItsOwnStyleNonceOf128Bits() throws Exception {
        Exchange first = new Exchange();
        first.run("/notes");
        Exchange second = new Exchange();
        second.run("/notes");
        assertThat(first.pageNonce()).matches("[A-Za-z0-9+/]{22}==").isNotEqualTo(second.pageNonce());
    }

    @org.junit.jupiter.api.Test
    void pagesWithoutCodeMirrorAllowNoInlineStyleAtAll() {
        assertThat(PageHeaders.contentSecurityPolicy()).contains("style-src 'self';").doesNotContain("nonce");
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "/", "/-dash-first", "/.hidden", "/a/b", "/sp ace", "/<script>", "/é"})
    void invalidIdsAreNotFound(String pathInfo) throws Exception {
        Exchange exchange = new Exchange();
        exchange.run(pathInfo);
        assertThat(exchange.error).isEqualTo(404);
        assertThat(exchange.body.toString()).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void idsUpTo128CharactersAreAccepted() throws Exception {
        Exchange ok = new Exchange();
        ok.run("/" + "a".repeat(128));
        assertThat(ok.error).isNull();
        Exchange tooLong = new Exchange();
        tooLong.run("/" + "a".repeat(129));
        assertThat(tooLong.error).isEqualTo(404);
    }
}
