package dev.tandem.conformance;

import java.net.URI;

/** {@link ReadOnlyLinkScenarios} against the WAR the build deployed (Tomcat by Cargo, or GlassFish). */
class ReadOnlyLinkIT extends ReadOnlyLinkScenarios {

    @Override
    protected URI base() {
        return baseFromBuild();
    }
}
