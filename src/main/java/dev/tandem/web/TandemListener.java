package dev.tandem.web;

import dev.tandem.Settings;
import dev.tandem.access.AccessControl;
import dev.tandem.access.Admins;
import dev.tandem.access.ApiTokens;
import dev.tandem.document.DocumentService;
import dev.tandem.document.DocumentSettings;
import dev.tandem.document.SharedDocumentService;
import dev.tandem.store.DocumentStore;
import dev.tandem.store.StoreSettings;
import dev.tandem.websocket.CloseCounts;
import dev.tandem.websocket.EndpointConfigurator;
import dev.tandem.websocket.EndpointContext;
import dev.tandem.websocket.HandshakeFilter;
import dev.tandem.websocket.OriginPolicy;
import dev.tandem.websocket.TransportMetrics;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.ServletRegistration;
import jakarta.servlet.annotation.WebListener;
import jakarta.websocket.server.ServerContainer;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Collections;
import java.util.EnumSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Starts and stops Tandem with the web application: reads the {@link Settings} once, opens the
 * store (the container's {@code java:comp/env/jdbc/tandem} if bound, else the configured URL),
 * builds the one {@link DocumentService}, and hands it to the WebSocket endpoint and the
 * servlets, which it registers here so that they get it by constructor. At shutdown the service
 * commits and acknowledges what is in flight and ends every connection (1001), then the store
 * closes.
 */
@WebListener
public final class TandemListener implements ServletContextListener {

    private static final Logger LOG = Logger.getLogger(TandemListener.class.getName());

    /** Documents whose access rules are kept in memory at most (each a few hundred bytes). */
    private static final int MAX_KEPT_RULES = 100_000;

    private DocumentStore store;
    private DocumentService service;
    private ScheduledExecutorService timers;
    /** With sign-in: polls the access rules for other nodes' changes; {@code null} without. */
    private ScheduledExecutorService accessPolls;
    private ExecutorService senders;
    private EndpointContext endpoints;
    private TandemMetrics metrics;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        ServletContext context = event.getServletContext();
        // a context parameter of the same name (e.g. <Parameter> in Tomcat's context.xml) wins
        Settings settings = Settings.fromEnvironment(context::getInitParameter);
        LOG.info(() -> "Tandem starting with " + settings);
        if (settings.auth().signsIn() && settings.editToken() != null) {
            throw new IllegalStateException("TANDEM_EDIT_TOKEN has no meaning with TANDEM_AUTH=" + settings.auth().name().toLowerCase()
                    + ": users sign in instead (and programs use personal API tokens); unset it");
        }
        store = new StoreSettings(settings.dbUrl(), settings.dbUser(), settings.dbPassword()).open();
        if (settings.metrics() != Settings.MetricsAccess.OFF) {
            metrics = new TandemMetrics();
        }
        SharedDocumentService shared = new SharedDocumentService(metrics == null ? store : new MeteredDocumentStore(store, metrics),
                DocumentSettings.defaults().withCapacity(settings.maxDocuments(), settings.maxConnectionsPerDocument())
                        .withMaxDocumentBytes(settings.maxDocumentBytes()));
        service = shared;
        timers = Executors.newScheduledThreadPool(2, daemon("tandem-websocket-timer"));
        senders = senders();
        TransportMetrics transport = metrics == null ? TransportMetrics.NONE : metrics;
        AccessControl access = settings.auth().signsIn() ? new AccessControl(store.access(), MAX_KEPT_RULES) : null;
        endpoints = new EndpointContext(service, settings, timers, senders, transport, new CloseCounts(transport), access);
        EndpointConfigurator.install(endpoints);
        idleTimeoutFromBirth(context, settings);

        // first of all (registered first, isMatchAfter = false): every later check sees the user's address
        FilterRegistration.Dynamic forwarded = context.addFilter("tandem-forwarded",
                new ForwardedRequestFilter(TrustedProxies.of(settings.trustedProxies())));
        forwarded.setAsyncSupported(true); // the HTTP API's servlet is asynchronous
        forwarded.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, "/*");
        if (settings.editToken() != null) {
            EditTokenFilter guard = new EditTokenFilter(settings.editToken());
            FilterRegistration.Dynamic editing = context.addFilter("tandem-edit-token", guard);
            editing.setAsyncSupported(true);
            editing.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false,
                    HandshakeFilter.PATH_PREFIX + "*", "/api/docs", "/api/docs/*");
            context.addServlet("tandem-unlock", new UnlockServlet(guard)).addMapping("/unlock");
        }
        // before the container's own upgrade filter (isMatchAfter = false): refusals are plain HTTP
        context.addFilter("tandem-handshake", new HandshakeFilter(OriginPolicy.allowing(settings.allowedOrigins())))
                .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false,
                        HandshakeFilter.PATH_PREFIX + "*", HandshakeFilter.VIEW_PATH_PREFIX + "*");
        if (access != null) {
            signIn(context, settings, access);
            // what other nodes change in the access rules reaches this node's connections within a second
            accessPolls = Executors.newSingleThreadScheduledExecutor(daemon("tandem-access-poll"));
            long every = AccessControl.POLL_INTERVAL.toMillis();
            accessPolls.scheduleWithFixedDelay(() -> {
                try {
                    access.poll(java.time.Instant.now());
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "polling the access rules failed; trying again", e);
                }
            }, every, every, TimeUnit.MILLISECONDS);
        }
        ServletRegistration.Dynamic api = context.addServlet("tandem-documents",
                new DocumentsServlet(service, settings.maxMessageBytes(), settings.listDocuments() || settings.editToken() != null, access));
        api.addMapping("/api/docs", "/api/docs/*");
        api.setAsyncSupported(true);
        ServletRegistration.Dynamic view = context.addServlet("tandem-view", new ViewServlet(service));
        view.addMapping("/api/view/*");
        view.setAsyncSupported(true);
        context.addServlet("tandem-health", new HealthServlet(service, endpoints.closes())).addMapping("/health");
        if (metrics != null) {
            metrics.watch(shared);
            context.addServlet("tandem-metrics", new MetricsServlet(metrics, settings.metrics())).addMapping("/metrics");
        }
    }

    /**
     * With sign-in: the gate on every route that reaches a document or an account (after the
     * handshake filter: a foreign origin or an invalid id is refused first), the sharing and
     * account routes, and the session cookie's attributes (HttpOnly, SameSite=Lax; the container
     * marks it Secure on a TLS request).
     */
    private void signIn(ServletContext context, Settings settings, AccessControl access) {
        Admins admins = new Admins(settings.admins());
        ApiTokens tokens = new ApiTokens(store.access(), admins, Clock.systemUTC());
        SignIn users;
        if (settings.auth() == Settings.AuthMode.OIDC) {
            Settings.Oidc oidc = settings.oidc();
            OidcSignIn openId = new OidcSignIn(new OidcProvider(oidc.issuer(), oidc.clientId(), oidc.clientSecret(), oidc.groupsClaim()),
                    new SessionSeal(oidc.clientSecret(), Clock.systemUTC()), store.access(), admins, Clock.systemUTC());
            context.addServlet("tandem-oidc", new OidcServlet(openId)).addMapping("/signin", "/signin/*", "/signout");
            users = openId;
        } else {
            users = new ContainerSignIn(store.access(), access, admins);
        }
        FilterRegistration.Dynamic gate = context.addFilter("tandem-access",
                new AccessFilter(users, tokens, access, OriginPolicy.allowing(settings.allowedOrigins())));
        gate.setAsyncSupported(true);
        gate.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, HandshakeFilter.PATH_PREFIX + "*",
                "/api/docs", "/api/docs/*", "/d/*", "/api/access/*", "/api/users", "/api/me", "/api/tokens", "/api/tokens/*", "/signout");
        // the editor's pages go to /unlock on a 401 (made for TANDEM_EDIT_TOKEN): with sign-in it signs in
        context.addServlet("tandem-sign-in-page", new HttpServlet() {
            @Override
            protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
                users.signInPage(request, response);
            }
        }).addMapping("/unlock");
        context.addServlet("tandem-sharing", new SharingServlet(access, store.access())).addMapping("/api/access/*");
        context.addServlet("tandem-account", new AccountServlet(store.access(), tokens))
                .addMapping("/api/me", "/api/users", "/api/tokens", "/api/tokens/*");
        context.getSessionCookieConfig().setHttpOnly(true);
        context.getSessionCookieConfig().setAttribute("SameSite", "Lax");
        LOG.info(() -> "sign-in: " + settings.auth().name().toLowerCase() + "; every document's route checks its access rules");
    }

    /**
     * Gives every WebSocket session the idle timeout as it is created, rather than in its
     * {@code @OnOpen}. Tyrus (GlassFish) schedules a new session's idle check at once when the
     * session is born without a timeout, and when an {@code @OnOpen} had set one before that check
     * ran, the check closed the fresh session as idle (1006, sent as 1000): 0.7 % of connections
     * never got their welcome (issue 19). The endpoint's own heartbeat closes silent connections
     * in any case; this is the container's net beneath it.
     */
    private static void idleTimeoutFromBirth(ServletContext context, Settings settings) {
        if (context.getAttribute(ServerContainer.class.getName()) instanceof ServerContainer websockets) {
            websockets.setDefaultMaxSessionIdleTimeout(settings.idleTimeout().toMillis());
        } else {
            LOG.warning("no WebSocket container: the editor's connections will be refused");
        }
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        EndpointConfigurator.uninstall(endpoints);
        try {
            if (service != null) {
                service.close(); // ends every participation: each connection is closed with 1001
            }
        } finally {
            // the senders first: what the service's close queued (each connection's 1001) leaves
            // through them, and they hand the closes to the timers
            stop(accessPolls);
            stop(senders);
            stop(timers);
            if (store != null) {
                store.close();
            }
            if (metrics != null) {
                metrics.close();
            }
            forgetDrivers();
        }
    }

    /** Lets what was queued run (for at most 5 s); connections left over are the container's. */
    private static void stop(ExecutorService executor) {
        if (executor == null) {
            return;
        }
        executor.shutdown();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        executor.shutdownNow();
    }

    /** JDBC drivers this application's WAR brought (H2, PostgreSQL) must not outlive it in DriverManager. */
    private static void forgetDrivers() {
        ClassLoader ours = TandemListener.class.getClassLoader();
        for (Driver driver : Collections.list(DriverManager.getDrivers())) {
            if (driver.getClass().getClassLoader() == ours) {
                try {
                    DriverManager.deregisterDriver(driver);
                } catch (SQLException e) {
                    LOG.log(Level.FINE, "could not deregister " + driver, e);
                }
            }
        }
    }

    /**
     * One thread per core: flushing only hands frames to the container's asynchronous sends and
     * never waits. A fork-join pool because a document's lane hands it one flush per connection
     * per commit, thousands a second: its submission queues take them without the lock a
     * ThreadPoolExecutor's queue takes (a fifth of the lane's time at 1,000 connections).
     */
    private static ExecutorService senders() {
        AtomicInteger count = new AtomicInteger();
        ForkJoinPool.ForkJoinWorkerThreadFactory factory = pool -> {
            ForkJoinWorkerThread thread = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
            thread.setName("tandem-websocket-sender-" + count.incrementAndGet());
            thread.setDaemon(true);
            thread.setContextClassLoader(TandemListener.class.getClassLoader());
            return thread;
        };
        return new ForkJoinPool(Math.max(2, Runtime.getRuntime().availableProcessors()), factory,
                (thread, e) -> LOG.log(Level.SEVERE, "uncaught in " + thread.getName(), e), true);
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
