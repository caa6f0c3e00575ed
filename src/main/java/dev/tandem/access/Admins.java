package dev.tandem.access;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code TANDEM_ADMINS}: users (by subject, or the container's principal name) and groups
 * ({@code group:NAME}) who may list every document and change its owner.
 */
public final class Admins {

    private static final String GROUP = "group:";

    private final Set<String> subjects = new HashSet<>();
    private final Set<String> groups = new HashSet<>();

    public Admins(List<String> names) {
        for (String name : names) {
            if (name.startsWith(GROUP)) {
                groups.add(name.substring(GROUP.length()));
            } else {
                subjects.add(name);
            }
        }
    }

    public boolean include(String subject, Set<String> groupsOfUser) {
        return subjects.contains(subject) || groupsOfUser.stream().anyMatch(groups::contains);
    }

    /** The groups that make administrators (a container can only be asked about named roles). */
    public Set<String> groups() {
        return Set.copyOf(groups);
    }
}
