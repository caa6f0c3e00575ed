package dev.tandem.load;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/** Fan-out latency against authors on one document, as a PNG drawn with the JDK's own 2D API (headless). */
final class Plot {

    private static final int WIDTH = 760;
    private static final int HEIGHT = 440;
    private static final int LEFT = 70;
    private static final int RIGHT = 30;
    private static final int TOP = 50;
    private static final int BOTTOM = 60;

    private Plot() {
    }

    static void fanOut(List<Result> sweep, double rate, Path file) throws IOException {
        System.setProperty("java.awt.headless", "true");
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, HEIGHT);
        double maxAuthors = sweep.stream().mapToInt(Result::authors).max().orElse(1);
        double maxMs = Math.max(100, sweep.stream().mapToDouble(r -> r.fanOut().millis(99)).filter(d -> !Double.isNaN(d)).max().orElse(100));
        maxMs = niceCeiling(maxMs);
        int plotW = WIDTH - LEFT - RIGHT;
        int plotH = HEIGHT - TOP - BOTTOM;
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.setColor(Color.LIGHT_GRAY);
        for (int i = 0; i <= 5; i++) {
            int y = TOP + plotH - plotH * i / 5;
            g.drawLine(LEFT, y, LEFT + plotW, y);
            g.setColor(Color.DARK_GRAY);
            g.drawString(String.format(Locale.ROOT, "%.0f", maxMs * i / 5), 10, y + 4);
            g.setColor(Color.LIGHT_GRAY);
        }
        g.setColor(Color.DARK_GRAY);
        for (Result r : sweep) {
            int x = LEFT + (int) (plotW * r.authors() / maxAuthors);
            g.drawString(String.valueOf(r.authors()), x - 12, TOP + plotH + 18);
        }
        g.drawLine(LEFT, TOP + plotH, LEFT + plotW, TOP + plotH);
        g.drawLine(LEFT, TOP, LEFT, TOP + plotH);
        g.drawString("authors typing on one document (" + format(rate) + " keystrokes/s each)", LEFT + plotW / 2 - 150, HEIGHT - 15);
        g.drawString("ms", 10, TOP - 10);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        g.drawString("Tandem: fan-out latency (keystroke sent -> arrival at every other author)", LEFT, 25);
        // the goal: p95 < 100 ms
        g.setColor(new Color(0xE7, 0x6F, 0x51));
        g.setStroke(new BasicStroke(1, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1, new float[] {6, 4}, 0));
        int goal = TOP + plotH - (int) (plotH * 100 / maxMs);
        g.drawLine(LEFT, goal, LEFT + plotW, goal);
        g.drawString("goal: p95 < 100 ms", LEFT + plotW - 140, goal - 5);
        line(g, sweep, 50, new Color(0x2A, 0x9D, 0x8F), maxAuthors, maxMs, "p50");
        line(g, sweep, 95, new Color(0x26, 0x46, 0x53), maxAuthors, maxMs, "p95");
        line(g, sweep, 99, new Color(0xE9, 0xC4, 0x6A), maxAuthors, maxMs, "p99");
        g.dispose();
        ImageIO.write(image, "png", file.toFile());
    }

    private static void line(Graphics2D g, List<Result> sweep, double percentile, Color color, double maxAuthors, double maxMs, String label) {
        int plotW = WIDTH - LEFT - RIGHT;
        int plotH = HEIGHT - TOP - BOTTOM;
        g.setColor(color);
        g.setStroke(new BasicStroke(2.5f));
        int lastX = -1;
        int lastY = -1;
        for (Result r : sweep) {
            double ms = Math.min(r.fanOut().millis(percentile), maxMs);
            if (Double.isNaN(ms)) {
                continue;
            }
            int x = LEFT + (int) (plotW * r.authors() / maxAuthors);
            int y = TOP + plotH - (int) (plotH * ms / maxMs);
            g.fillOval(x - 4, y - 4, 8, 8);
            if (lastX >= 0) {
                g.drawLine(lastX, lastY, x, y);
            }
            lastX = x;
            lastY = y;
        }
        if (lastX >= 0) {
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 12));
            g.drawString(label, Math.min(lastX + 6, WIDTH - 28), lastY - 6);
        }
    }

    private static double niceCeiling(double ms) {
        double step = Math.pow(10, Math.floor(Math.log10(ms)));
        return Math.ceil(ms / step) * step;
    }

    private static String format(double rate) {
        return rate == Math.rint(rate) ? String.valueOf((long) rate) : String.valueOf(rate);
    }
}
