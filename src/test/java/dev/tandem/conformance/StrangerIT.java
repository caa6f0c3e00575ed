package dev.tandem.conformance;

import java.net.URI;

/** {@link StrangerScenarios} against the WAR the build deployed (Tomcat by Cargo, or GlassFish). */
class StrangerIT extends StrangerScenarios {

    @Override
    protected URI base() {
        return baseFromBuild();
    }
}
