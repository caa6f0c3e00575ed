package dev.tandem.arquillian;

import dev.tandem.conformance.ErrorScenarios;
import java.net.URI;
import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link ErrorScenarios} against a small deployment on an embedded Tomcat 10.1, at context /tandem. */
@ExtendWith(ArquillianExtension.class)
class ErrorArquillianIT extends ErrorScenarios {

    @ArquillianResource
    private URL deployed;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.tandem();
    }

    @Override
    protected URI base() {
        return Deployments.uri(deployed);
    }
}
