package dev.tandem.limits;

import java.net.URI;

/**
 * {@link HostileInputScenarios} against the WAR on the Cargo Tomcat and on GlassFish (what a
 * container does with bytes that are not UTF-8 or an oversized frame is its own: where GlassFish
 * differs, the scenario says how, and asserts Tomcat's answer on Tomcat).
 */
class HostileInputIT extends HostileInputScenarios {

    @Override
    protected URI base() {
        return baseFromBuild();
    }
}
