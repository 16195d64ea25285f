import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * What the harnesses share: the application as a child process ({@link Server}), valid report bodies of varied areas, a minimal JSON reader, and small file and text
 * helpers. Java 22+ finds this file beside the launched one ({@code java src/bench/java/CrashTest.java}).
 */
final class Bench {

    private Bench() {}

    /** A report body and the id inside it. */
    record Report(UUID id, String body) {}

    static void deleteTree(Path dir) {
        try (var walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
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
        /**
         * With -Dbench.recentDays=N, reports are observed in the last N days, as a live mission's are, instead of spread
         * over three years: the spread is the worst case for the dashboards' rollups (nearly every report of a batch
         * lands on a different day's row), the recent days the usual one.
         */
        static final long RECENT_DAYS = Long.getLong("bench.recentDays", 0);

        static Report random(SplittableRandom r, String label) {
            var id = new UUID(r.nextLong() & 0xffffffffffff0fffL | 0x0000000000004000L, r.nextLong() & 0x3fffffffffffffffL | 0x8000000000000000L);
            var offset = ZoneOffset.of(OFFSETS[r.nextInt(OFFSETS.length)]);
            var now = java.time.Instant.now().getEpochSecond();
            var second = RECENT_DAYS > 0 ? r.nextLong(now - RECENT_DAYS * 86_400, now - 60) : r.nextLong(FROM, TO);
            var observed = LocalDateTime.ofEpochSecond(second, 0, offset).atOffset(offset);
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
                    + ",\"summary\":\"" + label + " report " + r.nextInt(1_000_000) + " (" + areaName.toLowerCase(Locale.ROOT) + ") near " + place + ".\""
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

    // ---------------------------------------------------------------------------------------------------------
    // the machine and the server log, for the reports of every harness

    static String scanLog(Path log) {
        try {
            var lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            var errors = lines.stream().filter(l -> l.contains(" ERROR ") || l.contains("Exception")).toList();
            var warns = lines.stream().filter(l -> l.contains(" WARN ")).count();
            var b = new StringBuilder(String.format(java.util.Locale.ROOT, "%s: %d lines, %d ERROR/Exception, %d WARN", log, lines.size(), errors.size(), warns));
            errors.stream().limit(5).forEach(l -> b.append("\n    ").append(abbreviate(l, 240)));
            return b.toString();
        } catch (IOException e) {
            return log + ": unreadable (" + e + ")";
        }
    }

    static String loadAverage() {
        try {
            var parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2] + " (1, 5, 15 min)";
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    /**
     * The application jar as a child process, as the dashboard and briefing benchmarks start it: the demo profile, a
     * data folder of the caller's, the project's catalogue, loopback on a free port. {@link #start} returns once
     * {@code /actuator/health} answers UP (unauthenticated, so that the first authenticated request is still the
     * benchmark's), echoing the start-up lines worth seeing (the generator's progress, rebuilds, errors).
     */
    static final class Server {
        static final List<Process> all = new java.util.concurrent.CopyOnWriteArrayList<>();
        final Process process;
        final java.net.URI base;
        final Path log;
        final List<String> command;
        private final java.util.function.Consumer<String> say;

        private Server(Process process, int port, Path log, List<String> command, java.util.function.Consumer<String> say) {
            this.process = process;
            this.base = java.net.URI.create("http://127.0.0.1:" + port);
            this.log = log;
            this.command = command;
            this.say = say;
        }

        static Server start(Path jar, Path projectDir, Path dataDir, List<String> jvmOpts, List<String> appArgs, Path log,
                int startTimeoutMinutes, java.net.http.HttpClient http, java.time.Duration poll,
                java.util.function.Consumer<String> say) throws Exception {
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException("No jar at " + jar.toAbsolutePath() + " (build it, or pass --jar or --url)");
            }
            Files.createDirectories(dataDir);
            Files.createDirectories(log.toAbsolutePath().getParent());
            int port;
            try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
                port = socket.getLocalPort();
            }
            var cmd = new ArrayList<String>();
            cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            cmd.addAll(jvmOpts);
            cmd.addAll(List.of("-jar", jar.toAbsolutePath().toString(),
                    "--spring.profiles.active=demo",
                    "--ccm.data-dir=" + dataDir.toAbsolutePath(),
                    "--ccm.catalogue=" + projectDir.toAbsolutePath().normalize().resolve("config/agreements"),
                    "--server.address=127.0.0.1",
                    "--server.port=" + port));
            cmd.addAll(appArgs);
            var process = new ProcessBuilder(cmd).directory(projectDir.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            all.add(process);
            var server = new Server(process, port, log, cmd, say);
            var t0 = System.nanoTime();
            var deadline = java.time.Instant.now().plus(java.time.Duration.ofMinutes(startTimeoutMinutes));
            long logPosition = 0;
            var lastStatus = "";
            var lastSaid = System.nanoTime();
            while (java.time.Instant.now().isBefore(deadline)) {
                logPosition = server.echoLog(logPosition);
                if (!process.isAlive()) {
                    server.echoLog(logPosition);
                    throw new IllegalStateException("the server exited with code " + process.exitValue() + "; see " + log);
                }
                try {
                    var r = http.send(java.net.http.HttpRequest.newBuilder(server.base.resolve("/actuator/health"))
                            .timeout(java.time.Duration.ofSeconds(10)).GET().build(),
                            java.net.http.HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() == 200 && r.body().contains("\"UP\"")) {
                        server.echoLog(logPosition);
                        say.accept(String.format(Locale.ROOT, "server UP after %.1f s (pid %d, log %s)", (System.nanoTime() - t0) / 1e9,
                                process.pid(), log));
                        return server;
                    }
                    lastStatus = "HTTP " + r.statusCode() + " " + abbreviate(r.body(), 80);
                } catch (IOException e) {
                    lastStatus = "not answering yet";
                }
                if (System.nanoTime() - lastSaid > 60e9) {
                    System.out.println("  ... waiting for UP (" + lastStatus + ")");
                    lastSaid = System.nanoTime();
                }
                Thread.sleep(poll.toMillis());
            }
            server.stop();
            throw new IllegalStateException("the server did not report UP within " + startTimeoutMinutes + " min (last: "
                    + lastStatus + "); see " + log);
        }

        /** Shows the server's start-up lines worth seeing as they come; returns how far the log has been read. */
        long echoLog(long from) {
            try (var f = new java.io.RandomAccessFile(log.toFile(), "r")) {
                if (f.length() <= from) return from;
                f.seek(from);
                var bytes = new byte[(int) Math.min(f.length() - from, 4 << 20)];
                f.readFully(bytes);
                var text = new String(bytes, StandardCharsets.UTF_8);
                var end = text.lastIndexOf('\n');
                if (end < 0) return from;
                for (var line : text.substring(0, end).split("\n")) {
                    if (line.contains("Scale reports") || line.contains("rollups rebuilt") || line.contains(" ERROR ")
                            || line.contains("Started Application")) {
                        var shown = line.replaceFirst("^\\S+\\s+(INFO|WARN|ERROR)\\s+\\d+\\s+---\\s+\\[[^\\]]*\\]\\s+\\[[^\\]]*\\]\\s+\\S+\\s+:\\s+", "$1 ");
                        say.accept("  server: " + line.substring(0, Math.min(line.length(), 24)) + " " + abbreviate(shown, 200));
                    }
                }
                return from + text.substring(0, end + 1).getBytes(StandardCharsets.UTF_8).length;
            } catch (IOException e) {
                return from;
            }
        }

        void stop() throws InterruptedException {
            if (!process.isAlive()) return;
            process.destroy();
            if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
            }
            all.remove(process);
        }

        static void killAll() {
            for (var p : all) p.destroyForcibly();
        }
    }
}
