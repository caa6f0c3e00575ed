package dev.tandem.web;

import dev.tandem.access.AccessControl;
import dev.tandem.access.Admins;
import dev.tandem.access.Caller;
import dev.tandem.store.AccessStore;
import dev.tandem.store.StoredUser;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code TANDEM_AUTH=container}: the user is the principal the container authenticated
 * ({@code getUserPrincipal}, e.g. Tomcat's realm or GlassFish's Jakarta Security), stored with
 * issuer {@value #ISSUER}. A container cannot list a user's roles, only answer
 * {@code isUserInRole}, so the user's groups are those of the groups Tandem knows (named by some
 * access entry, or by {@code TANDEM_ADMINS}) in which the container puts them.
 *
 * <p>Asking for sign-in is {@link HttpServletRequest#authenticate}: the container's own login
 * mechanism ({@code login-config} in {@code web.xml}) challenges, e.g. with BASIC's 401.
 *
 * <p>Users are written to the store when first seen and when their groups change, not per
 * request: the last stored form of each is kept here.
 */
final class ContainerSignIn implements SignIn {

    /** The issuer of users the container vouches for. */
    static final String ISSUER = "container";

    private final AccessStore store;
    private final AccessControl access;
    private final Admins admins;
    private final ConcurrentHashMap<String, StoredUser> recorded = new ConcurrentHashMap<>();

    ContainerSignIn(AccessStore store, AccessControl access, Admins admins) {
        this.store = store;
        this.access = access;
        this.admins = admins;
    }

    @Override
    public Caller callerOf(HttpServletRequest request, HttpServletResponse response) {
        Principal principal = request.getUserPrincipal();
        if (principal == null) {
            return Caller.ANONYMOUS;
        }
        String name = principal.getName();
        Set<String> groups = new TreeSet<>();
        for (String group : access.groupNames()) {
            if (request.isUserInRole(group)) {
                groups.add(group);
            }
        }
        for (String group : admins.groups()) {
            if (request.isUserInRole(group)) {
                groups.add(group);
            }
        }
        StoredUser user = recorded.get(name);
        if (user == null || !new HashSet<>(user.groups()).equals(groups)) {
            user = store.signIn(ISSUER, name, name, null, List.copyOf(groups));
            recorded.put(name, user);
        }
        return Caller.signedIn(user, groups, admins.include(name, groups));
    }

    @Override
    public void signInPage(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        if (request.getUserPrincipal() != null || challenge(request, response)) {
            response.sendRedirect(request.getContextPath() + "/");
        }
    }

    @Override
    public boolean challenge(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        try {
            return request.authenticate(response);
        } catch (ServletException noLoginMechanism) {
            // no login-config: nothing the container could ask; say what is missing
            if (!response.isCommitted()) {
                HttpJson.error(request, response, 401, "unauthorized", "error.containerNoLogin");
            }
            return false;
        }
    }
}
