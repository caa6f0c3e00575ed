package dev.tandem.load;

import java.net.URI;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The command line: {@code [URL] [--scenarios a,b,c,d] [--authors 50,100,200,500,1000,2000]
 * [--rate 3] [--seconds 20] [--warmup 3] [--idle 1000] [--replay-buffer 100] [--document-mb 10]
 * [--server-pid PID] [--out target/load]}; scenario e runs only when named.
 */
record Options(URI base, List<String> scenarios, List<Integer> sweep, double rate, int seconds, int warmupSeconds, int idle,
               int replayBuffer, Long serverPid, Path out, int documentMegabytes) {

    static Options parse(String... args) {
        URI base = URI.create("http://127.0.0.1:8080/");
        List<String> scenarios = List.of("a", "b", "c", "d");
        List<Integer> sweep = List.of(50, 100, 200, 500, 1000, 2000);
        double rate = 3;
        int seconds = 20;
        int warmup = 3;
        int idle = 1000;
        int replayBuffer = 100;
        Long pid = null;
        Path out = Path.of("target", "load");
        int documentMegabytes = 10;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                base = URI.create(arg.endsWith("/") ? arg : arg + "/");
                continue;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(arg + " needs a value");
            }
            String value = args[++i];
            switch (arg) {
                case "--scenarios" -> scenarios = List.of(value.split(","));
                case "--authors" -> sweep = Arrays.stream(value.split(",")).map(Integer::valueOf).toList();
                case "--rate" -> rate = Double.parseDouble(value);
                case "--seconds" -> seconds = Integer.parseInt(value);
                case "--warmup" -> warmup = Integer.parseInt(value);
                case "--idle" -> idle = Integer.parseInt(value);
                case "--replay-buffer" -> replayBuffer = Integer.parseInt(value);
                case "--server-pid" -> pid = Long.valueOf(value);
                case "--out" -> out = Path.of(value);
                case "--document-mb" -> documentMegabytes = Integer.parseInt(value);
                default -> throw new IllegalArgumentException("unknown option " + arg + " (see " + Options.class.getName() + ")");
            }
        }
        if (rate <= 0 || seconds < 1 || warmup < 0 || idle < 1 || replayBuffer < 1) {
            throw new IllegalArgumentException("--rate, --seconds, --idle and --replay-buffer must be positive, --warmup not negative");
        }
        return new Options(base, scenarios, sweep, rate, seconds, warmup, idle, replayBuffer, pid, out, documentMegabytes);
    }
}
