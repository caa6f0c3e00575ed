package dev.tandem.load;

import dev.tandem.ot.TextOperation;
import dev.tandem.trace.EditingTrace;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/** The scenarios; each runs on fresh documents, stops by itself and returns its figures. */
final class Scenarios {

    private final URI base;
    private final ServerProbe server;
    private final Options options;
    private final String runId = UUID.randomUUID().toString().substring(0, 8);

    Scenarios(URI base, ServerProbe server, Options options) {
        this.base = base;
        this.server = server;
        this.options = options;
    }

    /** (a) {@code authors} on one document, each typing {@code rate} keystrokes a second (open loop). */
    Result openLoop(int authors) throws InterruptedException {
        double load = ServerProbe.loadAverage();
        try (Crowd crowd = new Crowd(base, server)) {
            crowd.connect(List.of(doc("a" + authors)), authors, null);
            ScheduledExecutorService keyboard = Executors.newScheduledThreadPool(1);
            long period = Math.round(1_000_000.0 / options.rate());
            List<ScheduledFuture<?>> typing = new ArrayList<>();
            for (Author author : crowd.authors) {
                typing.add(keyboard.scheduleAtFixedRate(author::type, ThreadLocalRandom.current().nextLong(period), period, TimeUnit.MICROSECONDS));
            }
            Result result = measure(crowd, "a-open-loop", authors, 1, load, "", Double.NaN, () -> {
                typing.forEach(t -> t.cancel(false));
                keyboard.shutdown();
            });
            return result;
        }
    }

    /** (b) closed loop: each author types its next keystroke as soon as the last is acknowledged. */
    Result closedLoop(int authors, int documents) throws InterruptedException {
        double load = ServerProbe.loadAverage();
        List<String> docs = new ArrayList<>();
        for (int i = 0; i < documents; i++) {
            docs.add(doc("b" + authors + "x" + documents + "-" + i));
        }
        java.util.concurrent.atomic.AtomicBoolean typing = new java.util.concurrent.atomic.AtomicBoolean(true);
        try (Crowd crowd = new Crowd(base, server)) {
            crowd.connect(docs, authors / documents, author -> {
                if (typing.get()) {
                    author.type();
                }
            });
            crowd.authors.forEach(Author::type);
            return measure(crowd, "b-closed-loop", authors, documents, load, "", Double.NaN, () -> typing.set(false));
        }
    }

    /** (c) automerge-paper typed by one author as fast as acks allow, at most {@code replayBuffer} edits composed per operation. */
    Result replay() throws InterruptedException {
        EditingTrace trace = EditingTrace.read(EditingTrace.directory().resolve("automerge-paper.json.gz"));
        double load = ServerProbe.loadAverage();
        try (Crowd crowd = new Crowd(base, server);
             ServerProbe.Sampler sampler = server.new Sampler()) {
            crowd.connect(List.of(doc("c")), 1, null);
            Author author = crowd.authors.get(0);
            crowd.run.measuring = true;
            long start = System.nanoTime();
            int length = trace.startContent().length();
            for (EditingTrace.Splice splice : trace.splices()) {
                author.editWhenRoom(splice.operation(length), options.replayBuffer());
                length += splice.inserted().length() - splice.deleted();
            }
            boolean converged = crowd.settleAndCompare(120_000);
            double seconds = (System.nanoTime() - start) / 1e9;
            crowd.run.measuring = false;
            if (!author.text().equals(trace.endContent())) {
                crowd.run.error("replayed text differs from the trace's endContent");
                converged = false;
            }
            return new Result("c-replay", 1, 1, seconds, crowd.run.acked.get(), crowd.run.ack, crowd.run.fanOut, crowd.run.errors.get(),
                    crowd.run.firstErrors, sampler.cpuMean(), sampler.cpuMax(), sampler.heapMaxBytes() / 1e6, converged,
                    "trace edits/s", trace.splices().size() / seconds, load, ServerProbe.loadAverage());
        }
    }

    /** (d) {@code authors} connected and silent: the server's heap per connection. */
    Result idle(int authors) throws InterruptedException {
        double load = ServerProbe.loadAverage();
        boolean gc = server.collectGarbage();
        double before = server.read().heapBytes();
        try (Crowd crowd = new Crowd(base, server)) {
            List<String> docs = new ArrayList<>();
            for (int i = 0; i < Math.max(1, authors / 100); i++) {
                docs.add(doc("d" + authors + "-" + i));
            }
            crowd.connect(docs, authors / docs.size(), null);
            crowd.authors.forEach(Author::ping);
            Thread.sleep(2_000); // pongs and joins settle before the heap is read
            server.collectGarbage();
            double after = server.read().heapBytes();
            double perAuthorKb = (after - before) / crowd.authors.size() / 1024;
            return new Result(gc ? "d-idle" : "d-idle(no-gc)", crowd.authors.size(), docs.size(), 0, 0, crowd.run.ack, crowd.run.fanOut,
                    crowd.run.errors.get(), crowd.run.firstErrors, Double.NaN, Double.NaN, after / 1e6, true,
                    "KB heap/author", perAuthorKb, load, ServerProbe.loadAverage());
        }
    }

    /**
     * (e) one document of {@code megabytes} MB (ASCII, so bytes = units), pasted by one author in
     * 512 KB operations as the editor splits a paste: the server's heap for it (after full GCs,
     * so {@code --server-pid} is needed), the welcome time of a new connection (hello sent to the
     * whole welcome received, five in turn), a history and an export read over HTTP, then that
     * author typing {@code --rate} keystrokes a second in it: the keystroke-to-ack latency.
     */
    Result largeDocument(int megabytes) throws InterruptedException {
        double load = ServerProbe.loadAverage();
        boolean gc = server.collectGarbage();
        double heapBefore = server.read().heapBytes();
        String doc = doc("e" + megabytes + "mb");
        try (Crowd crowd = new Crowd(base, server)) {
            crowd.connect(List.of(doc), 1, null);
            Author typist = crowd.authors.get(0);
            int piece = 512 * 1024;
            int length = 0;
            String line = "0123456789 the quick brown fox jumps over the lazy dog, a line of a large log file\n";
            String chunk = line.repeat(piece / line.length() + 1).substring(0, piece);
            while (length < megabytes * 1_000_000) {
                typist.editWhenRoom(TextOperation.splice(length, length, 0, chunk), 1);
                length += piece;
            }
            crowd.settleAndCompare(600_000);
            server.collectGarbage();
            double heapPerDocumentMb = (server.read().heapBytes() - heapBefore) / 1e6;

            List<Double> welcomes = new ArrayList<>();
            try (Crowd readers = new Crowd(base, server)) {
                for (int i = 0; i < 5; i++) {
                    long start = System.nanoTime();
                    readers.connect(List.of(doc), 1, null);
                    welcomes.add((System.nanoTime() - start) / 1e6);
                }
            }
            long head = typist.rev();
            double history = server.timeGet("api/docs/" + doc + "/text?rev=" + head / 2);
            double export = server.timeGet("api/docs/" + doc);
            System.out.printf(java.util.Locale.ROOT, "e: %d MB document: server heap %.1f MB%s; welcome %s ms; "
                            + "text at revision %d %.0f ms; GET api/docs/{id} %.0f ms%n", megabytes, heapPerDocumentMb,
                    gc ? "" : " (no --server-pid: garbage included)", welcomes.stream().map(w -> String.format(java.util.Locale.ROOT, "%.0f", w)).toList(),
                    head / 2, history, export);

            ScheduledExecutorService keyboard = Executors.newScheduledThreadPool(1);
            long period = Math.round(1_000_000.0 / options.rate());
            ScheduledFuture<?> typing = keyboard.scheduleAtFixedRate(typist::type, 0, period, TimeUnit.MICROSECONDS);
            return measure(crowd, "e-large-" + megabytes + "mb", 1, 1, load, gc ? "MB heap/document" : "MB heap/document(no-gc)",
                    heapPerDocumentMb, () -> {
                        typing.cancel(false);
                        keyboard.shutdown();
                    });
        }
    }

    /** Warm-up, a measured window, stop typing, settle and compare. */
    private Result measure(Crowd crowd, String name, int authors, int documents, double loadBefore, String extraName, double extra,
                           Runnable stop) throws InterruptedException {
        Thread.sleep(options.warmupSeconds() * 1000L);
        long start;
        try (ServerProbe.Sampler sampler = server.new Sampler()) {
            double cpuBefore = server.cpuSeconds();
            crowd.run.measuring = true;
            start = System.nanoTime();
            Thread.sleep(options.seconds() * 1000L);
            crowd.run.measuring = false;
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpuMicrosPerAck = (server.cpuSeconds() - cpuBefore) * 1e6 / crowd.run.acked.get();
            if (extraName.isEmpty() && !Double.isNaN(cpuMicrosPerAck)) {
                extraName = "server CPU µs/ack";
                extra = cpuMicrosPerAck;
            }
            stop.run();
            double loadAfter = ServerProbe.loadAverage();
            boolean converged = crowd.settleAndCompare(120_000);
            return new Result(name, authors, documents, seconds, crowd.run.acked.get(), crowd.run.ack, crowd.run.fanOut,
                    crowd.run.errors.get(), crowd.run.firstErrors, sampler.cpuMean(), sampler.cpuMax(), sampler.heapMaxBytes() / 1e6,
                    converged, extraName, extra, loadBefore, loadAfter);
        }
    }

    private String doc(String scenario) {
        return "load-" + runId + "-" + scenario;
    }
}
