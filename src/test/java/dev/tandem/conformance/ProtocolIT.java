package dev.tandem.conformance;

import java.net.URI;

/** {@link ProtocolScenarios} against the WAR the build deployed (Tomcat by Cargo, or GlassFish). */
class ProtocolIT extends ProtocolScenarios {

    @Override
    protected URI base() {
        return baseFromBuild();
    }
}
