package dev.tandem.load;

import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.spi.JsonProvider;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * Fan-out latency against authors on one document, log-log, as a PNG drawn with the JDK's own
 * 2D API (headless, no dependency). Also a command that redraws it from a {@code results.jsonl}:
 * {@code java -cp … dev.tandem.load.Plot results.jsonl out.png "subtitle"}.
 */
final class Plot {

    /** One step of the sweep: authors and fan-out p50/p95/p99 in ms. */
    record Point(int authors, double p50, double p95, double p99) {
    }

    private static final int WIDTH = 760;
    private static final int HEIGHT = 460;
    private static final int LEFT = 70;
    private static final int RIGHT = 40;
    private static final int TOP = 66;
    private static final int BOTTOM = 60;

    private Plot() {
    }

    public static void main(String[] args) throws IOException {
        List<Point> points = new ArrayList<>();
        JsonProvider json = JsonProvider.provider();
        for (String line : Files.readAllLines(Path.of(args[0]))) {
            try (JsonReader reader = json.createReader(new StringReader(line))) {
                JsonObject result = reader.readObject();
                if (result.getString("scenario").startsWith("a-") && !result.isNull("fanOutMs")) {
                    JsonObject ms = result.getJsonObject("fanOutMs");
                    points.add(new Point(result.getInt("authors"), ms.getJsonNumber("p50").doubleValue(),
                            ms.getJsonNumber("p95").doubleValue(), ms.getJsonNumber("p99").doubleValue()));
                }
            }
        }
        draw(points, args.length > 2 ? args[2] : "", Path.of(args[1]));
    }

    static void fanOut(List<Result> sweep, double rate, Path file) throws IOException {
        List<Point> points = sweep.stream().filter(r -> r.fanOut().count() > 0)
                .map(r -> new Point(r.authors(), r.fanOut().millis(50), r.fanOut().millis(95), r.fanOut().millis(99))).toList();
        draw(points, rate + " keystrokes/s per author, load average " + String.format(Locale.ROOT, "%.1f", ServerProbe.loadAverage()), file);
    }

    static void draw(List<Point> unordered, String subtitle, Path file) throws IOException {
        // results files may be appended to by several runs: the lines join points by author count
        List<Point> points = unordered.stream().sorted(java.util.Comparator.comparingInt(Point::authors)).toList();
        System.setProperty("java.awt.headless", "true");
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, HEIGHT);
        double maxMs = points.stream().mapToDouble(Point::p99).max().orElse(100);
        int decades = Math.max(3, (int) Math.ceil(Math.log10(Math.max(maxMs, 100))));
        int minAuthors = points.stream().mapToInt(Point::authors).min().orElse(1);
        int maxAuthors = points.stream().mapToInt(Point::authors).max().orElse(minAuthors + 1);
        Axes axes = new Axes(Math.log10(minAuthors) - 0.05, Math.log10(maxAuthors) + 0.05, decades);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        for (int d = 0; d <= decades; d++) {
            int y = axes.y(Math.pow(10, d));
            g.setColor(Color.LIGHT_GRAY);
            g.drawLine(LEFT, y, WIDTH - RIGHT, y);
            g.setColor(Color.DARK_GRAY);
            g.drawString(d < 3 ? String.format(Locale.ROOT, "%.0f ms", Math.pow(10, d)) : String.format(Locale.ROOT, "%.0f s", Math.pow(10, d - 3)), 8, y + 4);
        }
        for (Point p : points) {
            String label = String.valueOf(p.authors());
            g.drawString(label, axes.x(p.authors()) - 4 * label.length(), HEIGHT - BOTTOM + 18);
        }
        g.drawLine(LEFT, HEIGHT - BOTTOM, WIDTH - RIGHT, HEIGHT - BOTTOM);
        g.drawString("authors typing on one document (log scale)", LEFT + 180, HEIGHT - 18);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        g.drawString("Tandem: fan-out latency, a keystroke's send to its arrival at the other authors", LEFT - 50, 24);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.drawString(subtitle, LEFT - 50, 44);
        g.setColor(new Color(0xE7, 0x6F, 0x51));
        g.setStroke(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1, new float[] {6, 4}, 0));
        g.drawLine(LEFT, axes.y(100), WIDTH - RIGHT, axes.y(100));
        g.drawString("goal: p95 < 100 ms", WIDTH - RIGHT - 120, axes.y(100) - 5);
        line(g, axes, points, 0, new Color(0x2A, 0x9D, 0x8F), "p50");
        line(g, axes, points, 1, new Color(0x26, 0x46, 0x53), "p95");
        line(g, axes, points, 2, new Color(0xE9, 0xA0, 0x3A), "p99");
        g.dispose();
        ImageIO.write(image, "png", file.toFile());
    }

    /** Log-scaled axes: authors on x, milliseconds (1 ms to 10^decades ms) on y. */
    private record Axes(double minLog, double maxLog, int decades) {
        int x(double authors) {
            return LEFT + (int) ((WIDTH - LEFT - RIGHT) * (Math.log10(authors) - minLog) / (maxLog - minLog));
        }

        int y(double ms) {
            double log = Math.log10(Math.max(ms, 1));
            return HEIGHT - BOTTOM - (int) ((HEIGHT - TOP - BOTTOM) * log / decades);
        }
    }

    private static void line(Graphics2D g, Axes axes, List<Point> points, int which, Color color, String label) {
        g.setColor(color);
        g.setStroke(new BasicStroke(2.5f));
        int lastX = -1;
        int lastY = -1;
        for (Point p : points) {
            double ms = which == 0 ? p.p50() : which == 1 ? p.p95() : p.p99();
            int x = axes.x(p.authors());
            int y = axes.y(ms);
            g.fillOval(x - 4, y - 4, 8, 8);
            if (lastX >= 0) {
                g.drawLine(lastX, lastY, x, y);
            }
            lastX = x;
            lastY = y;
        }
        // the legend, top left, where the curves (rising to the right) leave room
        int legendY = TOP + 8 + which * 16;
        g.drawLine(LEFT + 10, legendY, LEFT + 30, legendY);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 12));
        g.drawString(label, LEFT + 36, legendY + 4);
    }
}
