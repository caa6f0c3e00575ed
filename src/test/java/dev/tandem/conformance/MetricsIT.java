package dev.tandem.conformance;

import java.net.URI;

/** {@link MetricsScenarios} against the WAR the build deployed (Tomcat by Cargo, or GlassFish). */
class MetricsIT extends MetricsScenarios {

    @Override
    protected URI base() {
        return baseFromBuild();
    }
}
