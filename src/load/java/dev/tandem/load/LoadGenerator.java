package dev.tandem.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Drives a running Tandem with simulated authors over real WebSockets and reports what it
 * measured: a table, and one JSON line per scenario (also appended to {@code OUT/results.jsonl});
 * the fan-out sweep of scenario (a) is drawn to {@code OUT/fanout.png}. See the README's
 * "Performance" section; run it with {@code mvn -Pload ... exec:exec -Dload.args="..."}.
 *
 * <p>Exits with 1 when any scenario had errors or an author whose text differed from the server's.
 */
public final class LoadGenerator {

    private LoadGenerator() {
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        ServerProbe server = new ServerProbe(options.base(), options.serverPid());
        server.read(); // fails early, with the reason, when the server or its /metrics is not there
        Scenarios scenarios = new Scenarios(options.base(), server, options);
        Files.createDirectories(options.out());
        List<Result> results = new ArrayList<>();
        System.out.println("Tandem load against " + options.base() + " on " + Runtime.getRuntime().availableProcessors()
                + " cores, load average " + ServerProbe.loadAverage());
        System.out.println(Result.header());
        for (String scenario : options.scenarios()) {
            switch (scenario.trim()) {
                case "a" -> {
                    for (int authors : options.sweep()) {
                        report(options, results, scenarios.openLoop(authors));
                    }
                }
                case "b" -> {
                    report(options, results, scenarios.closedLoop(20, 1));
                    report(options, results, scenarios.closedLoop(100, 50));
                }
                case "b50" -> report(options, results, scenarios.closedLoop(100, 50)); // the write path's figure alone
                case "c" -> report(options, results, scenarios.replay());
                case "d" -> report(options, results, scenarios.idle(options.idle()));
                case "e" -> report(options, results, scenarios.largeDocument(options.documentMegabytes()));
                default -> throw new IllegalArgumentException("no scenario " + scenario + ": a, b, b50, c, d or e");
            }
        }
        System.out.println();
        System.out.println(Result.header());
        results.forEach(r -> System.out.println(r.row()));
        results.forEach(r -> System.out.println(r.json()));
        List<Result> sweep = results.stream().filter(r -> r.scenario().startsWith("a-")).toList();
        if (sweep.size() > 1) {
            Plot.fanOut(sweep, options.rate(), options.out().resolve("fanout.png"));
            System.out.println("plot: " + options.out().resolve("fanout.png"));
        }
        boolean clean = results.stream().allMatch(r -> r.errors() == 0 && r.converged());
        System.exit(clean ? 0 : 1);
    }

    private static void report(Options options, List<Result> results, Result result) throws IOException {
        results.add(result);
        System.out.println(result.row());
        result.firstErrors().forEach(e -> System.out.println("    error: " + e));
        Files.writeString(options.out().resolve("results.jsonl"), result.json() + System.lineSeparator(),
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}
