package dev.tandem.limits;

import java.net.URI;

/**
 * {@link HostileInputScenarios} against the WAR on the Cargo Tomcat (not GlassFish: what a
 * container does with bytes that are not UTF-8 or an oversized frame is its own, and these
 * expectations were checked on Tomcat only).
 */
class HostileInputIT extends HostileInputScenarios {

    @Override
    protected URI base() {
        return baseFromBuild();
    }
}
