import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Read benchmark of the six dashboards over HTTP on loopback, against a large generated data set.
 *
 * <ol>
 *   <li>Starts the application jar as a child process (or, with {@code --url}, uses a running one) with the demo
 *       profile, a data folder that is kept between runs ({@code target/dashboard-bench-data}) and
 *       {@code --ccm.demo.scale-reports=<n>}: the first start generates the reports (a million by default, about two
 *       minutes here) and rebuilds the dashboards' rollups; later starts find them there. It waits until
 *       {@code /actuator/health} says UP (the health stays OUT_OF_SERVICE while start-up runners such as the generator
 *       run), up to {@code --start-timeout} minutes, echoing the generator's progress.</li>
 *   <li>For each dashboard, sequentially: {@code --warmup} requests, then {@code --iterations} measured ones, of
 *       {@code GET /api/v1/dashboards/{name}?agreement=&from=&to=&asOf=&includeUnverified=} as {@code briefer} (HTTP
 *       Basic, one HttpClient so the server's cache of successful checks applies). Every request draws its parameters
 *       from a seeded Random, because H2 caches identical query results: a third without from/to, the others a range
 *       of 1 week to 6 years inside 2020-11-10..today; asOf absent half the time, else an instant inside the range with
 *       an offset (URL-encoded); includeUnverified true or false.</li>
 *   <li>Around each measured run it reads {@code /actuator/prometheus} (as {@code admin}) and prints the lines of the
 *       timer ({@code ccm_dashboard_seconds} tagged {@code dashboard="<name>"}) in ms. Prometheus output carries either
 *       client-side quantiles (a timer with percentiles only; they cover a decaying window of about two minutes,
 *       warm-up included) or histogram buckets (a timer that also publishes a histogram; then there are no quantile
 *       lines). With buckets, the server-side p50/p95/p99 of exactly the measured requests are interpolated from the
 *       difference of the buckets before and after, as Prometheus's histogram_quantile does; the server-side mean is
 *       the difference of sum over the difference of count.</li>
 * </ol>
 * Prints per dashboard the client-side p50/p95/p99/max, the server-side figures and the mean response size, then a
 * Markdown table for docs/benchmarks.md, and writes it all to {@code target/bench/dashboards-<timestamp>.txt}. Exit
 * code 1 if any request was answered other than 200 with JSON (the first such body is printed; an unmapped GET is
 * answered by the Vaadin servlet with its HTML page and status 200, which counts as a failure), 2 if the harness failed.
 *
 * <p>JDK only. Run from the project folder: {@code java src/bench/java/DashboardBenchmark.java [options]}
 * <pre>
 *   --jar PATH              application jar (default target/ceasefire-monitor-0.1.0-SNAPSHOT.jar)
 *   --url URL               use a running application instead of starting the jar (e.g. http://127.0.0.1:8080)
 *   --data-dir DIR          data folder of the started application, kept between runs (default target/dashboard-bench-data)
 *   --reports N             reports the data set holds (ccm.demo.scale-reports, default 1000000)
 *   --scale-seed S          seed of the generated reports (ccm.demo.scale-seed; default: the application's, 20201110)
 *   --dashboards LIST       comma-separated (default overview,withdrawals,prisoner-exchanges,refugee-returns,corridor-traffic,ceasefire)
 *   --warmup N              warm-up requests per dashboard (default 30)
 *   --iterations N          measured requests per dashboard (default 200)
 *   --clients N             concurrent clients sharing the HttpClient (default 1: sequential)
 *   --seed S                seed of the request parameters (default 1)
 *   --agreement CODE        default nk-2020-11-10
 *   --start-timeout MIN     minutes to wait for UP (default 15)
 *   --user U --password P   reader account (default briefer / ceasefire-demo)
 *   --admin-user U --admin-password P   account for /actuator/prometheus (default admin / ceasefire-demo)
 *   --path TEMPLATE         request path, {name} replaced (default /api/v1/dashboards/{name})
 *   --metric NAME           Prometheus metric (default ccm_dashboard_seconds)
 *   --metric-tag TEMPLATE   label that selects a dashboard's lines, {name} replaced (default dashboard="{name}")
 *   --buckets               print the histogram bucket lines too (by default only counted)
 *   --server-opts "..."     JVM options for the server, space separated (e.g. "-Xmx2g")
 *   --app-args "..."        extra application arguments, space separated (e.g. "--ccm.zone=+04:00")
 *   --log-dir DIR           server log folder (default target/bench/logs)
 *   --out-dir DIR           result folder (default target/bench)
 *   --project-dir DIR       folder holding config/agreements (default: the current folder)
 * </pre>
 */
public class DashboardBenchmark {

    static final List<String> DASHBOARDS = List.of("overview", "withdrawals", "prisoner-exchanges", "refugee-returns",
            "corridor-traffic", "ceasefire");
    static final ZoneOffset LOCAL = ZoneOffset.ofHours(4);
    static final LocalDate FIRST_DAY = LocalDate.of(2020, 11, 10);
    static final Instant START = OffsetDateTime.of(2020, 11, 10, 1, 0, 0, 0, LOCAL).toInstant();
    static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    static final class Options {
        Path jar = Path.of("target/ceasefire-monitor-0.1.0-SNAPSHOT.jar");
        URI url = null;
        Path dataDir = Path.of("target/dashboard-bench-data");
        long reports = 1_000_000;
        Long scaleSeed = null;
        List<String> dashboards = DASHBOARDS;
        int warmup = 30;
        int iterations = 200;
        int clients = 1;
        long seed = 1;
        String agreement = "nk-2020-11-10";
        int startTimeoutMinutes = 15;
        String user = "briefer";
        String password = "ceasefire-demo";
        String adminUser = "admin";
        String adminPassword = "ceasefire-demo";
        String path = "/api/v1/dashboards/{name}";
        String metric = "ccm_dashboard_seconds";
        String metricTag = "dashboard=\"{name}\"";
        boolean buckets = false;
        List<String> serverOpts = List.of();
        List<String> appArgs = List.of();
        Path logDir = Path.of("target/bench/logs");
        Path outDir = Path.of("target/bench");
        Path projectDir = Path.of(".");

        static Options parse(String[] args) {
            var o = new Options();
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--jar" -> o.jar = Path.of(args[++i]);
                    case "--url" -> o.url = URI.create(args[++i].replaceAll("/+$", ""));
                    case "--data-dir" -> o.dataDir = Path.of(args[++i]);
                    case "--reports" -> o.reports = Long.parseLong(args[++i].replace("_", "").replace(",", ""));
                    case "--scale-seed" -> o.scaleSeed = Long.parseLong(args[++i]);
                    case "--dashboards" -> o.dashboards = List.of(args[++i].split(","));
                    case "--warmup" -> o.warmup = Integer.parseInt(args[++i]);
                    case "--iterations" -> o.iterations = Integer.parseInt(args[++i]);
                    case "--clients" -> o.clients = Integer.parseInt(args[++i]);
                    case "--seed" -> o.seed = Long.parseLong(args[++i]);
                    case "--agreement" -> o.agreement = args[++i];
                    case "--start-timeout" -> o.startTimeoutMinutes = Integer.parseInt(args[++i]);
                    case "--user" -> o.user = args[++i];
                    case "--password" -> o.password = args[++i];
                    case "--admin-user" -> o.adminUser = args[++i];
                    case "--admin-password" -> o.adminPassword = args[++i];
                    case "--path" -> o.path = args[++i];
                    case "--metric" -> o.metric = args[++i];
                    case "--metric-tag" -> o.metricTag = args[++i];
                    case "--buckets" -> o.buckets = true;
                    case "--server-opts" -> o.serverOpts = split(args[++i]);
                    case "--app-args" -> o.appArgs = split(args[++i]);
                    case "--log-dir" -> o.logDir = Path.of(args[++i]);
                    case "--out-dir" -> o.outDir = Path.of(args[++i]);
                    case "--project-dir" -> o.projectDir = Path.of(args[++i]);
                    case "-h", "--help" -> {
                        System.out.println("usage: java src/bench/java/DashboardBenchmark.java [--jar PATH | --url URL] [--data-dir DIR]"
                                + " [--reports N] [--scale-seed S] [--dashboards a,b,...] [--warmup N] [--iterations N] [--clients N]"
                                + " [--seed S] [--agreement CODE] [--start-timeout MIN] [--user U --password P]"
                                + " [--admin-user U --admin-password P] [--path TEMPLATE] [--metric NAME] [--metric-tag TEMPLATE]"
                                + " [--buckets] [--server-opts \"...\"] [--app-args \"...\"] [--log-dir DIR] [--out-dir DIR]"
                                + " [--project-dir DIR]\n(see the comment at the top of the file)");
                        System.exit(0);
                    }
                    default -> throw new IllegalArgumentException("unknown option " + args[i] + " (--help lists them)");
                }
            }
            if (o.warmup < 0 || o.iterations < 1 || o.clients < 1 || o.reports < 0) {
                throw new IllegalArgumentException("--warmup >= 0, --iterations >= 1, --clients >= 1, --reports >= 0");
            }
            return o;
        }

        private static List<String> split(String s) {
            return s.isBlank() ? List.of() : List.of(s.trim().split("\\s+"));
        }

        static String basic(String user, String password) {
            return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        }
    }

    static final StringBuilder out = new StringBuilder();

    static void say(String format, Object... args) {
        var line = args.length == 0 ? format : String.format(Locale.ROOT, format, args);
        System.out.println(line);
        out.append(line).append('\n');
    }

    public static void main(String[] args) throws Exception {
        var o = Options.parse(args);
        var stamp = LocalDateTime.now().format(STAMP);
        Files.createDirectories(o.outDir);
        var limit = Duration.ofMinutes(o.startTimeoutMinutes + 5)
                .plusSeconds((long) o.dashboards.size() * (o.warmup + o.iterations) * 10L / Math.max(1, o.clients) + 300);
        Thread.ofPlatform().daemon().start(() -> {
            try {
                Thread.sleep(limit.toMillis());
                System.err.println("DASHBOARD BENCHMARK: time limit of " + limit + " reached, giving up");
                Bench.Server.killAll();
                Runtime.getRuntime().halt(3);
            } catch (InterruptedException ignored) {
            }
        });
        Runtime.getRuntime().addShutdownHook(new Thread(Bench.Server::killAll));

        var command = "java src/bench/java/DashboardBenchmark.java " + String.join(" ", Arrays.stream(args).map(DashboardBenchmark::quote).toList());
        say("Dashboard benchmark, %s", LocalDateTime.now().withNano(0));
        say("machine: %d CPU(s) visible to the JVM, %s %s, Java %s", Runtime.getRuntime().availableProcessors(),
                System.getProperty("os.name"), System.getProperty("os.arch"), System.getProperty("java.version"));
        say("command: %s", command.trim());
        say("load average at start: %s (the machine should be otherwise idle)", Bench.loadAverage());

        Bench.Server server = null;
        var exit = 0;
        var results = new ArrayList<Result>();
        try (var http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build()) {
            URI base;
            if (o.url != null) {
                base = o.url;
                say("application: %s (already running)", base);
            } else {
                var log = o.logDir.resolve("dashboards-" + stamp + ".log");
                var appArgs = new ArrayList<String>(List.of("--ccm.demo.scale-reports=" + o.reports));
                if (o.scaleSeed != null) {
                    appArgs.add("--ccm.demo.scale-seed=" + o.scaleSeed);
                }
                appArgs.addAll(o.appArgs);
                server = Bench.Server.start(o.jar, o.projectDir, o.dataDir, o.serverOpts, appArgs, log, o.startTimeoutMinutes, http,
                        Duration.ofSeconds(1), line -> say("%s", line));
                base = server.base;
                say("server command: %s", String.join(" ", server.command.stream().map(DashboardBenchmark::quote).toList()));
            }
            var total = reportTotal(o, http, base);
            say("reports in the data set: %s", total < 0 ? "unknown (GET /api/v1/reports did not answer 200)" : String.format(Locale.ROOT, "%,d", total));
            say("per dashboard: %d warm-up + %d measured requests, %d client(s), parameter seed %d", o.warmup, o.iterations,
                    o.clients, o.seed);
            say("");

            var random = new Random(o.seed);
            var today = LocalDate.now(LOCAL);
            for (var name : o.dashboards) {
                var warm = run(o, http, base, name, random, today, o.warmup);
                var before = Metrics.scrape(o, http, base, name);
                var r = run(o, http, base, name, random, today, o.iterations);
                var after = Metrics.scrape(o, http, base, name);
                r.warmupFailures = warm.failures;
                if (r.firstFailure == null) {
                    r.firstFailure = warm.firstFailure;
                }
                r.server = Metrics.compare(before, after, o);
                results.add(r);
                report(o, r, warm);
                if (r.failures + warm.failures > 0) {
                    exit = 1;
                }
            }
            say("");
            summary(o, results, total, command);
            say("load average at the end: %s", Bench.loadAverage());
            if (server != null) {
                server.stop();
                say("server log: %s", Bench.scanLog(server.log));
                server = null;
            }
        } catch (Exception e) {
            exit = 2;
            say("BENCHMARK ERROR: %s", e);
            e.printStackTrace();
        } finally {
            if (server != null) {
                server.stop();
            }
            Bench.Server.killAll();
        }
        var file = o.outDir.resolve("dashboards-" + stamp + ".txt");
        Files.writeString(file, out.toString());
        System.out.println("written: " + file);
        System.exit(exit);
    }

    // ---------------------------------------------------------------------------------------------------------
    // requests

    /** One dashboard's run: latencies, sizes, failures, and what the server's timer said. */
    static final class Result {
        final String name;
        long[] latencies = new long[0];
        long bytes;
        int ok;
        int failures;
        int warmupFailures;
        final Map<Integer, Integer> statuses = new TreeMap<>();
        String firstFailure;
        String example;
        double seconds;
        Metrics.Comparison server;

        Result(String name) {
            this.name = name;
        }

        double percentile(double q) {
            if (latencies.length == 0) return Double.NaN;
            var index = (int) Math.ceil(q * latencies.length) - 1;
            return latencies[Math.max(0, Math.min(latencies.length - 1, index))] / 1e6;
        }

        double meanBytes() {
            return ok == 0 ? Double.NaN : (double) bytes / ok;
        }
    }

    /** The query parameters of one request, drawn from the shared seeded Random. */
    static String query(Options o, Random random, LocalDate today) {
        var q = new StringBuilder("agreement=").append(encode(o.agreement));
        Instant lo = START;
        Instant hi = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        var span = today.toEpochDay() - FIRST_DAY.toEpochDay();
        if (random.nextInt(3) > 0 && span >= 7) {
            var days = 7 + (long) (random.nextDouble() * (Math.min(6L * 365 + 1, span) - 7));
            var from = FIRST_DAY.plusDays((long) (random.nextDouble() * (span - days + 1)));
            var to = from.plusDays(days - 1);
            q.append("&from=").append(from).append("&to=").append(to);
            lo = max(lo, from.atStartOfDay().toInstant(LOCAL));
            hi = min(hi, to.plusDays(1).atStartOfDay().toInstant(LOCAL).minusSeconds(1));
        }
        if (random.nextBoolean() && hi.isAfter(lo)) {
            var at = lo.plusSeconds((long) (random.nextDouble() * Duration.between(lo, hi).toSeconds()));
            q.append("&asOf=").append(encode(at.atOffset(LOCAL).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)));
        }
        q.append("&includeUnverified=").append(random.nextBoolean());
        return q.toString();
    }

    static Result run(Options o, HttpClient http, URI base, String name, Random random, LocalDate today, int count)
            throws InterruptedException {
        var queries = new ArrayList<String>(count);
        for (int i = 0; i < count; i++) {
            queries.add(query(o, random, today));
        }
        var path = o.path.replace("{name}", name);
        var auth = Options.basic(o.user, o.password);
        var r = new Result(name);
        var latencies = new long[count];
        var sizes = new long[count];
        var codes = new int[count];
        var bodies = new String[count];
        var next = new AtomicInteger();
        var t0 = System.nanoTime();
        var threads = new ArrayList<Thread>();
        for (int c = 0; c < o.clients; c++) {
            threads.add(Thread.ofPlatform().name(name + "-client-" + c).start(() -> {
                int i;
                while ((i = next.getAndIncrement()) < count) {
                    var request = HttpRequest.newBuilder(base.resolve(path + "?" + queries.get(i)))
                            .timeout(Duration.ofSeconds(120)).header("Authorization", auth).header("Accept", "application/json")
                            .GET().build();
                    var start = System.nanoTime();
                    try {
                        var response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                        latencies[i] = System.nanoTime() - start;
                        codes[i] = response.statusCode();
                        sizes[i] = response.body().length;
                        var type = response.headers().firstValue("Content-Type").orElse("");
                        var note = "";
                        if (codes[i] == 200 && !json(type, response.body())) {
                            // an unmapped GET is answered by the Vaadin servlet with its HTML page and 200
                            codes[i] = NOT_JSON;
                            note = " (status 200 but not JSON: " + (type.isEmpty() ? "no Content-Type" : type) + ")";
                        }
                        if (codes[i] != 200 || i == 0) {
                            bodies[i] = path + "?" + queries.get(i) + " -> HTTP " + response.statusCode() + note + ": "
                                    + Bench.abbreviate(new String(response.body(), StandardCharsets.UTF_8), 600);
                        }
                    } catch (IOException e) {
                        latencies[i] = System.nanoTime() - start;
                        codes[i] = -1;
                        bodies[i] = path + "?" + queries.get(i) + " -> " + e;
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }));
        }
        for (var t : threads) {
            t.join();
        }
        r.seconds = (System.nanoTime() - t0) / 1e9;
        var ok = new long[count];
        int n = 0;
        for (int i = 0; i < count; i++) {
            r.statuses.merge(codes[i], 1, Integer::sum);
            if (codes[i] == 200) {
                ok[n++] = latencies[i];
                r.bytes += sizes[i];
                r.ok++;
            } else {
                r.failures++;
                if (r.firstFailure == null) {
                    r.firstFailure = bodies[i];
                }
            }
        }
        r.example = count > 0 && bodies[0] != null ? bodies[0] : null;
        r.latencies = Arrays.copyOf(ok, n);
        Arrays.sort(r.latencies);
        return r;
    }

    static void report(Options o, Result r, Result warm) {
        say("== %s: %d measured requests in %.1f s (%.1f/s); statuses %s%s%s", r.name, r.latencies.length + r.failures, r.seconds,
                (r.latencies.length + r.failures) / r.seconds, r.statuses,
                warm.failures > 0 ? "; warm-up statuses " + warm.statuses : "",
                r.statuses.containsKey(NOT_JSON) || warm.statuses.containsKey(NOT_JSON) ? " (" + NOT_JSON + ": 200 but not JSON)" : "");
        if (r.ok > 0) {
            say("   client (answered 200): p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms; mean response %,.0f bytes",
                    r.percentile(0.5), r.percentile(0.95), r.percentile(0.99), r.percentile(1.0), r.meanBytes());
        }
        if (r.failures > 0 || r.warmupFailures > 0) {
            say("   NOT 200: %d measured, %d in warm-up; first: %s", r.failures, r.warmupFailures, r.firstFailure);
        }
        var s = r.server;
        if (s.after.isEmpty()) {
            say("   server: no %s lines with %s in /actuator/prometheus%s", o.metric, o.metricTag.replace("{name}", r.name),
                    s.problem == null ? "" : " (" + s.problem + ")");
        } else {
            say("   server, /actuator/prometheus after the run (seconds shown in ms):");
            var hidden = 0;
            for (var line : s.after) {
                if (line.bucket() && !o.buckets) {
                    hidden++;
                    continue;
                }
                say("     %s", line.display());
            }
            if (hidden > 0) {
                say("     (%d histogram bucket lines not shown; --buckets shows them)", hidden);
            }
            if (s.count > 0) {
                say("   server, the %d measured requests: mean %.1f ms%s", s.count, s.meanMs,
                        Double.isNaN(s.p50) ? "" : String.format(Locale.ROOT, ", from the buckets p50 %.1f ms, p95 %.1f ms, p99 %.1f ms"
                                + " (interpolated within buckets)", s.p50, s.p95, s.p99));
            }
        }
        if (r.example != null && r.failures == 0) {
            say("   e.g. %s", Bench.abbreviate(r.example, 240));
        }
    }

    static void summary(Options o, List<Result> results, long total, String command) {
        say("Summary (paste into docs/benchmarks.md):");
        say("");
        say("`%s`%s", command.trim(), total < 0 ? "" : String.format(Locale.ROOT, " against %,d reports", total));
        say("(%d warm-up + %d measured requests per dashboard, %d client(s); times in ms; server: the `%s` timer)", o.warmup,
                o.iterations, o.clients, o.metric);
        say("");
        say("| dashboard | requests | client p50 | p95 | p99 | max | server p50 | p95 | p99 | server mean | mean size (bytes) | not 200 |");
        say("|---|---|---|---|---|---|---|---|---|---|---|---|");
        for (var r : results) {
            var s = r.server;
            say("| %s | %d | %s | %s | %s | %s | %s | %s | %s | %s | %s | %d |", r.name, r.latencies.length + r.failures,
                    ms(r.percentile(0.5)), ms(r.percentile(0.95)), ms(r.percentile(0.99)), ms(r.percentile(1.0)),
                    ms(s.serverQuantile(0.5)), ms(s.serverQuantile(0.95)), ms(s.serverQuantile(0.99)), ms(s.meanMs),
                    Double.isNaN(r.meanBytes()) ? "–" : String.format(Locale.ROOT, "%,.0f", r.meanBytes()), r.failures + r.warmupFailures);
        }
        say("");
        say("Server p50/p95/p99: interpolated from the timer's histogram buckets over the measured requests when it has"
                + " buckets, else its published quantiles (a decaying window that includes the warm-up); server mean: difference"
                + " of _sum over difference of _count across the measured requests.");
    }

    static String ms(double v) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, v < 10 ? "%.2f" : v < 100 ? "%.1f" : "%,.0f", v);
    }

    static long reportTotal(Options o, HttpClient http, URI base) {
        try {
            var response = http.send(HttpRequest.newBuilder(base.resolve("/api/v1/reports?size=1&page=0"))
                    .timeout(Duration.ofSeconds(120)).header("Authorization", Options.basic(o.user, o.password))
                    .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) return -1;
            return ((Number) ((Map<?, ?>) Bench.Json.parse(response.body())).get("total")).longValue();
        } catch (IOException | RuntimeException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** An argument as a POSIX shell would need it, so that printed command lines can be run again. */
    static String quote(String s) {
        return s.matches("[A-Za-z0-9_./:=,+@%-]+") ? s : "'" + s.replace("'", "'\\''") + "'";
    }

    /** Stands for "answered 200, but with something other than JSON" in the status counts. */
    static final int NOT_JSON = 2000;

    static boolean json(String contentType, byte[] body) {
        if (!contentType.toLowerCase(Locale.ROOT).contains("json")) return false;
        for (var b : body) {
            if (!Character.isWhitespace(b)) return b == '{' || b == '[';
        }
        return false;
    }

    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    // ---------------------------------------------------------------------------------------------------------
    // the server's timer, from /actuator/prometheus

    static final class Metrics {
        static final Pattern LINE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)\\})?\\s+(\\S+)(\\s+\\S+)?$");
        static final Pattern LE = Pattern.compile("(^|,)le=\"([^\"]*)\"");
        static final Pattern QUANTILE = Pattern.compile("(^|,)quantile=\"([^\"]*)\"");

        /** One exposition line of the timer: the metric name, its labels, its value. */
        record Line(String name, String labels, double value, String metric) {
            boolean bucket() {
                return name.equals(metric + "_bucket");
            }

            boolean inSeconds() {
                return name.equals(metric) || name.equals(metric + "_sum") || name.equals(metric + "_max");
            }

            String label(Pattern p) {
                Matcher m = p.matcher(labels);
                return m.find() ? m.group(2) : null;
            }

            String display() {
                if (bucket()) {
                    var le = label(LE);
                    var leMs = le == null || le.equals("+Inf") ? le : ms(Double.parseDouble(le) * 1000);
                    return String.format(Locale.ROOT, "%s{%s} %.0f   (le %s ms)", name, labels, value, leMs);
                }
                if (inSeconds()) {
                    return String.format(Locale.ROOT, "%s{%s} %s ms", name, labels, ms(value * 1000));
                }
                return String.format(Locale.ROOT, "%s{%s} %s", name, labels, value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value));
            }
        }

        record Snapshot(List<Line> lines, String problem) {}

        /** What the timer said after a run, and what changed during it. */
        static final class Comparison {
            List<Line> after = List.of();
            String problem;
            long count;
            double meanMs = Double.NaN;
            double p50 = Double.NaN;
            double p95 = Double.NaN;
            double p99 = Double.NaN;
            final Map<Double, Double> published = new TreeMap<>();

            /** From the buckets if there were any, else the published quantile (in ms). */
            double serverQuantile(double q) {
                var fromBuckets = q == 0.5 ? p50 : q == 0.95 ? p95 : q == 0.99 ? p99 : Double.NaN;
                return Double.isNaN(fromBuckets) ? published.getOrDefault(q, Double.NaN) : fromBuckets;
            }
        }

        static Snapshot scrape(Options o, HttpClient http, URI base, String name) {
            var tag = o.metricTag.replace("{name}", name);
            try {
                var response = http.send(HttpRequest.newBuilder(base.resolve("/actuator/prometheus"))
                        .timeout(Duration.ofSeconds(60)).header("Authorization", Options.basic(o.adminUser, o.adminPassword))
                        .GET().build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) {
                    return new Snapshot(List.of(), "/actuator/prometheus answered " + response.statusCode());
                }
                var lines = new ArrayList<Line>();
                for (var raw : response.body().split("\n")) {
                    if (raw.startsWith("#") || !raw.startsWith(o.metric)) continue;
                    var m = LINE.matcher(raw.trim());
                    if (!m.matches()) continue;
                    var metricName = m.group(1);
                    var labels = m.group(3) == null ? "" : m.group(3);
                    if (!(metricName.equals(o.metric) || metricName.startsWith(o.metric + "_"))) continue;
                    if (!("," + labels + ",").contains("," + tag + ",")) continue;
                    double value;
                    try {
                        value = Double.parseDouble(m.group(4));
                    } catch (NumberFormatException e) {
                        continue;
                    }
                    lines.add(new Line(metricName, labels, value, o.metric));
                }
                return new Snapshot(lines, null);
            } catch (IOException | RuntimeException e) {
                return new Snapshot(List.of(), e.toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Snapshot(List.of(), "interrupted");
            }
        }

        static Comparison compare(Snapshot before, Snapshot after, Options o) {
            var c = new Comparison();
            c.after = after.lines();
            c.problem = after.problem() != null ? after.problem() : before.problem();
            double countBefore = 0, countAfter = 0, sumBefore = 0, sumAfter = 0;
            // the timer may have several series (e.g. by outcome); sum them
            for (var l : before.lines()) {
                if (l.name().equals(o.metric + "_count")) countBefore += l.value();
                if (l.name().equals(o.metric + "_sum")) sumBefore += l.value();
            }
            for (var l : after.lines()) {
                if (l.name().equals(o.metric + "_count")) countAfter += l.value();
                if (l.name().equals(o.metric + "_sum")) sumAfter += l.value();
                if (l.name().equals(o.metric) && l.label(QUANTILE) != null) {
                    try {
                        c.published.merge(Double.parseDouble(l.label(QUANTILE)), l.value() * 1000, Math::max);
                    } catch (NumberFormatException ignored) {
                    }
                }
            }
            c.count = Math.round(countAfter - countBefore);
            if (c.count > 0) {
                c.meanMs = (sumAfter - sumBefore) * 1000 / c.count;
            }
            var bucketsBefore = buckets(before.lines(), o);
            var bucketsAfter = buckets(after.lines(), o);
            if (!bucketsAfter.isEmpty() && c.count > 0) {
                var delta = new TreeMap<Double, Double>();
                bucketsAfter.forEach((le, v) -> delta.put(le, v - bucketsBefore.getOrDefault(le, 0.0)));
                c.p50 = histogramQuantile(0.5, delta);
                c.p95 = histogramQuantile(0.95, delta);
                c.p99 = histogramQuantile(0.99, delta);
            }
            return c;
        }

        /** Cumulative bucket counts by upper bound in seconds (+Inf as infinity), summed over series. */
        static TreeMap<Double, Double> buckets(List<Line> lines, Options o) {
            var result = new TreeMap<Double, Double>();
            for (var l : lines) {
                if (!l.bucket()) continue;
                var le = l.label(LE);
                if (le == null) continue;
                var bound = le.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(le);
                result.merge(bound, l.value(), Double::sum);
            }
            return result;
        }

        /** Prometheus's histogram_quantile: linear interpolation inside the bucket holding the rank; in ms. */
        static double histogramQuantile(double q, TreeMap<Double, Double> cumulative) {
            if (cumulative.isEmpty()) return Double.NaN;
            var total = cumulative.lastEntry().getValue();
            if (total <= 0) return Double.NaN;
            var rank = q * total;
            double lowerBound = 0, lowerCount = 0;
            for (var e : cumulative.entrySet()) {
                if (e.getValue() >= rank) {
                    if (e.getKey().isInfinite()) {
                        return lowerBound * 1000; // beyond the largest finite bucket: its bound, as Prometheus does
                    }
                    var inBucket = e.getValue() - lowerCount;
                    var fraction = inBucket <= 0 ? 1 : (rank - lowerCount) / inBucket;
                    return (lowerBound + (e.getKey() - lowerBound) * fraction) * 1000;
                }
                lowerBound = e.getKey();
                lowerCount = e.getValue();
            }
            return lowerBound * 1000;
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // the server process
}
