package dev.tandem.conformance;

import java.net.URI;

/** {@link ErrorScenarios} against the WAR the build deployed (Tomcat by Cargo, or GlassFish). */
class ErrorsIT extends ErrorScenarios {

    @Override
    protected URI base() {
        return baseFromBuild();
    }
}
