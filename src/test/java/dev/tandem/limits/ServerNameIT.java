package dev.tandem.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tandem.conformance.Scenarios;
import dev.tandem.testing.HttpApi;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 19: the GlassFish that the build runs (and {@code -Pglassfish}'s {@code cargo:run})
 * answers malformed paths without naming itself: its error pages were titled "Eclipse
 * GlassFish 7.0.21 - Error report". The build starts it with {@code -Dproduct.name=} (README,
 * "GlassFish"). Tomcat's error pages are issue 12's, so on Tomcat this test stands aside.
 */
class ServerNameIT extends Scenarios {

    /** Paths the container itself refuses, before the application sees them. */
    private static final List<String> MALFORMED = List.of("api/docs/..%2Fetc", "api/docs/%00", "..%2F..%2Fetc%2Fpasswd",
            "no-such-page");

    @Override
    protected URI base() {
        return baseFromBuild();
    }

    @Test
    void errorPagesAndHeadersDoNotNameTheServer() throws Exception {
        assumeTrue("glassfish".equals(System.getProperty("it.container")), "Tomcat's error pages are issue 12's");
        for (String path : MALFORMED) {
            HttpResponse<String> answer = HttpApi.request(base().resolve(path), "GET", null);
            assertThat(answer.statusCode()).as(path).isBetween(400, 499);
            assertThat(answer.body()).as("the error page for %s", path).doesNotContainIgnoringCase("glassfish")
                    .doesNotContainIgnoringCase("7.0.").doesNotContainIgnoringCase("java/");
            answer.headers().map().forEach((name, values) -> assertThat(values)
                    .as("header %s for %s", name, path).noneMatch(value -> value.toLowerCase().contains("glassfish")));
        }
    }
}
