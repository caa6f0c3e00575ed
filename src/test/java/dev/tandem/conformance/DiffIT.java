package dev.tandem.conformance;

import java.net.URI;

/** {@link DiffScenarios} against the WAR the build deployed (Tomcat by Cargo, or GlassFish). */
class DiffIT extends DiffScenarios {

    @Override
    protected URI base() {
        return baseFromBuild();
    }
}
