package dev.tandem.conformance;

import java.net.URI;

/** {@link CommentScenarios} against the WAR the build deployed (Tomcat by Cargo, or GlassFish). */
class CommentsIT extends CommentScenarios {

    @Override
    protected URI base() {
        return baseFromBuild();
    }
}
