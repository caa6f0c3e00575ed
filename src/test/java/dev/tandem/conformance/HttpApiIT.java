package dev.tandem.conformance;

import java.net.URI;

/** {@link HttpApiScenarios} against the WAR the build deployed (Tomcat by Cargo, or GlassFish). */
class HttpApiIT extends HttpApiScenarios {

    @Override
    protected URI base() {
        return baseFromBuild();
    }
}
