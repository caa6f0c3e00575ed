package dev.tandem.conformance;

import java.net.URI;

/** {@link RandomEditingScenarios} against the WAR the build deployed (Tomcat by Cargo, or GlassFish). */
class RandomEditingIT extends RandomEditingScenarios {

    @Override
    protected URI base() {
        return baseFromBuild();
    }
}
