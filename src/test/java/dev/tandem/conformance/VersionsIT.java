package dev.tandem.conformance;

import java.net.URI;

/** {@link VersionScenarios} against the WAR the build deployed (Tomcat by Cargo, or GlassFish). */
class VersionsIT extends VersionScenarios {

    @Override
    protected URI base() {
        return baseFromBuild();
    }
}
