import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.Driver;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.jar.JarFile;

/**
 * Ingest benchmark for the report API over HTTP on loopback, with the raw durable commit rate of H2 measured in
 * the same run for comparison.
 *
 * <ol>
 *   <li>Raw H2: {@code jdbc:h2:file:<temp>/raw;WRITE_DELAY=0} (the app's URL settings), single-row INSERT + COMMIT
 *       in a loop on one connection for {@code --raw-seconds}, then with {@code --raw-threads} threads each on its
 *       own connection. The H2 jar is the one inside the application jar (the exact version the app runs), else
 *       {@code --h2-jar}, else the newest under {@code ~/.m2/repository/com/h2database/h2}. It is loaded with a
 *       URLClassLoader and opened with {@code Driver.connect}, without DriverManager.</li>
 *   <li>The app: the jar started as a child process on a fresh data folder (127.0.0.1, a free port, demo accounts,
 *       no demo data); warm-up; then {@code --clients} concurrent keep-alive clients for {@code --seconds} in mode
 *       {@code single} (POST /api/v1/reports) and then {@code batch} (POST /api/v1/reports/batch, {@code --batch-size}
 *       reports a call).</li>
 * </ol>
 * Prints a plain-text table and writes it to {@code target/bench/ingest-<timestamp>.txt}.
 *
 * <p>JDK only. Run from the project folder: {@code java src/bench/java/IngestBenchmark.java [options]}
 * <pre>
 *   --jar PATH            application jar (default target/ceasefire-monitor-0.1.0-SNAPSHOT.jar)
 *   --seconds S           measured time per mode (default 60)
 *   --warmup S            warm-up before measuring (default 10)
 *   --clients N           concurrent clients (default 20)
 *   --batch-size N        reports per batch call (default 500)
 *   --modes LIST          single,batch (default both)
 *   --batch-format F      array (body is [report, ...], default) or object (body is {"reports": [...]})
 *   --h2-jar PATH         H2 jar for the raw measurement
 *   --raw-seconds S       raw H2 time per variant (default 10)
 *   --raw-threads N       threads for the multi-connection raw variant (default 20)
 *   --no-raw              skip the raw H2 measurement
 *   --no-app              only the raw H2 measurement
 *   --log-dir DIR         where the server log goes (default target/bench/logs)
 *   --out-dir DIR         where the result file goes (default target/bench)
 *   --project-dir DIR     folder holding config/agreements (default: the current folder)
 *   --user U --password P HTTP Basic account (default monitor / ceasefire-demo)
 *   --token T             use "Authorization: Bearer T" instead of HTTP Basic
 *   --server-opts "..."   extra JVM options for the server, space separated
 * </pre>
 */
public class IngestBenchmark {

    static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    static final class Options {
        Path jar = Path.of("target/ceasefire-monitor-0.1.0-SNAPSHOT.jar");
        double seconds = 60;
        double warmup = 10;
        int clients = 20;
        int batchSize = 500;
        List<String> modes = List.of("single", "batch");
        String batchFormat = "array";
        Path h2Jar = null;
        double rawSeconds = 10;
        int rawThreads = 20;
        boolean raw = true;
        boolean app = true;
        Path logDir = Path.of("target/bench/logs");
        Path outDir = Path.of("target/bench");
        Path projectDir = Path.of(".");
        String user = "monitor";
        String password = "ceasefire-demo";
        String token = null;
        List<String> serverOpts = List.of();

        static Options parse(String[] args) {
            var o = new Options();
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--jar" -> o.jar = Path.of(args[++i]);
                    case "--seconds" -> o.seconds = Double.parseDouble(args[++i]);
                    case "--warmup" -> o.warmup = Double.parseDouble(args[++i]);
                    case "--clients" -> o.clients = Integer.parseInt(args[++i]);
                    case "--batch-size" -> o.batchSize = Integer.parseInt(args[++i]);
                    case "--modes" -> o.modes = List.of(args[++i].split(","));
                    case "--batch-format" -> o.batchFormat = args[++i];
                    case "--h2-jar" -> o.h2Jar = Path.of(args[++i]);
                    case "--raw-seconds" -> o.rawSeconds = Double.parseDouble(args[++i]);
                    case "--raw-threads" -> o.rawThreads = Integer.parseInt(args[++i]);
                    case "--no-raw" -> o.raw = false;
                    case "--no-app" -> o.app = false;
                    case "--log-dir" -> o.logDir = Path.of(args[++i]);
                    case "--out-dir" -> o.outDir = Path.of(args[++i]);
                    case "--project-dir" -> o.projectDir = Path.of(args[++i]);
                    case "--user" -> o.user = args[++i];
                    case "--password" -> o.password = args[++i];
                    case "--token" -> o.token = args[++i];
                    case "--server-opts" -> o.serverOpts = List.of(args[++i].trim().split("\\s+"));
                    case "-h", "--help" -> {
                        System.out.println("usage: java src/bench/java/IngestBenchmark.java [--jar PATH] [--seconds S] [--warmup S]"
                                + " [--clients N] [--batch-size N] [--modes single,batch] [--batch-format array|object]"
                                + " [--h2-jar PATH] [--raw-seconds S] [--raw-threads N] [--no-raw] [--no-app] [--log-dir DIR]"
                                + " [--out-dir DIR] [--project-dir DIR] [--user U --password P | --token T] [--server-opts \"...\"]");
                        System.exit(0);
                    }
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
            for (var m : o.modes) if (!m.equals("single") && !m.equals("batch")) throw new IllegalArgumentException("unknown mode " + m);
            return o;
        }

        String authorization() {
            if (token != null) return "Bearer " + token;
            return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        }
    }

    static final StringBuilder out = new StringBuilder();

    static void say(String format, Object... args) {
        var line = String.format(Locale.ROOT, format, args);
        System.out.println(line);
        out.append(line).append('\n');
    }

    public static void main(String[] args) throws Exception {
        var o = Options.parse(args);
        var stamp = LocalDateTime.now().format(STAMP);
        var work = Files.createTempDirectory("ccm-ingest-");
        Files.createDirectories(o.logDir);
        Files.createDirectories(o.outDir);
        var watchdogLimit = Duration.ofSeconds((long) (60 + 2 * o.rawSeconds + o.warmup + o.modes.size() * (o.seconds + 60) + 240));
        Thread.ofPlatform().daemon().start(() -> {
            try {
                Thread.sleep(watchdogLimit.toMillis());
                System.err.println("INGEST BENCHMARK: time limit of " + watchdogLimit + " reached, giving up");
                Server.killAll();
                Runtime.getRuntime().halt(3);
            } catch (InterruptedException ignored) {
            }
        });

        say("Ingest benchmark, %s", LocalDateTime.now().withNano(0));
        say("machine: %d CPU(s) visible to the JVM, %s %s, Java %s (%s)", Runtime.getRuntime().availableProcessors(),
                System.getProperty("os.name"), System.getProperty("os.arch"), System.getProperty("java.version"), System.getProperty("java.home"));
        say("command: java src/bench/java/IngestBenchmark.java %s", String.join(" ", args));
        say("load average at start: %s (the machine should be otherwise idle)", Bench.loadAverage());
        say("");

        RawResult rawSingle = null, rawMulti = null;
        Server server = null;
        var results = new ArrayList<ModeResult>();
        var exit = 0;
        try {
            if (o.raw) {
                var h2 = findH2(o, work);
                say("Raw H2 (%s), jdbc:h2:file:<temp>/raw;WRITE_DELAY=0, single-row INSERT + COMMIT:", h2.getFileName());
                rawSingle = rawCommits(h2, work, 1, o.rawSeconds);
                say("  1 connection:    %,9.0f commits/s  (%,d in %.1f s)", rawSingle.perSecond(), rawSingle.commits, rawSingle.seconds);
                rawMulti = rawCommits(h2, work, o.rawThreads, o.rawSeconds);
                say("  %2d connections:  %,9.0f commits/s  (%,d in %.1f s)", o.rawThreads, rawMulti.perSecond(), rawMulti.commits, rawMulti.seconds);
                say("");
            }
            if (o.app) {
                if (!Files.isRegularFile(o.jar)) throw new IllegalStateException("No jar at " + o.jar.toAbsolutePath() + " (build it, or pass --jar)");
                var log = o.logDir.resolve("ingest-" + stamp + ".log");
                var t0 = System.nanoTime();
                server = Server.start(o, work.resolve("data"), log);
                say("App started in %.1f s (pid %d, %s, log %s)", (System.nanoTime() - t0) / 1e9, server.process.pid(), server.base, log);

                var warmupSingle = o.warmup * (o.modes.contains("batch") ? 0.7 : 1.0);
                var warm = run(o, server, "single", warmupSingle);
                if (o.modes.contains("batch")) warm = warm.plus(run(o, server, "batch", o.warmup - warmupSingle));
                say("Warm-up: %.0f s, %,d reports stored, %d error(s)", o.warmup, warm.stored, warm.errorCount());
                if (!warm.errors.isEmpty()) {
                    say("  warm-up errors: %s", new TreeMap<>(warm.errors));
                    warm.samples.stream().limit(3).forEach(x -> say("  e.g. %s", x));
                }
                for (var mode : o.modes) {
                    var r = run(o, server, mode, o.seconds);
                    results.add(r);
                    say("%s done: %,d calls, %,d reports stored, %d error(s)", mode, r.calls(), r.stored, r.errorCount());
                }
                var expected = warm.stored + results.stream().mapToLong(r -> r.stored).sum();
                var total = storedTotal(o, server);
                say("Stored according to GET /api/v1/reports: total=%d; reports acknowledged 201: %d%s", total, expected,
                        total == expected ? "" : "  <-- MISMATCH");
                if (total != expected) exit = 1;
                server.stop();
                server = null;
                var errors = Bench.scanLog(log);
                say("Server log: %s", errors);
            }

            say("");
            say("%-8s %8s %10s %11s %9s %9s %9s %9s %8s", "mode", "clients", "calls", "reports/s", "p50 ms", "p95 ms", "p99 ms", "max ms", "errors");
            for (var r : results) {
                say("%-8s %8d %,10d %,11.1f %9.1f %9.1f %9.1f %9.1f %8d", r.mode, o.clients, r.calls(), r.reportsPerSecond(),
                        r.percentile(0.50), r.percentile(0.95), r.percentile(0.99), r.percentile(1.0), r.errorCount());
            }
            for (var r : results) {
                if (r.mode.equals("batch")) say("batch: %.1f calls/s of %d reports; latencies above are per call", r.calls() / r.seconds, o.batchSize);
                if (!r.errors.isEmpty()) say("%s errors: %s", r.mode, new TreeMap<>(r.errors));
                if (!r.samples.isEmpty()) r.samples.stream().limit(3).forEach(s -> say("  e.g. %s", s));
            }
            if (rawSingle != null) {
                say("");
                say("raw H2 durable single-row commits (each commit written to the OS, so it survives kill -9; H2 does not"
                        + " fsync per commit): %,.0f/s on 1 connection, %,.0f/s on %d connections",
                        rawSingle.perSecond(), rawMulti.perSecond(), o.rawThreads);
                for (var r : results) {
                    say("app %s rate / raw 1-connection commit rate: %.4f (%.2f %%);  / raw %d-connection rate: %.4f (%.2f %%)", r.mode,
                            r.reportsPerSecond() / rawSingle.perSecond(), 100 * r.reportsPerSecond() / rawSingle.perSecond(),
                            o.rawThreads, r.reportsPerSecond() / rawMulti.perSecond(), 100 * r.reportsPerSecond() / rawMulti.perSecond());
                }
            }
            say("load average at the end: %s", Bench.loadAverage());
            say("");
            say("goals (issue 3): single >= 300 reports/s with p95 <= 100 ms; batch >= 5,000 reports/s");
            for (var r : results) {
                if (r.mode.equals("single"))
                    say("  single: %.0f reports/s (%s), p95 %.1f ms (%s)", r.reportsPerSecond(), r.reportsPerSecond() >= 300 ? "met" : "NOT met",
                            r.percentile(0.95), r.percentile(0.95) <= 100 ? "met" : "NOT met");
                else
                    say("  batch:  %.0f reports/s (%s)", r.reportsPerSecond(), r.reportsPerSecond() >= 5000 ? "met" : "NOT met");
            }
        } catch (Exception e) {
            exit = 2;
            say("BENCHMARK ERROR: %s", e);
            e.printStackTrace();
        } finally {
            if (server != null) server.stop();
            Server.killAll();
            Bench.deleteTree(work);
        }
        var file = o.outDir.resolve("ingest-" + stamp + ".txt");
        Files.writeString(file, out.toString());
        System.out.println("written: " + file);
        System.exit(exit);
    }

    // ---------------------------------------------------------------------------------------------------------
    // raw H2

    record RawResult(long commits, double seconds) {
        double perSecond() {
            return commits / seconds;
        }
    }

    static Path findH2(Options o, Path work) throws IOException {
        if (o.h2Jar != null) return o.h2Jar;
        // The version the app actually runs: the nested jar in the Spring Boot fat jar.
        if (Files.isRegularFile(o.jar)) {
            try (var jar = new JarFile(o.jar.toFile())) {
                var entry = jar.stream().filter(e -> e.getName().matches("BOOT-INF/lib/h2-[0-9.]+\\.jar")).findFirst();
                if (entry.isPresent()) {
                    var target = work.resolve(Path.of(entry.get().getName()).getFileName().toString());
                    try (InputStream in = jar.getInputStream(entry.get())) {
                        Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                    return target;
                }
            }
        }
        var repo = Path.of(System.getProperty("user.home"), ".m2/repository/com/h2database/h2");
        try (var versions = Files.list(repo)) {
            var newest = versions.filter(Files::isDirectory)
                    .max(Comparator.comparing(p -> versionKey(p.getFileName().toString())))
                    .orElseThrow(() -> new IOException("no H2 under " + repo + "; pass --h2-jar"));
            var jar = newest.resolve("h2-" + newest.getFileName() + ".jar");
            if (!Files.isRegularFile(jar)) throw new IOException("no " + jar + "; pass --h2-jar");
            return jar;
        }
    }

    static String versionKey(String v) {
        var b = new StringBuilder();
        for (var part : v.split("[.-]")) b.append(String.format("%08d", part.matches("\\d+") ? Long.parseLong(part) : 0));
        return b.toString();
    }

    static RawResult rawCommits(Path h2Jar, Path work, int threads, double seconds) throws Exception {
        var dir = Files.createTempDirectory(work, "raw-");
        var loader = new URLClassLoader(new URL[] {h2Jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
        var driver = (Driver) Class.forName("org.h2.Driver", true, loader).getDeclaredConstructor().newInstance();
        var url = "jdbc:h2:file:" + dir.toAbsolutePath() + "/raw;WRITE_DELAY=0";
        var props = new Properties();
        props.setProperty("user", "sa");
        props.setProperty("password", "");
        try (var setup = driver.connect(url, props); var st = setup.createStatement()) {
            st.execute("CREATE TABLE raw_row (id BIGINT PRIMARY KEY, created_at TIMESTAMP WITH TIME ZONE, payload VARCHAR(400))");
            var ids = new AtomicLong();
            var commits = new AtomicLong();
            var stop = new AtomicBoolean();
            var ready = new CountDownLatch(threads);
            var go = new CountDownLatch(1);
            var failures = new AtomicInteger();
            var workers = new ArrayList<Thread>();
            for (int t = 0; t < threads; t++) {
                workers.add(Thread.ofPlatform().start(() -> {
                    try (Connection c = driver.connect(url, props)) {
                        c.setAutoCommit(false);
                        try (var insert = c.prepareStatement("INSERT INTO raw_row (id, created_at, payload) VALUES (?, CURRENT_TIMESTAMP, ?)")) {
                            ready.countDown();
                            go.await();
                            while (!stop.get()) {
                                var id = ids.incrementAndGet();
                                insert.setLong(1, id);
                                insert.setString(2, "payload " + id + " " + UUID.randomUUID());
                                insert.executeUpdate();
                                c.commit();
                                commits.incrementAndGet();
                            }
                        }
                    } catch (Exception e) {
                        if (failures.incrementAndGet() == 1) e.printStackTrace();
                        ready.countDown();
                    }
                }));
            }
            ready.await();
            var t0 = System.nanoTime();
            go.countDown();
            Thread.sleep((long) (seconds * 1000));
            stop.set(true);
            var counted = commits.get();
            var elapsed = (System.nanoTime() - t0) / 1e9;
            for (var w : workers) w.join();
            if (failures.get() > 0) throw new IllegalStateException(failures.get() + " raw H2 worker(s) failed");
            try (var rs = st.executeQuery("SELECT COUNT(*) FROM raw_row")) {
                rs.next();
                if (rs.getLong(1) < counted) throw new IllegalStateException("raw H2: fewer rows than commits counted");
            }
            st.execute("SHUTDOWN");
            return new RawResult(counted, elapsed);
        } finally {
            loader.close();
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // HTTP load

    static final class ModeResult {
        final String mode;
        final double seconds;
        long[] latencies = new long[0]; // nanoseconds per call
        long stored; // reports answered 201
        long replayed; // reports answered 200
        long reports; // reports sent in calls that completed
        final Map<String, Long> errors = new ConcurrentHashMap<>();
        final List<String> samples = new ArrayList<>();

        ModeResult(String mode, double seconds) {
            this.mode = mode;
            this.seconds = seconds;
        }

        long calls() {
            return latencies.length;
        }

        long errorCount() {
            return errors.values().stream().mapToLong(Long::longValue).sum();
        }

        double reportsPerSecond() {
            return stored / seconds;
        }

        double percentile(double q) {
            if (latencies.length == 0) return Double.NaN;
            var index = (int) Math.ceil(q * latencies.length) - 1;
            return latencies[Math.max(0, Math.min(latencies.length - 1, index))] / 1e6;
        }

        ModeResult plus(ModeResult other) {
            var r = new ModeResult(mode + "+" + other.mode, seconds + other.seconds);
            r.stored = stored + other.stored;
            r.errors.putAll(errors);
            other.errors.forEach((k, v) -> r.errors.merge(k, v, Long::sum));
            r.samples.addAll(samples);
            r.samples.addAll(other.samples);
            return r;
        }
    }

    /** Per client thread: its own keep-alive HTTP client, as 20 field clients would have. */
    static final class Client {
        long[] latencies = new long[1024];
        int n;
        long stored, replayed, reports;
        final Map<String, Long> errors = new LinkedHashMap<>();
        final List<String> samples = new ArrayList<>();

        void latency(long nanos) {
            if (n == latencies.length) latencies = Arrays.copyOf(latencies, n * 2);
            latencies[n++] = nanos;
        }

        void error(String key, String sample) {
            errors.merge(key, 1L, Long::sum);
            if (samples.size() < 3) samples.add(key + ": " + Bench.abbreviate(sample, 300));
        }
    }

    static ModeResult run(Options o, Server server, String mode, double seconds) throws Exception {
        var stop = new AtomicBoolean();
        var clients = new ArrayList<Client>();
        var threads = new ArrayList<Thread>();
        var go = new CountDownLatch(1);
        for (int c = 0; c < o.clients; c++) {
            var client = new Client();
            clients.add(client);
            threads.add(Thread.ofPlatform().name(mode + "-client-" + c).start(() -> {
                var random = new SplittableRandom();
                try (var http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build()) {
                    go.await();
                    while (!stop.get()) {
                        if (mode.equals("single")) single(o, server, http, client, random);
                        else batch(o, server, http, client, random);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
        }
        var t0 = System.nanoTime();
        go.countDown();
        Thread.sleep((long) (seconds * 1000));
        stop.set(true);
        for (var t : threads) t.join(120_000);
        // Calls that finish after the bell still count: divide by the time until the last one finished.
        var elapsed = (System.nanoTime() - t0) / 1e9;
        var r = new ModeResult(mode, elapsed);
        var all = new long[clients.stream().mapToInt(c -> c.n).sum()];
        var at = 0;
        for (var c : clients) {
            System.arraycopy(c.latencies, 0, all, at, c.n);
            at += c.n;
            r.stored += c.stored;
            r.replayed += c.replayed;
            r.reports += c.reports;
            c.errors.forEach((k, v) -> r.errors.merge(k, v, Long::sum));
            for (var s : c.samples) if (r.samples.size() < 5) r.samples.add(s);
        }
        Arrays.sort(all);
        r.latencies = all;
        return r;
    }

    static void single(Options o, Server server, HttpClient http, Client client, SplittableRandom random) throws InterruptedException {
        var body = Bench.Reports.random(random, "Benchmark").body();
        var request = HttpRequest.newBuilder(server.base.resolve("/api/v1/reports"))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", o.authorization())
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        var t0 = System.nanoTime();
        try {
            var response = http.send(request, HttpResponse.BodyHandlers.ofString());
            client.latency(System.nanoTime() - t0);
            client.reports++;
            switch (response.statusCode()) {
                case 201 -> client.stored++;
                case 200 -> { client.replayed++; client.error("200 on a fresh id", response.body()); }
                default -> client.error("HTTP " + response.statusCode(), response.body());
            }
        } catch (IOException e) {
            client.error(e.getClass().getSimpleName(), String.valueOf(e.getMessage()));
        }
    }

    static void batch(Options o, Server server, HttpClient http, Client client, SplittableRandom random) throws InterruptedException {
        var body = new StringBuilder(o.batchSize * 700);
        body.append(o.batchFormat.equals("object") ? "{\"reports\":[" : "[");
        for (int i = 0; i < o.batchSize; i++) {
            if (i > 0) body.append(',');
            body.append(Bench.Reports.random(random, "Benchmark").body());
        }
        body.append(o.batchFormat.equals("object") ? "]}" : "]");
        var request = HttpRequest.newBuilder(server.base.resolve("/api/v1/reports/batch"))
                .timeout(Duration.ofSeconds(120))
                .header("Authorization", o.authorization())
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build();
        var t0 = System.nanoTime();
        try {
            var response = http.send(request, HttpResponse.BodyHandlers.ofString());
            client.latency(System.nanoTime() - t0);
            if (response.statusCode() != 200) {
                client.error("HTTP " + response.statusCode(), response.body());
                return;
            }
            var json = Bench.Json.parse(response.body());
            List<?> items = json instanceof List<?> l ? l
                    : json instanceof Map<?, ?> m && m.get("items") instanceof List<?> l2 ? l2
                    : json instanceof Map<?, ?> m2 && m2.get("results") instanceof List<?> l3 ? l3 : null;
            if (items == null) {
                client.error("unexpected batch answer", response.body());
                return;
            }
            client.reports += o.batchSize;
            if (items.size() != o.batchSize) client.error("batch answered " + items.size() + " of " + o.batchSize, response.body());
            for (var item : items) {
                var status = item instanceof Map<?, ?> m ? m.get("status") : null;
                var code = status instanceof Number n ? n.intValue() : -1;
                switch (code) {
                    case 201 -> client.stored++;
                    case 200 -> { client.replayed++; client.error("item 200 on a fresh id", String.valueOf(item)); }
                    default -> client.error("item status " + status, String.valueOf(item));
                }
            }
        } catch (IOException e) {
            client.error(e.getClass().getSimpleName(), String.valueOf(e.getMessage()));
        } catch (RuntimeException e) {
            client.error("unparsable batch answer", e.toString());
        }
    }

    static long storedTotal(Options o, Server server) throws Exception {
        try (var http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            var response = http.send(HttpRequest.newBuilder(server.base.resolve("/api/v1/reports?size=1&page=0"))
                    .header("Authorization", o.authorization()).header("Accept", "application/json").GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) return -1;
            return ((Number) ((Map<?, ?>) Bench.Json.parse(response.body())).get("total")).longValue();
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // server process

    static final class Server {
        static final List<Process> all = new java.util.concurrent.CopyOnWriteArrayList<>();
        final Process process;
        final URI base;
        final Path log;

        Server(Process process, int port, Path log) {
            this.process = process;
            this.base = URI.create("http://127.0.0.1:" + port);
            this.log = log;
        }

        static Server start(Options o, Path dataDir, Path log) throws Exception {
            Files.createDirectories(dataDir);
            int port;
            try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                port = socket.getLocalPort();
            }
            var cmd = new ArrayList<String>();
            cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            cmd.addAll(o.serverOpts);
            cmd.addAll(List.of("-jar", o.jar.toAbsolutePath().toString(),
                    "--spring.profiles.active=demo",
                    "--ccm.demo.data=false",
                    "--ccm.data-dir=" + dataDir.toAbsolutePath(),
                    "--ccm.catalogue=" + o.projectDir.toAbsolutePath().normalize().resolve("config/agreements"),
                    "--server.address=127.0.0.1",
                    "--server.port=" + port));
            var process = new ProcessBuilder(cmd).directory(o.projectDir.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            all.add(process);
            var server = new Server(process, port, log);
            try (var http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build()) {
                var limit = Instant.now().plusSeconds(180);
                while (Instant.now().isBefore(limit)) {
                    if (!process.isAlive()) throw new IllegalStateException("the server exited with code " + process.exitValue() + "; see " + log);
                    try {
                        var r = http.send(HttpRequest.newBuilder(server.base.resolve("/actuator/health")).timeout(Duration.ofSeconds(5)).GET().build(),
                                HttpResponse.BodyHandlers.ofString());
                        if (r.statusCode() == 200 && r.body().contains("\"UP\"")) return server;
                    } catch (IOException ignored) {
                    }
                    Thread.sleep(250);
                }
            }
            process.destroyForcibly();
            throw new IllegalStateException("the server did not report UP within 180 s; see " + log);
        }

        void stop() throws InterruptedException {
            if (!process.isAlive()) return;
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            all.remove(process);
        }

        static void killAll() {
            for (var p : all) p.destroyForcibly();
        }
    }

}
