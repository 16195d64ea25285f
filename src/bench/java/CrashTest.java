import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Crash test for the report API: nothing acknowledged may be lost, nothing may be stored twice.
 *
 * <p>Starts the application jar as a child process on a fresh data folder (127.0.0.1, a free port, demo accounts,
 * no demo data), lets {@code --clients} threads POST reports with client-chosen UUIDs, kills the JVM with SIGKILL
 * mid-stream, restarts it on the same data, and checks:
 * <ul>
 *   <li>every id that was acknowledged (201 or 200) answers {@code GET /api/v1/reports/{id}} with 200 (else "lost");</li>
 *   <li>the paged list {@code GET /api/v1/reports} holds every stored id exactly once (else "doubled"), holds no
 *       id the test never sent, and its {@code total} equals the number of distinct stored ids.</li>
 * </ul>
 * A client whose request fails with a connection error retries it once with the same id and body, as a field client
 * would; a report whose fate is still unknown when the server dies is sent again, unchanged, after the restart
 * (disable with {@code --no-resend}). A resent report must be answered 201 or 200, never 409.
 *
 * <p>JDK only. Run from the project folder: {@code java src/bench/java/CrashTest.java [options]}
 * <pre>
 *   --jar PATH          application jar (default target/ceasefire-monitor-0.1.0-SNAPSHOT.jar)
 *   --rounds N          kill/restart cycles (default 3)
 *   --seconds S         load before each kill (default 8)
 *   --clients N         concurrent clients (default 16)
 *   --kill-cmd          kill with the command `kill -9 PID` instead of Process.destroyForcibly() (also SIGKILL)
 *   --no-resend         do not resend reports of unknown fate after the restart
 *   --log-dir DIR       where the server logs go (default target/bench/logs)
 *   --data-dir DIR      data folder (default: a fresh temporary folder)
 *   --project-dir DIR   folder holding config/agreements (default: the current folder)
 *   --user U --password P   HTTP Basic account (default monitor / ceasefire-demo)
 *   --token T           use "Authorization: Bearer T" instead of HTTP Basic
 *   --server-opts "..." extra JVM options for the server, space separated
 *   --keep-data         keep the data folder afterwards
 * </pre>
 * Exit code 0 only if nothing was lost, nothing doubled, nothing unexpected found, and no resend was refused.
 */
public class CrashTest {

    static final Duration HARD_CAP = Duration.ofMinutes(5);
    static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    // ---------------------------------------------------------------------------------------------------------
    // options

    static final class Options {
        Path jar = Path.of("target/ceasefire-monitor-0.1.0-SNAPSHOT.jar");
        int rounds = 3;
        double seconds = 8;
        int clients = 16;
        boolean killCmd = false;
        boolean resend = true;
        Path logDir = Path.of("target/bench/logs");
        Path dataDir = null;
        Path projectDir = Path.of(".");
        String user = "monitor";
        String password = "ceasefire-demo";
        String token = null;
        List<String> serverOpts = List.of();
        boolean keepData = false;

        static Options parse(String[] args) {
            var o = new Options();
            for (int i = 0; i < args.length; i++) {
                var a = args[i];
                switch (a) {
                    case "--jar" -> o.jar = Path.of(args[++i]);
                    case "--rounds" -> o.rounds = Integer.parseInt(args[++i]);
                    case "--seconds" -> o.seconds = Double.parseDouble(args[++i]);
                    case "--clients" -> o.clients = Integer.parseInt(args[++i]);
                    case "--kill-cmd" -> o.killCmd = true;
                    case "--no-resend" -> o.resend = false;
                    case "--log-dir" -> o.logDir = Path.of(args[++i]);
                    case "--data-dir" -> o.dataDir = Path.of(args[++i]);
                    case "--project-dir" -> o.projectDir = Path.of(args[++i]);
                    case "--user" -> o.user = args[++i];
                    case "--password" -> o.password = args[++i];
                    case "--token" -> o.token = args[++i];
                    case "--server-opts" -> o.serverOpts = List.of(args[++i].trim().split("\\s+"));
                    case "--keep-data" -> o.keepData = true;
                    case "--print-samples" -> {
                        var r = new SplittableRandom();
                        for (int n = Integer.parseInt(args[++i]); n > 0; n--) System.out.println(Reports.random(r).body());
                        System.exit(0);
                    }
                    case "-h", "--help" -> {
                        System.out.println("usage: java src/bench/java/CrashTest.java [--jar PATH] [--rounds N] [--seconds S]"
                                + " [--clients N] [--kill-cmd] [--no-resend] [--log-dir DIR] [--data-dir DIR]"
                                + " [--project-dir DIR] [--user U --password P | --token T] [--server-opts \"...\"] [--keep-data]");
                        System.exit(0);
                    }
                    default -> throw new IllegalArgumentException("unknown option " + a);
                }
            }
            if (o.rounds < 1 || o.clients < 1 || o.seconds <= 0) throw new IllegalArgumentException("rounds, clients, seconds must be positive");
            return o;
        }

        String authorization() {
            if (token != null) return "Bearer " + token;
            return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // bookkeeping

    /** One report as the client holds it: the id and the exact body, resent byte for byte. */
    record Report(UUID id, String body) {}

    enum Fate { ACKNOWLEDGED, REFUSED, UNKNOWN }

    static final Map<UUID, Report> sent = new ConcurrentHashMap<>();
    static final Set<UUID> acknowledged = ConcurrentHashMap.newKeySet();
    static final Set<UUID> refused = ConcurrentHashMap.newKeySet();
    static final Map<UUID, Report> unknown = new ConcurrentHashMap<>();
    static final Map<String, AtomicInteger> statusCounts = new ConcurrentHashMap<>();
    static final ConcurrentLinkedQueue<String> anomalies = new ConcurrentLinkedQueue<>();
    static final AtomicInteger retries = new AtomicInteger();
    static final AtomicInteger retrySucceeded = new AtomicInteger();
    static final AtomicInteger resendConflicts = new AtomicInteger();
    static final AtomicLong requests = new AtomicLong();

    static void count(String key) {
        statusCounts.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
    }

    static void anomaly(String text) {
        if (anomalies.size() < 200) anomalies.add(text);
    }

    // ---------------------------------------------------------------------------------------------------------

    public static void main(String[] args) throws Exception {
        var o = Options.parse(args);
        var deadline = Instant.now().plus(HARD_CAP);
        var watchdog = Thread.ofPlatform().daemon().start(() -> {
            try {
                Thread.sleep(HARD_CAP.toMillis());
                System.err.println("CRASH TEST: hard cap of " + HARD_CAP + " reached, giving up");
                Server.killAll();
                Runtime.getRuntime().halt(3);
            } catch (InterruptedException ignored) {
            }
        });
        if (!Files.isRegularFile(o.jar)) {
            System.err.println("No jar at " + o.jar.toAbsolutePath() + " (build it: mvn -B -q -DskipTests package, or pass --jar)");
            System.exit(2);
        }
        var dataDir = o.dataDir != null ? o.dataDir : Files.createTempDirectory("ccm-crash-");
        Files.createDirectories(dataDir);
        Files.createDirectories(o.logDir);
        var stamp = LocalDateTime.now().format(STAMP);
        System.out.printf("Crash test: %d round(s), %d clients, %.1f s of load before each kill (%s), jar %s, data %s%n",
                o.rounds, o.clients, o.seconds, o.killCmd ? "kill -9 PID" : "Process.destroyForcibly()", o.jar, dataDir);

        var logs = new ArrayList<Path>();
        Server server = null;
        var failed = false;
        var roundLines = new ArrayList<String>();
        try {
            var log0 = o.logDir.resolve("crash-" + stamp + "-start0.log");
            logs.add(log0);
            server = Server.start(o, dataDir, log0, deadline);
            for (int round = 1; round <= o.rounds; round++) {
                var before = acknowledged.size();
                var sentBefore = sent.size();
                var unknownBefore = unknown.size();
                var loaded = load(o, server, round);
                var killedAt = System.nanoTime();
                server.kill(o.killCmd);
                loaded.stop.set(true);
                loaded.pool.shutdown();
                if (!loaded.pool.awaitTermination(60, TimeUnit.SECONDS)) {
                    anomaly("round " + round + ": clients still busy 60 s after the kill");
                    loaded.pool.shutdownNow();
                }
                System.out.printf("round %d: killed pid %d after %.1f s; %d sent, %d acknowledged, %d of unknown fate this round%n",
                        round, server.pid(), (killedAt - loaded.startedNanos) / 1e9,
                        sent.size() - sentBefore, acknowledged.size() - before, unknown.size() - unknownBefore);

                var log = o.logDir.resolve("crash-" + stamp + "-restart" + round + ".log");
                logs.add(log);
                var t0 = System.nanoTime();
                server = Server.start(o, dataDir, log, deadline);
                System.out.printf("round %d: restarted on the same data in %.1f s%n", round, (System.nanoTime() - t0) / 1e9);
                if (o.resend && !unknown.isEmpty()) resendUnknown(o, server, round);
                var check = verify(o, server);
                var line = String.format("round %d: %s", round, check);
                System.out.println(line);
                roundLines.add(line);
                failed |= !check.ok();
            }

            var finalCheck = verify(o, server);
            server.stop();
            server = null;

            System.out.println();
            System.out.println("=== crash test summary ===");
            roundLines.forEach(System.out::println);
            System.out.printf("requests made:            %d (retries after a connection error: %d, of which answered: %d)%n",
                    requests.get(), retries.get(), retrySucceeded.get());
            System.out.printf("responses by status:      %s%n", new TreeMap<>(statusCounts));
            System.out.printf("sent (distinct ids):      %d%n", sent.size());
            System.out.printf("acknowledged (201/200):   %d%n", acknowledged.size());
            System.out.printf("refused (4xx/5xx):        %d%n", refused.size());
            System.out.printf("still of unknown fate:    %d%n", unknown.size());
            System.out.printf("found after restart:      %d of the acknowledged (GET by id)%n", finalCheck.acknowledgedFound);
            System.out.printf("stored (GET by id):       %d of the sent ids%n", finalCheck.storedById);
            System.out.printf("listed: %d items, %d distinct ids, total=%d%n", finalCheck.listed, finalCheck.listedDistinct, finalCheck.total);
            System.out.printf("LOST:                     %d%n", finalCheck.lost);
            System.out.printf("DOUBLED:                  %d%n", finalCheck.doubled);
            System.out.printf("unexpected ids in list:   %d%n", finalCheck.unexpected);
            System.out.printf("list/GET mismatches:      %d%n", finalCheck.mismatch);
            System.out.printf("resends answered 409:     %d%n", resendConflicts.get());
            failed |= !finalCheck.ok() || resendConflicts.get() > 0;
            if (!anomalies.isEmpty()) {
                System.out.println("anomalies (first " + Math.min(anomalies.size(), 30) + "):");
                anomalies.stream().limit(30).forEach(a -> System.out.println("  " + a));
            }
            scanLogs(logs);
            System.out.println(failed ? "RESULT: FAIL" : "RESULT: PASS");
        } catch (Exception e) {
            failed = true;
            System.err.println("CRASH TEST ERROR: " + e);
            e.printStackTrace();
            scanLogs(logs);
        } finally {
            if (server != null) server.stop();
            Server.killAll();
            if (!o.keepData && o.dataDir == null) deleteTree(dataDir);
            watchdog.interrupt();
        }
        System.exit(failed ? 1 : 0);
    }

    // ---------------------------------------------------------------------------------------------------------
    // load

    record Load(ExecutorService pool, AtomicBoolean stop, long startedNanos) {}

    static Load load(Options o, Server server, int round) throws InterruptedException {
        var stop = new AtomicBoolean();
        var pool = Executors.newFixedThreadPool(o.clients, Thread.ofPlatform().name("client-", 0).factory());
        var started = System.nanoTime();
        for (int c = 0; c < o.clients; c++) {
            var random = new SplittableRandom(); // fresh seed: ids never repeat across runs on kept data
            pool.execute(() -> client(o, server, stop, random));
        }
        Thread.sleep((long) (o.seconds * 1000));
        return new Load(pool, stop, started);
    }

    static void client(Options o, Server server, AtomicBoolean stop, SplittableRandom random) {
        while (!stop.get()) {
            var report = Reports.random(random);
            sent.put(report.id(), report);
            var fate = submit(o, server, report, true);
            if (fate == Fate.UNKNOWN) {
                unknown.put(report.id(), report);
                // The server is gone (or going). Stop: the round is ending.
                return;
            }
        }
    }

    /** POST one report; on a connection error, retry once with the same id and body. */
    static Fate submit(Options o, Server server, Report report, boolean retry) {
        for (int attempt = 0; attempt < (retry ? 2 : 1); attempt++) {
            if (attempt > 0) retries.incrementAndGet();
            try {
                requests.incrementAndGet();
                var response = server.http.send(post(o, server, report), HttpResponse.BodyHandlers.ofString());
                if (attempt > 0) retrySucceeded.incrementAndGet();
                return record(report, response, attempt > 0 ? "retry" : "first");
            } catch (IOException e) {
                count("connection error");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Fate.UNKNOWN;
            }
        }
        return Fate.UNKNOWN;
    }

    static Fate record(Report report, HttpResponse<String> response, String what) {
        var status = response.statusCode();
        count(String.valueOf(status));
        if (status == 201 || status == 200) {
            acknowledged.add(report.id());
            unknown.remove(report.id());
            if (status == 200 && what.equals("first")) anomaly("first POST of " + report.id() + " answered 200 (expected 201)");
            return Fate.ACKNOWLEDGED;
        }
        refused.add(report.id());
        unknown.remove(report.id());
        if (status == 409 && !what.equals("first")) resendConflicts.incrementAndGet();
        anomaly(what + " POST of " + report.id() + " answered " + status + ": " + abbreviate(response.body(), 300));
        return Fate.REFUSED;
    }

    static void resendUnknown(Options o, Server server, int round) throws InterruptedException {
        var list = new ArrayList<>(unknown.values());
        var answered = new AtomicInteger();
        var byStatus = new ConcurrentHashMap<Integer, AtomicInteger>();
        var pool = Executors.newFixedThreadPool(Math.min(o.clients, Math.max(1, list.size())));
        for (var r : list) {
            pool.execute(() -> {
                try {
                    requests.incrementAndGet();
                    var response = server.http.send(post(o, server, r), HttpResponse.BodyHandlers.ofString());
                    byStatus.computeIfAbsent(response.statusCode(), k -> new AtomicInteger()).incrementAndGet();
                    record(r, response, "resend");
                    answered.incrementAndGet();
                } catch (IOException e) {
                    anomaly("resend of " + r.id() + " after restart failed: " + e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(2, TimeUnit.MINUTES);
        System.out.printf("round %d: resent %d report(s) of unknown fate after the restart: %s (200 = had been stored before the kill)%n",
                round, list.size(), new TreeMap<>(byStatus));
    }

    static HttpRequest post(Options o, Server server, Report report) {
        return HttpRequest.newBuilder(server.base.resolve("/api/v1/reports"))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", o.authorization())
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(report.body()))
                .build();
    }

    // ---------------------------------------------------------------------------------------------------------
    // verification

    record Check(int acknowledgedFound, int lost, int storedById, int listed, int listedDistinct, long total,
                 int doubled, int unexpected, int mismatch) {
        boolean ok() {
            return lost == 0 && doubled == 0 && unexpected == 0 && mismatch == 0 && total == listedDistinct;
        }

        @Override
        public String toString() {
            return String.format("acknowledged so far %d, found %d, lost %d; listed %d (distinct %d, total %d), doubled %d, unexpected %d, list/GET mismatches %d -> %s",
                    acknowledged.size(), acknowledgedFound, lost, listed, listedDistinct, total, doubled, unexpected, mismatch,
                    ok() ? "ok" : "FAIL");
        }
    }

    static Check verify(Options o, Server server) throws Exception {
        // 1. GET every id ever sent: acknowledged ones must be there; the others may or may not be.
        var storedById = ConcurrentHashMap.<UUID>newKeySet();
        var lostIds = ConcurrentHashMap.<UUID>newKeySet();
        var pool = Executors.newFixedThreadPool(o.clients);
        for (var id : new ArrayList<>(sent.keySet())) {
            pool.execute(() -> {
                try {
                    var response = get(o, server, "/api/v1/reports/" + id);
                    if (response.statusCode() == 200) {
                        storedById.add(id);
                        var item = Json.parse(response.body());
                        if (!(item instanceof Map<?, ?> m) || !id.toString().equals(String.valueOf(m.get("id"))))
                            anomaly("GET /api/v1/reports/" + id + " answered another body: " + abbreviate(response.body(), 200));
                    } else if (response.statusCode() == 404) {
                        if (acknowledged.contains(id)) lostIds.add(id);
                    } else {
                        anomaly("GET /api/v1/reports/" + id + " answered " + response.statusCode() + ": " + abbreviate(response.body(), 200));
                        if (acknowledged.contains(id)) lostIds.add(id);
                    }
                } catch (Exception e) {
                    anomaly("GET /api/v1/reports/" + id + " failed: " + e);
                    if (acknowledged.contains(id)) lostIds.add(id);
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(3, TimeUnit.MINUTES);
        for (var id : lostIds) anomaly("LOST: " + id + " was acknowledged but is not there after the restart");

        // 2. Page through the list: every stored id exactly once, nothing we did not send.
        var counts = new HashMap<String, Integer>();
        var listed = 0;
        long total = -1;
        for (int page = 0; ; page++) {
            var response = get(o, server, "/api/v1/reports?size=500&page=" + page);
            if (response.statusCode() != 200)
                throw new IllegalStateException("GET /api/v1/reports?size=500&page=" + page + " answered " + response.statusCode() + ": " + abbreviate(response.body(), 300));
            var json = (Map<?, ?>) Json.parse(response.body());
            var items = (List<?>) json.get("items");
            if (json.get("total") instanceof Number n) {
                if (total >= 0 && n.longValue() != total) anomaly("list total changed while paging: " + total + " -> " + n);
                total = n.longValue();
            }
            for (var item : items) {
                var id = String.valueOf(((Map<?, ?>) item).get("id"));
                counts.merge(id, 1, Integer::sum);
                listed++;
            }
            if (items.isEmpty() || (total >= 0 && (long) (page + 1) * 500 >= total)) break;
            if (page > 10_000) throw new IllegalStateException("more than 10,000 pages");
        }
        var doubled = 0;
        var unexpected = 0;
        var sentIds = new HashSet<String>();
        sent.keySet().forEach(id -> sentIds.add(id.toString()));
        for (var e : counts.entrySet()) {
            if (e.getValue() > 1) {
                doubled += e.getValue() - 1;
                anomaly("DOUBLED: " + e.getKey() + " listed " + e.getValue() + " times");
            }
            if (!sentIds.contains(e.getKey())) {
                unexpected++;
                anomaly("unexpected id in the list: " + e.getKey());
            }
        }
        var mismatch = 0;
        var stored = new HashSet<String>();
        storedById.forEach(id -> stored.add(id.toString()));
        for (var id : stored) if (!counts.containsKey(id)) { mismatch++; anomaly("stored (GET 200) but not listed: " + id); }
        for (var id : counts.keySet()) if (sentIds.contains(id) && !stored.contains(id)) { mismatch++; anomaly("listed but GET by id did not find it: " + id); }
        if (doubled > 0) recheckDoubles(o, server, counts);
        var acknowledgedFound = (int) acknowledged.stream().filter(storedById::contains).count();
        return new Check(acknowledgedFound, lostIds.size(), storedById.size(), listed, counts.size(), total, doubled, unexpected, mismatch);
    }

    /** A doubled id in a paged list may be an unstable sort order rather than two rows: page again with another size. */
    static void recheckDoubles(Options o, Server server, Map<String, Integer> first) throws Exception {
        var counts = new HashMap<String, Integer>();
        for (int page = 0; page < 100_000; page++) {
            var response = get(o, server, "/api/v1/reports?size=137&page=" + page);
            var items = (List<?>) ((Map<?, ?>) Json.parse(response.body())).get("items");
            if (items == null || items.isEmpty()) break;
            for (var item : items) counts.merge(String.valueOf(((Map<?, ?>) item).get("id")), 1, Integer::sum);
        }
        var again = counts.values().stream().filter(n -> n > 1).count();
        anomaly("re-check of doubles with page size 137: " + again + " id(s) listed more than once, "
                + counts.size() + " distinct (an unstable list order would show different doubles each time)");
    }

    static HttpResponse<String> get(Options o, Server server, String path) throws IOException, InterruptedException {
        requests.incrementAndGet();
        return server.http.send(HttpRequest.newBuilder(server.base.resolve(path))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", o.authorization())
                .header("Accept", "application/json")
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    // ---------------------------------------------------------------------------------------------------------
    // server process

    static final class Server {
        static final Set<Process> all = ConcurrentHashMap.newKeySet();

        final Process process;
        final URI base;
        final HttpClient http;
        final Path log;

        Server(Process process, int port, Path log) {
            this.process = process;
            this.base = URI.create("http://127.0.0.1:" + port);
            this.log = log;
            this.http = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5))
                    .executor(Executors.newVirtualThreadPerTaskExecutor())
                    .build();
        }

        long pid() {
            return process.pid();
        }

        static Server start(Options o, Path dataDir, Path log, Instant deadline) throws Exception {
            var port = freePort();
            var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            var cmd = new ArrayList<String>();
            cmd.add(java);
            cmd.addAll(o.serverOpts);
            cmd.addAll(List.of("-jar", o.jar.toAbsolutePath().toString(),
                    "--spring.profiles.active=demo",
                    "--ccm.demo.data=false",
                    "--ccm.data-dir=" + dataDir.toAbsolutePath(),
                    "--ccm.catalogue=" + o.projectDir.toAbsolutePath().normalize().resolve("config/agreements"),
                    "--server.address=127.0.0.1",
                    "--server.port=" + port));
            var process = new ProcessBuilder(cmd)
                    .directory(o.projectDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            all.add(process);
            var server = new Server(process, port, log);
            server.awaitHealthy(deadline);
            return server;
        }

        void awaitHealthy(Instant deadline) throws Exception {
            var limit = Instant.now().plusSeconds(120);
            if (limit.isAfter(deadline)) limit = deadline;
            while (Instant.now().isBefore(limit)) {
                if (!process.isAlive())
                    throw new IllegalStateException("the server exited with code " + process.exitValue() + " during start; see " + log);
                try {
                    var r = http.send(HttpRequest.newBuilder(base.resolve("/actuator/health")).timeout(Duration.ofSeconds(5)).GET().build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() == 200 && r.body().contains("\"UP\"")) return;
                } catch (IOException ignored) {
                }
                Thread.sleep(250);
            }
            kill(false);
            throw new IllegalStateException("the server did not report UP within 120 s; see " + log);
        }

        void kill(boolean useCommand) throws Exception {
            if (useCommand) {
                var p = new ProcessBuilder("kill", "-9", String.valueOf(process.toHandle().pid())).inheritIO().start();
                p.waitFor(10, TimeUnit.SECONDS);
            } else {
                process.destroyForcibly(); // SIGKILL on Linux
            }
            if (!process.waitFor(30, TimeUnit.SECONDS)) throw new IllegalStateException("pid " + pid() + " survived SIGKILL");
            all.remove(process);
        }

        /** A polite stop (SIGTERM) at the end of the test; SIGKILL if it takes too long. */
        void stop() throws Exception {
            if (!process.isAlive()) return;
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            all.remove(process);
        }

        static void killAll() {
            for (var p : all) p.destroyForcibly();
        }

        static int freePort() throws IOException {
            try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                return socket.getLocalPort();
            }
        }
    }

    static void scanLogs(List<Path> logs) {
        System.out.println("server logs:");
        for (var log : logs) {
            try {
                if (!Files.exists(log)) continue;
                var lines = Files.readAllLines(log, StandardCharsets.UTF_8);
                var errors = lines.stream().filter(l -> l.contains(" ERROR ") || l.contains("Exception")).toList();
                var warns = lines.stream().filter(l -> l.contains(" WARN ")).count();
                System.out.printf("  %s: %d lines, %d ERROR/Exception, %d WARN%n", log, lines.size(), errors.size(), warns);
                errors.stream().limit(5).forEach(l -> System.out.println("    " + abbreviate(l, 240)));
            } catch (IOException e) {
                System.out.println("  " + log + ": unreadable (" + e + ")");
            }
        }
    }

    static void deleteTree(Path dir) {
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
        }
    }

    static String abbreviate(String s, int max) {
        if (s == null) return "";
        s = s.replace('\n', ' ');
        return s.length() <= max ? s : s.substring(0, max) + "...";
    }

    // ---------------------------------------------------------------------------------------------------------
    // report bodies: valid, of varied areas, observed 2020-2023 with an offset

    static final class Reports {
        static final String[] OFFSETS = {"+04:00", "+04:00", "+03:00", "Z", "+02:00"};
        static final String[][] DISTRICTS = {{"Aghdam", "2"}, {"Kalbajar", "6a"}, {"Lachin", "6b"}};
        static final String[] PARTIES = {"AZ", "AM", "RU", "NK"};
        static final String[] KINDS = {"OWN_OBSERVATION", "OFFICIAL", "UN", "NGO", "MEDIA", "OTHER"};
        static final long FROM = LocalDateTime.of(2020, 11, 10, 0, 0).toEpochSecond(ZoneOffset.UTC);
        static final long TO = LocalDateTime.of(2023, 9, 30, 0, 0).toEpochSecond(ZoneOffset.UTC);

        static Report random(SplittableRandom r) {
            var id = new UUID(r.nextLong() & 0xffffffffffff0fffL | 0x0000000000004000L, r.nextLong() & 0x3fffffffffffffffL | 0x8000000000000000L);
            var offset = ZoneOffset.of(OFFSETS[r.nextInt(OFFSETS.length)]);
            var observed = LocalDateTime.ofEpochSecond(r.nextLong(FROM, TO), 0, offset).atOffset(offset);
            var area = r.nextInt(5);
            String areaName, obligations, details, place, district;
            double lat = 39.5 + r.nextDouble() * 1.0, lon = 46.0 + r.nextDouble() * 1.2;
            switch (area) {
                case 0 -> {
                    var d = DISTRICTS[r.nextInt(DISTRICTS.length)];
                    areaName = "WITHDRAWAL";
                    obligations = "[\"" + d[1] + "\"]";
                    place = d[0];
                    district = d[0];
                    details = "{\"district\":\"" + d[0] + "\",\"stage\":\"" + (r.nextBoolean() ? "STARTED" : "COMPLETED") + "\"}";
                }
                case 1 -> {
                    areaName = "PRISONER_EXCHANGE";
                    obligations = "[\"8\"]";
                    place = "Goris";
                    district = "Lachin";
                    var az = r.nextBoolean();
                    details = "{\"releasedBy\":\"" + (az ? "AZ" : "AM") + "\",\"receivedBy\":\"" + (az ? "AM" : "AZ")
                            + "\",\"prisonersOfWar\":" + r.nextInt(0, 60) + ",\"civilians\":" + r.nextInt(0, 10)
                            + ",\"bodies\":" + r.nextInt(0, 5) + ",\"mediator\":\"RU\"}";
                }
                case 2 -> {
                    areaName = "REFUGEE_RETURN";
                    obligations = "[\"7\"]";
                    place = "Stepanakert";
                    district = "Khankendi";
                    details = "{\"direction\":\"" + (r.nextInt(4) == 0 ? "DEPARTURE" : "RETURN") + "\",\"persons\":" + r.nextInt(1, 2000)
                            + ",\"basis\":\"EVENT\"}";
                }
                case 3 -> {
                    areaName = "CORRIDOR_TRAFFIC";
                    obligations = "[\"6e\"]";
                    place = "Lachin corridor";
                    district = "Lachin";
                    var states = new String[] {"OPEN", "RESTRICTED", "CLOSED"};
                    var dirs = new String[] {"TO_KARABAKH", "TO_ARMENIA", "BOTH"};
                    details = "{\"corridor\":\"LACHIN\",\"state\":\"" + states[r.nextInt(3)] + "\",\"direction\":\"" + dirs[r.nextInt(3)]
                            + "\",\"vehicles\":" + r.nextInt(0, 500) + ",\"persons\":" + r.nextInt(0, 3000)
                            + ",\"cargoTonnes\":" + (r.nextInt(0, 2000) / 10.0) + ",\"basis\":\"EVENT\"}";
                }
                default -> {
                    areaName = "CEASEFIRE";
                    obligations = "[\"1\"]";
                    place = "Shusha";
                    district = "Shusha";
                    var by = r.nextBoolean();
                    details = "{\"allegedBy\":\"" + (by ? "AM" : "AZ") + "\",\"allegedAgainst\":\"" + (by ? "AZ" : "AM")
                            + "\",\"killed\":" + r.nextInt(0, 3) + ",\"wounded\":" + r.nextInt(0, 5) + "}";
                }
            }
            var kind = KINDS[r.nextInt(KINDS.length)];
            var party = kind.equals("MEDIA") || kind.equals("NGO") || kind.equals("UN") ? "" : ",\"party\":\"" + PARTIES[r.nextInt(PARTIES.length)] + "\"";
            var body = "{\"id\":\"" + id + "\",\"agreement\":\"nk-2020-11-10\",\"obligations\":" + obligations
                    + ",\"area\":\"" + areaName + "\",\"observedAt\":\"" + observed.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                    + "\",\"location\":{\"name\":\"" + place + "\",\"district\":\"" + district + "\",\"lat\":"
                    + String.format(Locale.ROOT, "%.4f", lat) + ",\"lon\":" + String.format(Locale.ROOT, "%.4f", lon) + "}"
                    + ",\"summary\":\"Crash-test report " + r.nextInt(1_000_000) + " (" + areaName.toLowerCase(Locale.ROOT) + ") near " + place + ".\""
                    + ",\"source\":{\"name\":\"Source " + (char) ('A' + r.nextInt(12)) + "\",\"kind\":\"" + kind + "\"" + party
                    + ",\"reliability\":\"" + (char) ('A' + r.nextInt(6)) + "\",\"credibility\":" + r.nextInt(1, 7)
                    + ",\"url\":\"https://example.org/item/" + r.nextInt(100_000) + "\"}"
                    + ",\"details\":" + details + "}";
            return new Report(id, body);
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // a minimal JSON reader: Map, List, String, Double/Long, Boolean, null

    static final class Json {
        private final String s;
        private int i;

        private Json(String s) {
            this.s = s;
        }

        static Object parse(String text) {
            var j = new Json(text);
            j.ws();
            var v = j.value();
            j.ws();
            if (j.i != j.s.length()) throw new IllegalArgumentException("trailing characters at " + j.i);
            return v;
        }

        private void ws() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) i++;
        }

        private Object value() {
            ws();
            if (i >= s.length()) throw new IllegalArgumentException("unexpected end of JSON");
            var c = s.charAt(i);
            return switch (c) {
                case '{' -> object();
                case '[' -> array();
                case '"' -> string();
                case 't' -> literal("true", Boolean.TRUE);
                case 'f' -> literal("false", Boolean.FALSE);
                case 'n' -> literal("null", null);
                default -> number();
            };
        }

        private Object literal(String word, Object v) {
            if (!s.startsWith(word, i)) throw new IllegalArgumentException("bad literal at " + i);
            i += word.length();
            return v;
        }

        private Map<String, Object> object() {
            var m = new LinkedHashMap<String, Object>();
            i++;
            ws();
            if (s.charAt(i) == '}') { i++; return m; }
            while (true) {
                ws();
                var k = string();
                ws();
                if (s.charAt(i++) != ':') throw new IllegalArgumentException("':' expected at " + (i - 1));
                m.put(k, value());
                ws();
                var c = s.charAt(i++);
                if (c == '}') return m;
                if (c != ',') throw new IllegalArgumentException("',' or '}' expected at " + (i - 1));
            }
        }

        private List<Object> array() {
            var l = new ArrayList<Object>();
            i++;
            ws();
            if (s.charAt(i) == ']') { i++; return l; }
            while (true) {
                l.add(value());
                ws();
                var c = s.charAt(i++);
                if (c == ']') return l;
                if (c != ',') throw new IllegalArgumentException("',' or ']' expected at " + (i - 1));
            }
        }

        private String string() {
            if (s.charAt(i) != '"') throw new IllegalArgumentException("string expected at " + i);
            i++;
            var b = new StringBuilder();
            while (true) {
                var c = s.charAt(i++);
                if (c == '"') return b.toString();
                if (c == '\\') {
                    var e = s.charAt(i++);
                    switch (e) {
                        case 'n' -> b.append('\n');
                        case 't' -> b.append('\t');
                        case 'r' -> b.append('\r');
                        case 'b' -> b.append('\b');
                        case 'f' -> b.append('\f');
                        case 'u' -> { b.append((char) Integer.parseInt(s.substring(i, i + 4), 16)); i += 4; }
                        default -> b.append(e);
                    }
                } else {
                    b.append(c);
                }
            }
        }

        private Number number() {
            var start = i;
            while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) i++;
            var t = s.substring(start, i);
            if (t.isEmpty()) throw new IllegalArgumentException("value expected at " + start);
            if (t.contains(".") || t.contains("e") || t.contains("E")) return Double.parseDouble(t);
            return Long.parseLong(t);
        }
    }
}
