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
 * What the two harnesses share: valid report bodies of varied areas, a minimal JSON reader, and small file and text
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
}
