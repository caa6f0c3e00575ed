package dev.tandem.web;

import dev.tandem.Settings.MetricsAccess;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;

/**
 * {@code GET /metrics}: {@link TandemMetrics} in Prometheus's text format. With
 * {@link MetricsAccess#LOCAL} only a client on the loopback address is answered (others get
 * 403): the figures say how busy the server is and which errors clients cause, which is for
 * its operators. A reverse proxy on the same host forwards as a loopback client, so a proxy
 * that publishes Tandem should not forward {@code /metrics}.
 */
final class MetricsServlet extends HttpServlet {

    private final transient TandemMetrics metrics;
    private final MetricsAccess access;

    MetricsServlet(TandemMetrics metrics, MetricsAccess access) {
        this.metrics = metrics;
        this.access = access;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Cache-Control", "no-store");
        if (access == MetricsAccess.LOCAL && !isLoopback(request.getRemoteAddr())) {
            HttpJson.error(request, response, 403, "forbidden", "error.metricsLoopback");
            return;
        }
        byte[] text = metrics.scrape().getBytes(StandardCharsets.UTF_8);
        response.setStatus(200);
        response.setContentType("text/plain; version=0.0.4; charset=utf-8");
        response.setContentLength(text.length);
        response.getOutputStream().write(text);
    }

    private static boolean isLoopback(String address) {
        try {
            // a literal address: no name lookup happens
            return address != null && InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
