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
 * mid-stream, restarts it on the same data, and checks after every restart:
 * <ul>
 *   <li>the paged list {@code GET /api/v1/reports?size=500&page=...}, read to the end, holds every id that was ever
 *       acknowledged (201 or 200; else "lost"), each id exactly once (else "doubled"), no id the test never sent, and
 *       its {@code total} equals the number of distinct ids listed;</li>
 *   <li>every id sent in the round just ended answers {@code GET /api/v1/reports/{id}} with 200 if it was acknowledged
 *       (else "lost"), and list and GET agree. Ids of earlier rounds were fetched in their round and stay covered by
 *       the list. Above {@code --get-max} ids a round, a random sample is fetched (always with the resent ones).</li>
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
 *   --batch N           post batches of N reports to /api/v1/reports/batch instead of single reports (default 0: single)
 *   --get-max N         GET by id at most N ids per round (default: 2000 single, 300 batch); the list covers all ids
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
        int batch = 0;
        int getMax = 0;

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
                    case "--batch" -> o.batch = Integer.parseInt(args[++i]);
                    case "--get-max" -> o.getMax = Integer.parseInt(args[++i]);
                    case "--print-samples" -> {
                        var r = new SplittableRandom();
                        for (int n = Integer.parseInt(args[++i]); n > 0; n--) System.out.println(Bench.Reports.random(r, "Crash-test").body());
                        System.exit(0);
                    }
                    case "-h", "--help" -> {
                        System.out.println("usage: java src/bench/java/CrashTest.java [--jar PATH] [--rounds N] [--seconds S]"
                                + " [--clients N] [--kill-cmd] [--no-resend] [--log-dir DIR] [--data-dir DIR]"
                                + " [--project-dir DIR] [--user U --password P | --token T] [--server-opts \"...\"] [--keep-data]"
                                + " [--batch N] [--get-max N]");
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

    /**
     * One request as the client holds it: the ids it carries and the exact body, resent byte for byte. A single
     * report ({@code POST /api/v1/reports}) or, with {@code --batch N}, a batch ({@code POST /api/v1/reports/batch}).
     */
    record Submission(List<UUID> ids, String body, boolean batch) {}

    /** One generated report: its id and its JSON. */

    static final Set<UUID> sent = ConcurrentHashMap.newKeySet();
    static final Set<UUID> roundIds = ConcurrentHashMap.newKeySet();
    static final Set<UUID> acknowledged = ConcurrentHashMap.newKeySet();
    static final Set<UUID> refused = ConcurrentHashMap.newKeySet();
    static final Set<Submission> unknown = ConcurrentHashMap.newKeySet();
    static final Map<String, AtomicInteger> statusCounts = new ConcurrentHashMap<>();
    static final ConcurrentLinkedQueue<String> anomalies = new ConcurrentLinkedQueue<>();
    static final AtomicInteger retries = new AtomicInteger();
    static final AtomicInteger retrySucceeded = new AtomicInteger();
    static final AtomicInteger resendConflicts = new AtomicInteger();
    static final AtomicInteger firstAnswered200 = new AtomicInteger();
    static final AtomicInteger fetchedTotal = new AtomicInteger();
    static final AtomicInteger fetchLostTotal = new AtomicInteger();
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
        System.out.printf("Crash test: %d round(s), %d clients posting %s, %.1f s of load before each kill (%s), jar %s, data %s%n",
                o.rounds, o.clients, o.batch > 0 ? "batches of " + o.batch + " to /api/v1/reports/batch" : "single reports to /api/v1/reports",
                o.seconds, o.killCmd ? "kill -9 PID" : "Process.destroyForcibly()", o.jar, dataDir);

        var logs = new ArrayList<Path>();
        Server server = null;
        var failed = false;
        var roundLines = new ArrayList<String>();
        Check last = null;
        try {
            var log0 = o.logDir.resolve("crash-" + stamp + "-start0.log");
            logs.add(log0);
            server = Server.start(o, dataDir, log0, deadline);
            for (int round = 1; round <= o.rounds; round++) {
                roundIds.clear();
                var before = acknowledged.size();
                var sentBefore = sent.size();
                var unknownBefore = unknown.stream().mapToInt(u -> u.ids().size()).sum();
                var loaded = load(o, server);
                var killedAt = System.nanoTime();
                server.kill(o.killCmd);
                loaded.stop.set(true);
                loaded.pool.shutdown();
                if (!loaded.pool.awaitTermination(60, TimeUnit.SECONDS)) {
                    anomaly("round " + round + ": clients still busy 60 s after the kill");
                    loaded.pool.shutdownNow();
                }
                System.out.printf("round %d: killed pid %d after %.1f s; %d sent, %d acknowledged, %d of unknown fate this round%n",
                        round, server.pid(), (killedAt - loaded.startedNanos) / 1e9, sent.size() - sentBefore,
                        acknowledged.size() - before, unknown.stream().mapToInt(u -> u.ids().size()).sum() - unknownBefore);

                var log = o.logDir.resolve("crash-" + stamp + "-restart" + round + ".log");
                logs.add(log);
                var t0 = System.nanoTime();
                server = Server.start(o, dataDir, log, deadline);
                System.out.printf("round %d: restarted on the same data in %.1f s%n", round, (System.nanoTime() - t0) / 1e9);
                var resentIds = new HashSet<UUID>();
                if (o.resend && !unknown.isEmpty()) resentIds.addAll(resendUnknown(o, server, round));
                last = verify(o, server, resentIds);
                var line = String.format("round %d: %s", round, last);
                System.out.println(line);
                roundLines.add(line);
                failed |= !last.ok();
            }
            server.stop();
            server = null;

            System.out.println();
            System.out.println("=== crash test summary ===");
            roundLines.forEach(System.out::println);
            System.out.printf("requests made:            %d (retries after a connection error: %d, of which answered: %d)%n",
                    requests.get(), retries.get(), retrySucceeded.get());
            System.out.printf("answers by status:        %s%n", new TreeMap<>(statusCounts));
            System.out.printf("sent (distinct ids):      %d%n", sent.size());
            System.out.printf("acknowledged (201/200):   %d%n", acknowledged.size());
            System.out.printf("refused (4xx/5xx):        %d%n", refused.size());
            System.out.printf("still of unknown fate:    %d%n", unknown.stream().mapToInt(u -> u.ids().size()).sum());
            System.out.printf("found after restart:      %d of %d acknowledged in the final list%n", last.acknowledgedListed, acknowledged.size());
            System.out.printf("fetched by id:            %d over all rounds (each after the restart that followed its round), acknowledged but not found: %d%n",
                    fetchedTotal.get(), fetchLostTotal.get());
            System.out.printf("listed: %d items, %d distinct ids, total=%d%n", last.listed, last.listedDistinct, last.total);
            System.out.printf("LOST:                     %d%n", Math.max(last.listLost, fetchLostTotal.get()));
            System.out.printf("DOUBLED:                  %d%n", last.doubled);
            System.out.printf("unexpected ids in list:   %d%n", last.unexpected);
            System.out.printf("list/GET mismatches:      %d%n", last.mismatch);
            System.out.printf("resends answered 409:     %d%n", resendConflicts.get());
            System.out.printf("first sends answered 200: %d (should be 0: a fresh id is a 201)%n", firstAnswered200.get());
            failed |= resendConflicts.get() > 0;
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
            if (!o.keepData && o.dataDir == null) Bench.deleteTree(dataDir);
            watchdog.interrupt();
        }
        System.exit(failed ? 1 : 0);
    }

    // ---------------------------------------------------------------------------------------------------------
    // load

    record Load(ExecutorService pool, AtomicBoolean stop, long startedNanos) {}

    static Load load(Options o, Server server) throws InterruptedException {
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
            var submission = next(o, random);
            sent.addAll(submission.ids());
            roundIds.addAll(submission.ids());
            if (submit(o, server, submission) == Fate.UNKNOWN) {
                unknown.add(submission);
                return; // the server is gone (or going): the round is ending
            }
        }
    }

    static Submission next(Options o, SplittableRandom random) {
        if (o.batch <= 0) {
            var r = Bench.Reports.random(random, "Crash-test");
            return new Submission(List.of(r.id()), r.body(), false);
        }
        var ids = new ArrayList<UUID>(o.batch);
        var body = new StringBuilder("[");
        for (int i = 0; i < o.batch; i++) {
            var r = Bench.Reports.random(random, "Crash-test");
            ids.add(r.id());
            if (i > 0) body.append(',');
            body.append(r.body());
        }
        return new Submission(List.copyOf(ids), body.append(']').toString(), true);
    }

    enum Fate { ANSWERED, UNKNOWN }

    /** POST once; on a connection error, retry once with the same ids and body. */
    static Fate submit(Options o, Server server, Submission submission) {
        for (int attempt = 0; attempt < 2; attempt++) {
            if (attempt > 0) retries.incrementAndGet();
            try {
                requests.incrementAndGet();
                var response = server.http.send(post(o, server, submission), HttpResponse.BodyHandlers.ofString());
                if (attempt > 0) retrySucceeded.incrementAndGet();
                record(submission, response, attempt > 0 ? "retry" : "first");
                return Fate.ANSWERED;
            } catch (IOException e) {
                count("connection error");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Fate.UNKNOWN;
            }
        }
        return Fate.UNKNOWN;
    }

    /** Books an answer: which ids are acknowledged (201/200), which refused. */
    static void record(Submission submission, HttpResponse<String> response, String what) {
        unknown.remove(submission);
        var status = response.statusCode();
        if (!submission.batch()) {
            count(String.valueOf(status));
            answer(submission.ids().getFirst(), status, what, response.body());
            return;
        }
        count("batch call " + status);
        if (status != 200) {
            submission.ids().forEach(refused::add);
            anomaly(what + " batch call answered " + status + ": " + Bench.abbreviate(response.body(), 300));
            return;
        }
        var answered = new HashSet<UUID>();
        try {
            for (var item : (List<?>) Bench.Json.parse(response.body())) {
                var m = (Map<?, ?>) item;
                var id = UUID.fromString(String.valueOf(m.get("id")));
                var itemStatus = ((Number) m.get("status")).intValue();
                count("item " + itemStatus);
                answered.add(id);
                answer(id, itemStatus, what, String.valueOf(m.get("problem")));
            }
        } catch (RuntimeException e) {
            anomaly(what + " batch answer unreadable: " + e + ": " + Bench.abbreviate(response.body(), 200));
        }
        for (var id : submission.ids()) {
            if (!answered.contains(id)) {
                refused.add(id);
                anomaly("batch answer has no item for " + id);
            }
        }
    }

    static void answer(UUID id, int status, String what, String body) {
        if (status == 201 || status == 200) {
            acknowledged.add(id);
            refused.remove(id);
            if (status == 200 && what.equals("first")) {
                firstAnswered200.incrementAndGet();
                anomaly("first send of " + id + " answered 200 (expected 201)");
            }
            return;
        }
        refused.add(id);
        if (status == 409 && !what.equals("first")) resendConflicts.incrementAndGet();
        anomaly(what + " send of " + id + " answered " + status + ": " + Bench.abbreviate(body, 300));
    }

    /** After a restart: send the requests of unknown fate again, unchanged. Returns the ids they carried. */
    static List<UUID> resendUnknown(Options o, Server server, int round) throws InterruptedException {
        var list = new ArrayList<>(unknown);
        var ids = new ArrayList<UUID>();
        list.forEach(s -> ids.addAll(s.ids()));
        var acknowledgedBefore = acknowledged.size();
        var itemsBefore = new TreeMap<String, Integer>();
        statusCounts.forEach((k, v) -> itemsBefore.put(k, v.get()));
        var pool = Executors.newFixedThreadPool(Math.min(o.clients, Math.max(1, list.size())));
        for (var submission : list) {
            pool.execute(() -> {
                try {
                    requests.incrementAndGet();
                    var response = server.http.send(post(o, server, submission), HttpResponse.BodyHandlers.ofString());
                    record(submission, response, "resend");
                } catch (IOException e) {
                    anomaly("resend after the restart failed: " + e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(2, TimeUnit.MINUTES);
        var delta = new TreeMap<String, Integer>();
        statusCounts.forEach((k, v) -> {
            var d = v.get() - itemsBefore.getOrDefault(k, 0);
            if (d > 0) delta.put(k, d);
        });
        System.out.printf("round %d: resent %d request(s) of unknown fate (%d report(s)) after the restart: %s"
                        + " (200 = it had been stored before the kill, its answer lost)%n",
                round, list.size(), ids.size(), delta);
        if (acknowledged.size() - acknowledgedBefore < 0) anomaly("acknowledged count went down");
        return ids;
    }

    static HttpRequest post(Options o, Server server, Submission submission) {
        return HttpRequest.newBuilder(server.base.resolve(submission.batch() ? "/api/v1/reports/batch" : "/api/v1/reports"))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", o.authorization())
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(submission.body()))
                .build();
    }

    // ---------------------------------------------------------------------------------------------------------
    // verification

    record Check(int acknowledgedListed, int listLost, int fetched, int fetchLost, int listed, int listedDistinct, long total,
                 int doubled, int unexpected, int mismatch) {
        int lost() {
            return Math.max(listLost, fetchLost);
        }

        boolean ok() {
            return listLost == 0 && fetchLost == 0 && doubled == 0 && unexpected == 0 && mismatch == 0 && total == listedDistinct;
        }

        @Override
        public String toString() {
            return String.format("acknowledged so far %d, listed %d (distinct %d, total %d): acknowledged and listed %d,"
                            + " lost %d; fetched by id %d, not found %d; doubled %d, unexpected %d, list/GET mismatches %d -> %s",
                    acknowledged.size(), listed, listedDistinct, total, acknowledgedListed, listLost, fetched, fetchLost,
                    doubled, unexpected, mismatch, ok() ? "ok" : "FAIL");
        }
    }

    /**
     * The list (every stored report, read to the end) against everything sent so far; then {@code GET /{id}} for the
     * ids sent this round (all of them, or a sample of {@code --get-max} that always includes the resent ones).
     */
    static Check verify(Options o, Server server, Set<UUID> resentIds) throws Exception {
        // 1. Page through the list: every acknowledged id present, each id exactly once, nothing we did not send.
        var counts = new HashMap<String, Integer>();
        var listed = 0;
        long total = -1;
        for (int page = 0; ; page++) {
            var response = get(o, server, "/api/v1/reports?size=500&page=" + page);
            if (response.statusCode() != 200)
                throw new IllegalStateException("GET /api/v1/reports?size=500&page=" + page + " answered " + response.statusCode() + ": " + Bench.abbreviate(response.body(), 300));
            var json = (Map<?, ?>) Bench.Json.parse(response.body());
            var items = (List<?>) json.get("items");
            if (json.get("total") instanceof Number n) {
                if (total >= 0 && n.longValue() != total) anomaly("list total changed while paging: " + total + " -> " + n);
                total = n.longValue();
            }
            for (var item : items) {
                counts.merge(String.valueOf(((Map<?, ?>) item).get("id")), 1, Integer::sum);
                listed++;
            }
            if (items.isEmpty() || (total >= 0 && (long) (page + 1) * 500 >= total)) break;
            if (page > 10_000) throw new IllegalStateException("more than 10,000 pages");
        }
        var doubled = 0;
        var unexpected = 0;
        var sentIds = new HashSet<String>();
        sent.forEach(id -> sentIds.add(id.toString()));
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
        var acknowledgedListed = 0;
        var listLost = 0;
        for (var id : acknowledged) {
            if (counts.containsKey(id.toString())) acknowledgedListed++;
            else {
                listLost++;
                anomaly("LOST: " + id + " was acknowledged but is not in the list after the restart");
            }
        }
        if (doubled > 0) recheckDoubles(o, server);

        // 2. GET by id: this round's ids (or a sample), resent ones first.
        var toFetch = new ArrayList<UUID>(resentIds);
        var rest = new ArrayList<UUID>(roundIds);
        rest.removeAll(resentIds);
        java.util.Collections.shuffle(rest);
        toFetch.addAll(rest);
        var limit = o.getMax > 0 ? o.getMax : (o.batch > 0 ? 300 : 2000);
        if (toFetch.size() > limit) toFetch = new ArrayList<>(toFetch.subList(0, limit));
        var found = ConcurrentHashMap.<UUID>newKeySet();
        var missing = ConcurrentHashMap.<UUID>newKeySet();
        var pool = Executors.newFixedThreadPool(o.clients);
        for (var id : toFetch) {
            pool.execute(() -> {
                try {
                    var response = get(o, server, "/api/v1/reports/" + id);
                    if (response.statusCode() == 200) {
                        found.add(id);
                        if (!(Bench.Json.parse(response.body()) instanceof Map<?, ?> m) || !id.toString().equals(String.valueOf(m.get("id"))))
                            anomaly("GET /api/v1/reports/" + id + " answered another body: " + Bench.abbreviate(response.body(), 200));
                    } else {
                        missing.add(id);
                        if (response.statusCode() != 404)
                            anomaly("GET /api/v1/reports/" + id + " answered " + response.statusCode() + ": " + Bench.abbreviate(response.body(), 200));
                    }
                } catch (Exception e) {
                    missing.add(id);
                    anomaly("GET /api/v1/reports/" + id + " failed: " + e);
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(3, TimeUnit.MINUTES);
        var fetchLost = 0;
        var mismatch = 0;
        for (var id : missing) {
            if (acknowledged.contains(id)) {
                fetchLost++;
                anomaly("LOST: " + id + " was acknowledged but GET by id does not find it after the restart");
            }
            if (counts.containsKey(id.toString())) { mismatch++; anomaly("listed but GET by id did not find it: " + id); }
        }
        for (var id : found) {
            if (!counts.containsKey(id.toString())) { mismatch++; anomaly("found by id but not listed: " + id); }
        }
        fetchedTotal.addAndGet(toFetch.size());
        fetchLostTotal.addAndGet(fetchLost);
        return new Check(acknowledgedListed, listLost, toFetch.size(), fetchLost, listed, counts.size(), total, doubled, unexpected, mismatch);
    }

    /** A doubled id in a paged list may be an unstable sort order rather than two rows: page again with another size. */
    static void recheckDoubles(Options o, Server server) throws Exception {
        var counts = new HashMap<String, Integer>();
        for (int page = 0; page < 100_000; page++) {
            var response = get(o, server, "/api/v1/reports?size=137&page=" + page);
            var items = (List<?>) ((Map<?, ?>) Bench.Json.parse(response.body())).get("items");
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
                errors.stream().limit(5).forEach(l -> System.out.println("    " + Bench.abbreviate(l, 240)));
            } catch (IOException e) {
                System.out.println("  " + log + ": unreadable (" + e + ")");
            }
        }
    }

}
