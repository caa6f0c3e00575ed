package dev.tandem.web;

import dev.tandem.Settings;
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
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.ServletRegistration;
import jakarta.servlet.annotation.WebListener;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
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

    private DocumentStore store;
    private DocumentService service;
    private ScheduledExecutorService timers;
    private ExecutorService senders;
    private EndpointContext endpoints;
    private TandemMetrics metrics;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        ServletContext context = event.getServletContext();
        // a context parameter of the same name (e.g. <Parameter> in Tomcat's context.xml) wins
        Settings settings = Settings.fromEnvironment(context::getInitParameter);
        LOG.info(() -> "Tandem starting with " + settings);
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
        endpoints = new EndpointContext(service, settings, timers, senders, transport, new CloseCounts(transport));
        EndpointConfigurator.install(endpoints);

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
        ServletRegistration.Dynamic api = context.addServlet("tandem-documents",
                new DocumentsServlet(service, settings.maxMessageBytes(), settings.listDocuments() || settings.editToken() != null));
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
