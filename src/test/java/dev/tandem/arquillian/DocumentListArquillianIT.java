package dev.tandem.arquillian;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.testing.HttpApi;
import dev.tandem.testing.ProtocolClient;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An instance whose operator turned the document list on for everyone
 * ({@code TANDEM_LIST_DOCUMENTS=true}, here a context parameter of the deployment): without it
 * {@code GET /api/docs} is a 404 to strangers (StrangerIT, on the build's Tomcat and GlassFish),
 * with it a 200 listing every document with its title.
 */
@ExtendWith(ArquillianExtension.class)
class DocumentListArquillianIT {

    @ArquillianResource
    private URL deployed;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.tandem().setWebXML(new StringAsset("""
                <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0">
                  <context-param><param-name>TANDEM_LIST_DOCUMENTS</param-name><param-value>true</param-value></context-param>
                </web-app>
                """));
    }

    private URI base() {
        return Deployments.uri(deployed);
    }

    @Test
    void theListNamesEveryDocumentWithItsTitle() throws Exception {
        HttpApi http = new HttpApi(base());
        assertThat(http.post("api/docs", "{\"id\":\"listed-empty\"}").status()).isEqualTo(201);
        try (ProtocolClient editor = ProtocolClient.connect(HttpApi.webSocket(base(), "ws/docs/listed-plans"))) {
            editor.hello("listed-src-01", "Ana", null);
            editor.next("welcome");
            editor.op(0, 1, List.of("intro line\n## Plans for May ##\nmore"));
            editor.next("ack");
        }

        HttpResponse<String> list = HttpApi.request(base().resolve("api/docs"), "GET", null);
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body())
                .contains("{\"id\":\"listed-plans\",\"title\":\"Plans for May\",\"rev\":1,")
                .contains("{\"id\":\"listed-empty\",\"title\":\"listed-empty\",\"rev\":0,");
    }
}
