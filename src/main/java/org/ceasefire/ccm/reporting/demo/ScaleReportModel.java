package org.ceasefire.ccm.reporting.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.ceasefire.ccm.reporting.ReportDraft;
import org.ceasefire.ccm.reporting.ReportStatus;
import org.ceasefire.ccm.reporting.ReviewDecision;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * What generated report number i says, for {@link ScaleReports}: a function of the seed and i alone (and, for the
 * few reports whose first draws fall after it, of the clock's now). Thread-safe.
 *
 * <p>The time line: reports run from 2020-11-10T01:00+04:00 to now, busiest in the first months and in the known
 * crises: the Hadrut clashes of December 2020, the border crisis of May 2021, the clashes of 16 November 2021, March
 * and August 2022, the border war of 13-14 September 2022, the Lachin corridor closure from 12 December 2022, the
 * offensive of 19-20 September 2023 and the departure of the Karabakh Armenians until early October 2023; quieter
 * after, with the peacekeepers leaving from April to June 2024. Each area has its own intensity over time, so the
 * mix shifts: withdrawals only around the three handovers of November-December 2020 (Aghdam, 2; Kalbajar, 6a;
 * Lachin, 6b), exchanges clustered on the known exchange days, corridor reports CLOSED from 2022-12-12 until the
 * departures (then OPEN towards Armenia) and CLOSED after, refugee returns as running totals (CUMULATIVE since
 * 2020-11-14, growing) from some sources and day counts (EVENT) from others, departures in September 2023.
 *
 * <p>Sources are named as in the public record (ministries, the Russian peacekeepers' bulletin, UNHCR, ICRC, the
 * EU mission, media outlets, and the monitors' own team), graded on the Admiralty scale around what such a source
 * usually earns. Their addresses are placeholders under {@code https://sources.example/}; places carry approximate
 * coordinates.
 */
final class ScaleReportModel {

    static final ZoneOffset LOCAL = ZoneOffset.ofHours(4);
    static final Instant START = OffsetDateTime.of(2020, 11, 10, 1, 0, 0, 0, LOCAL).toInstant();
    /** The model's time runs to here; a report whose draw falls after the clock's now is drawn again. */
    static final LocalDate HORIZON = LocalDate.of(2030, 1, 1);
    static final String AGREEMENT = ScaleReports.AGREEMENT;

    /** A generated report before validation, and what its filing and review would have set. */
    record Generated(ReportDraft draft, ReportStatus status, String author, Instant receivedAt, @Nullable Review review) {}

    /** A supervisor's review of a generated report. */
    record Review(ReviewDecision decision, @Nullable String reason, String reviewer, Instant at) {}

    static final LocalDate FIRST_DAY = LocalDate.of(2020, 11, 10);
    static final LocalDate BLOCKADE_FROM = LocalDate.of(2022, 12, 12);
    static final LocalDate OFFENSIVE = LocalDate.of(2023, 9, 19);
    static final LocalDate EXODUS_FROM = LocalDate.of(2023, 9, 24);
    static final LocalDate EXODUS_TO = LocalDate.of(2023, 10, 3);
    static final LocalDate NK_DISSOLVED = LocalDate.of(2023, 9, 29);
    static final LocalDate PEACEKEEPERS_LEAVE = LocalDate.of(2024, 4, 17);
    static final LocalDate PEACEKEEPERS_GONE = LocalDate.of(2024, 6, 13);
    static final LocalDate RETURNS_SINCE = LocalDate.of(2020, 11, 14);

    enum Area { CEASEFIRE, CORRIDOR_TRAFFIC, REFUGEE_RETURN, PEACEKEEPING, TRANSPORT_LINKS, OTHER, PRISONER_EXCHANGE, WITHDRAWAL }

    /** The area mix, in percent, in the order of {@link Area}. */
    static final double[] AREA_MIX = {45, 22, 12, 6, 4, 6, 3, 2};

    /** Who the information comes from, with the grade such a source usually earns (reliability 0 = A). */
    record Source(String name, String kind, @Nullable String party, String slug, int reliability, int credibility,
            @Nullable LocalDate from, @Nullable LocalDate until) {

        boolean activeOn(LocalDate day) {
            return (from == null || !day.isBefore(from)) && (until == null || day.isBefore(until));
        }
    }

    static final Source MOD_AZ = new Source("Ministry of Defence of Azerbaijan", "OFFICIAL", "AZ", "mod-az", 1, 3, null, null);
    static final Source MOD_AM = new Source("Ministry of Defence of Armenia", "OFFICIAL", "AM", "mod-am", 1, 3, null, null);
    static final Source NK_ARMY = new Source("Defence Army of Nagorno-Karabakh", "OFFICIAL", "NK", "nk-army", 2, 3, null, NK_DISSOLVED);
    static final Source RU_PK = new Source("Russian MoD peacekeeping bulletin", "OFFICIAL", "RU", "ru-pk", 1, 2, null, PEACEKEEPERS_GONE);
    static final Source POW_AZ = new Source("State Commission on Prisoners of War, Hostages and Missing Persons of Azerbaijan",
            "OFFICIAL", "AZ", "pow-az", 1, 2, null, null);
    static final Source PMO_AM = new Source("Office of the Prime Minister of Armenia", "OFFICIAL", "AM", "pmo-am", 1, 2, null, null);
    static final Source GOV_AM = new Source("Government of Armenia", "OFFICIAL", "AM", "gov-am", 1, 2, null, null);
    static final Source NK_MIGRATION = new Source("Migration Service of Nagorno-Karabakh", "OFFICIAL", "NK", "nk-migration", 2, 3, null, NK_DISSOLVED);
    static final Source PRESIDENT_AZ = new Source("Administration of the President of Azerbaijan", "OFFICIAL", "AZ", "president-az", 1, 3, null, null);
    static final Source BORDER_AZ = new Source("State Border Service of Azerbaijan", "OFFICIAL", "AZ", "border-az", 1, 3,
            LocalDate.of(2023, 4, 23), null);
    static final Source UNHCR = new Source("UNHCR", "UN", "UNHCR", "unhcr", 0, 2, null, null);
    static final Source ICRC = new Source("ICRC", "NGO", "ICRC", "icrc", 0, 2, null, null);
    static final Source EUMA = new Source("EU Monitoring Mission in Armenia", "OTHER", "EU", "euma", 1, 2, LocalDate.of(2023, 2, 20), null);
    static final Source OWN = new Source("Own team", "OWN_OBSERVATION", null, "own", 0, 1, null, null);
    static final Source[] MEDIA = {
        media("APA"), media("Trend"), media("Report.az"), media("Armenpress"), media("News.am"), media("Azatutyun (RFE/RL)"),
        media("OC Media"), media("Eurasianet"), media("TASS"), media("Interfax"), media("JAMnews"), media("CivilNet")};

    private static Source media(String name) {
        return new Source(name, "MEDIA", null, name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("-$", ""),
                2, 3, null, null);
    }

    /** A place reports name, with its district and (approximate) coordinates. */
    record Place(String name, String district, double lat, double lon) {}

    static final Place[] FRONT = {
        new Place("Shusha / Shushi", "Shusha", 39.758, 46.748), new Place("Khojavend / Martuni", "Khojavend", 39.795, 47.113),
        new Place("Askeran", "Khojaly", 39.936, 46.830), new Place("Hadrut", "Khojavend", 39.520, 47.030),
        new Place("Taghavard", "Khojavend", 39.681, 46.951), new Place("Parukh / Farrukh", "Khojaly", 39.970, 46.860),
        new Place("Aghdara / Martakert", "Tartar", 40.212, 46.811), new Place("Sotk", "Gegharkunik", 40.213, 45.905),
        new Place("Verin Shorzha", "Gegharkunik", 40.251, 45.700), new Place("Jermuk", "Vayots Dzor", 39.842, 45.673),
        new Place("Tegh", "Syunik", 39.558, 46.478), new Place("Yeraskh", "Ararat", 39.761, 44.778),
        new Place("Kalbajar district, state border", "Kalbajar", 40.104, 46.038),
        new Place("Lachin district, state border", "Lachin", 39.638, 46.546), new Place("Tovuz, state border", "Tovuz", 40.992, 45.628)};
    static final Place[] LACHIN_ROAD = {
        new Place("Lachin corridor, Hakari bridge", "Lachin", 39.500, 46.535),
        new Place("Lachin corridor near Shusha / Shushi", "Shusha", 39.760, 46.750),
        new Place("Lachin corridor at Lachin / Berdzor", "Lachin", 39.638, 46.546),
        new Place("Kornidzor checkpoint", "Syunik", 39.459, 46.313),
        new Place("Stepanakert / Khankendi, entrance", "Khankendi", 39.818, 46.753)};
    static final Place[] NAKHCHIVAN_ROAD = {
        new Place("Meghri", "Syunik", 38.903, 46.243), new Place("Ordubad", "Ordubad", 38.908, 46.027),
        new Place("Julfa", "Julfa", 38.955, 45.631)};
    static final Place[] RETURN_PLACES = {
        new Place("Stepanakert / Khankendi", "Khankendi", 39.818, 46.753), new Place("Khojavend / Martuni", "Khojavend", 39.795, 47.113),
        new Place("Askeran", "Khojaly", 39.936, 46.830), new Place("Aghdara / Martakert", "Tartar", 40.212, 46.811),
        new Place("Goris", "Syunik", 39.511, 46.339), new Place("Lachin corridor, Hakari bridge", "Lachin", 39.500, 46.535)};
    static final Place[] PEACEKEEPING_PLACES = {
        new Place("Stepanakert / Khankendi, peacekeeping headquarters", "Khankendi", 39.818, 46.753),
        new Place("Lachin corridor observation post", "Lachin", 39.638, 46.546), new Place("Shusha / Shushi", "Shusha", 39.758, 46.748),
        new Place("Aghdara / Martakert", "Tartar", 40.212, 46.811), new Place("Khojavend / Martuni", "Khojavend", 39.795, 47.113)};
    static final Place[] EXCHANGE_PLACES = {
        new Place("Baku", "Baku", 40.409, 49.867), new Place("Yerevan, Erebuni airport", "Yerevan", 40.123, 44.465),
        new Place("State border near Tegh", "Syunik", 39.558, 46.478),
        new Place("Lachin corridor, Hakari bridge", "Lachin", 39.500, 46.535)};
    static final Place[] LINK_PLACES = {
        new Place("Meghri", "Syunik", 38.903, 46.243), new Place("Horadiz", "Fuzuli", 39.449, 47.337),
        new Place("Zangilan", "Zangilan", 39.086, 46.653), new Place("Ijevan", "Tavush", 40.879, 45.149),
        new Place("Yeraskh", "Ararat", 39.761, 44.778)};
    static final Place[] OTHER_PLACES = {
        new Place("Aghdam district, joint monitoring centre", "Aghdam", 39.990, 46.930), new Place("Moscow", "Moscow", 55.756, 37.617),
        new Place("Brussels", "Brussels", 50.847, 4.357), new Place("Sochi", "Sochi", 43.585, 39.723),
        new Place("Stepanakert / Khankendi", "Khankendi", 39.818, 46.753), new Place("Baku", "Baku", 40.409, 49.867),
        new Place("Yerevan", "Yerevan", 40.177, 44.513)};

    record District(String name, String obligation, LocalDate handover, LocalDate startedFrom, Place place) {}

    static final District[] DISTRICTS = {
        new District("Aghdam", "2", LocalDate.of(2020, 11, 20), LocalDate.of(2020, 11, 12), new Place("Aghdam", "Aghdam", 39.993, 46.929)),
        new District("Kalbajar", "6a", LocalDate.of(2020, 11, 25), LocalDate.of(2020, 11, 12), new Place("Kalbajar", "Kalbajar", 40.105, 46.038)),
        new District("Lachin", "6b", LocalDate.of(2020, 12, 1), LocalDate.of(2020, 11, 22), new Place("Lachin", "Lachin", 39.638, 46.546))};

    /** A known exchange: its day, who released how many prisoners of war to whom, and the bodies handed over. */
    record Exchange(LocalDate day, String releasedBy, int prisonersOfWar, int civilians, int bodies, double weight) {}

    static final Exchange[] EXCHANGES = {
        new Exchange(LocalDate.of(2020, 12, 14), "AZ", 44, 0, 0, 40), new Exchange(LocalDate.of(2020, 12, 14), "AM", 12, 2, 0, 25),
        new Exchange(LocalDate.of(2020, 12, 28), "AZ", 0, 2, 0, 6), new Exchange(LocalDate.of(2021, 1, 28), "AZ", 5, 1, 0, 10),
        new Exchange(LocalDate.of(2021, 2, 5), "AM", 0, 0, 15, 5), new Exchange(LocalDate.of(2021, 6, 12), "AZ", 15, 0, 0, 15),
        new Exchange(LocalDate.of(2021, 7, 3), "AZ", 15, 0, 0, 15), new Exchange(LocalDate.of(2021, 12, 4), "AZ", 10, 0, 0, 10),
        new Exchange(LocalDate.of(2021, 12, 19), "AZ", 10, 0, 0, 10), new Exchange(LocalDate.of(2022, 10, 5), "AZ", 17, 0, 0, 15),
        new Exchange(LocalDate.of(2023, 12, 13), "AZ", 32, 0, 0, 30), new Exchange(LocalDate.of(2023, 12, 13), "AM", 2, 0, 0, 20)};

    /** Days of heavy fighting: more reports, and casualty figures more often and larger. */
    static final LocalDate[][] CRISES = {
        {LocalDate.of(2020, 12, 11), LocalDate.of(2020, 12, 14)}, {LocalDate.of(2021, 5, 12), LocalDate.of(2021, 5, 28)},
        {LocalDate.of(2021, 11, 16), LocalDate.of(2021, 11, 17)}, {LocalDate.of(2022, 3, 24), LocalDate.of(2022, 3, 27)},
        {LocalDate.of(2022, 8, 3), LocalDate.of(2022, 8, 4)}, {LocalDate.of(2022, 9, 13), LocalDate.of(2022, 9, 15)},
        {OFFENSIVE, LocalDate.of(2023, 9, 21)}};

    static final String[] REJECT_REASONS = {
        "Duplicate of a report already verified for the same event.",
        "The source could not be confirmed and no second source supports the claim.",
        "The figures contradict the official statement of the same day without explanation.",
        "The location lies outside the area the report names; the observation cannot be placed."};
    static final String[] RETURN_REASONS = {
        "Add the source's address so the claim can be checked.",
        "Give the location's coordinates or the nearest settlement.",
        "Say whether the figure is the day's count or a running total.",
        "Grade the source (reliability and credibility) before resubmitting."};

    /** A piecewise-constant intensity over time: segments of local days with a weight per day. */
    static final class Intensity {
        private final long[] from;
        private final long[] to;
        private final double[] cumulative;
        private final double total;

        private Intensity(List<long[]> bounds, List<Double> weights) {
            from = new long[bounds.size()];
            to = new long[bounds.size()];
            cumulative = new double[bounds.size()];
            double sum = 0;
            for (int k = 0; k < bounds.size(); k++) {
                from[k] = bounds.get(k)[0];
                to[k] = bounds.get(k)[1];
                sum += weights.get(k) * (to[k] - from[k]) / 86_400.0;
                cumulative[k] = sum;
            }
            total = sum;
        }

        /** Segments as (first day, day after the last, weight per day) triples; they may overlap and then add up. */
        static Intensity of(Object... triples) {
            var bounds = new ArrayList<long[]>();
            var weights = new ArrayList<Double>();
            for (int k = 0; k < triples.length; k += 3) {
                var a = Math.max(((LocalDate) triples[k]).atStartOfDay().toEpochSecond(LOCAL), START.getEpochSecond());
                var b = ((LocalDate) triples[k + 1]).atStartOfDay().toEpochSecond(LOCAL);
                if (b > a) {
                    bounds.add(new long[] {a, b});
                    weights.add(((Number) triples[k + 2]).doubleValue());
                }
            }
            return new Intensity(bounds, weights);
        }

        /** The same intensity cut at an instant, or null if nothing of it lies before. */
        @Nullable Intensity until(Instant end) {
            var bounds = new ArrayList<long[]>();
            var weights = new ArrayList<Double>();
            double previous = 0;
            for (int k = 0; k < from.length; k++) {
                var weight = (cumulative[k] - previous) / ((to[k] - from[k]) / 86_400.0);
                previous = cumulative[k];
                var b = Math.min(to[k], end.getEpochSecond());
                if (b > from[k]) {
                    bounds.add(new long[] {from[k], b});
                    weights.add(weight);
                }
            }
            return bounds.isEmpty() ? null : new Intensity(bounds, weights);
        }

        /** An instant drawn from the intensity, in daytime (07:00-22:00 local) four times in five. */
        Instant sample(SplittableRandom r) {
            var x = r.nextDouble() * total;
            var k = Arrays.binarySearch(cumulative, x);
            k = k >= 0 ? k : Math.min(cumulative.length - 1, -k - 1);
            long t = 0;
            for (int attempt = 0; attempt < 4; attempt++) {
                t = from[k] + (long) (r.nextDouble() * (to[k] - from[k]));
                var hour = (int) Math.floorMod((t + 4 * 3600) / 3600, 24L);
                if ((hour >= 7 && hour < 22) || r.nextInt(5) == 0) {
                    break;
                }
            }
            return Instant.ofEpochSecond(t);
        }
    }

    static final Intensity CEASEFIRE_TIME = Intensity.of(
            FIRST_DAY, d(2020, 12, 1), 6, d(2020, 12, 1), d(2021, 3, 1), 4, d(2021, 3, 1), d(2021, 11, 1), 2,
            d(2021, 5, 12), d(2021, 5, 28), 4, d(2021, 11, 1), d(2022, 8, 1), 2, d(2021, 11, 16), d(2021, 11, 18), 10,
            d(2022, 3, 24), d(2022, 3, 28), 4, d(2022, 8, 1), d(2022, 12, 12), 2.5, d(2022, 8, 3), d(2022, 8, 5), 8,
            d(2022, 9, 13), d(2022, 9, 16), 30, d(2022, 12, 12), OFFENSIVE, 3, OFFENSIVE, d(2023, 9, 21), 40,
            d(2023, 9, 21), d(2023, 10, 15), 4, d(2023, 10, 15), d(2024, 7, 1), 0.6, d(2024, 7, 1), HORIZON, 0.3);
    static final Intensity CORRIDOR_TIME = Intensity.of(
            FIRST_DAY, d(2021, 1, 1), 4, d(2021, 1, 1), BLOCKADE_FROM, 2.5, BLOCKADE_FROM, OFFENSIVE, 4,
            OFFENSIVE, EXODUS_FROM, 6, EXODUS_FROM, EXODUS_TO, 15, EXODUS_TO, HORIZON, 0.1);
    static final Intensity RETURN_TIME = Intensity.of(
            RETURNS_SINCE, d(2021, 1, 1), 10, d(2021, 1, 1), d(2021, 6, 1), 3, d(2021, 6, 1), EXODUS_FROM, 1,
            EXODUS_FROM, EXODUS_TO, 40, EXODUS_TO, HORIZON, 0.05);
    static final Intensity PEACEKEEPING_TIME = Intensity.of(
            FIRST_DAY, d(2021, 1, 1), 5, d(2021, 1, 1), OFFENSIVE, 1, OFFENSIVE, d(2023, 10, 15), 3,
            d(2023, 10, 15), PEACEKEEPERS_LEAVE, 1, PEACEKEEPERS_LEAVE, PEACEKEEPERS_GONE, 3, PEACEKEEPERS_GONE, HORIZON, 0.02);
    static final Intensity LINKS_TIME = Intensity.of(
            FIRST_DAY, d(2021, 1, 11), 0.5, d(2021, 1, 11), d(2021, 2, 1), 4, d(2021, 2, 1), d(2023, 9, 1), 1,
            d(2023, 9, 1), HORIZON, 0.4);
    static final Intensity OTHER_TIME = Intensity.of(
            FIRST_DAY, d(2021, 2, 1), 2, d(2021, 2, 1), d(2023, 10, 1), 1, d(2023, 10, 1), HORIZON, 0.3);
    static final Intensity EXCHANGE_TIME;

    static {
        var triples = new ArrayList<Object>(List.of(FIRST_DAY, d(2022, 1, 1), 0.5, d(2022, 1, 1), d(2024, 1, 1), 0.25,
                d(2024, 1, 1), HORIZON, 0.05));
        for (var e : EXCHANGES) {
            triples.addAll(List.of(e.day(), e.day().plusDays(2), e.weight()));
        }
        EXCHANGE_TIME = Intensity.of(triples.toArray());
    }

    private static LocalDate d(int y, int m, int day) {
        return LocalDate.of(y, m, day);
    }

    final long seed;
    final Instant now;
    /** With a week (see {@link #ScaleReportModel(long, Instant, Instant)}): its start, else null. */
    private final @Nullable Instant weekStart;
    /** The seconds of the week that lie before now (7 days for a past week). */
    private final long weekSeconds;
    /**
     * Where the time line of the draws ends: now, or with a week the model's horizon, as every draw is moved into the
     * week anyway; then no draw depends on the clock.
     */
    private final Instant drawsUntil;
    private final Map<Intensity, Optional<Intensity>> cut = new ConcurrentHashMap<>();

    ScaleReportModel(long seed, Instant now) {
        this(seed, now, null);
    }

    /**
     * A model whose every report is observed in the week starting at {@code weekStart} (null: over the whole time
     * line). The time drawn for report number i is moved into the week: to the week's start plus the time since then
     * modulo the week, so that each report keeps the weekday and time of day it was drawn with (for a week not over
     * yet, modulo the part of it before now). The times are drawn from the whole time line to {@link #HORIZON}, not
     * to now, so for a week that is over nothing depends on the clock. Everything else about the report is then drawn
     * for the moved time, its id included, so it stays as consistent and valid as any other.
     */
    ScaleReportModel(long seed, Instant now, @Nullable Instant weekStart) {
        this.seed = seed;
        this.now = now;
        this.weekStart = weekStart;
        if (weekStart != null) {
            var seconds = Math.min(Duration.ofDays(7).toSeconds(), Duration.between(weekStart, now).toSeconds());
            if (seconds <= 0) {
                throw new IllegalArgumentException("Scale reports: the week starting " + weekStart + " has not begun at "
                        + now);
            }
            this.weekSeconds = seconds;
            this.drawsUntil = HORIZON.atStartOfDay().toInstant(LOCAL);
        } else {
            this.weekSeconds = 0;
            this.drawsUntil = now;
        }
    }

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** A hash of the seed and a day: days on which the corridor was restricted, the same for every report. */
    private double dayHash(LocalDate day, int salt) {
        return (mix(seed * 31 + day.toEpochDay() * 1_000_003L + salt) >>> 11) / (double) (1L << 53);
    }

    /**
     * The first draws of report number i: its area and when it was observed (for a withdrawal also the district and
     * stage). They come first so that the time, and with it the id, can be known without drawing the whole report.
     */
    private record Head(SplittableRandom r, Area area, Instant at, @Nullable District district, boolean completed) {}

    private Head head(long index) {
        var h = drawHead(index);
        if (weekStart == null) {
            return h;
        }
        // modulo a whole week from a week's start, the weekday and the time of day stay those drawn
        var at = weekStart.plusSeconds(Math.floorMod(h.at().getEpochSecond() - weekStart.getEpochSecond(), weekSeconds));
        return new Head(h.r(), h.area(), at, h.district(), h.completed());
    }

    private Head drawHead(long index) {
        var r = new SplittableRandom(mix(mix(seed) + 0x9E3779B97F4A7C15L * (index + 1)));
        var area = Area.values()[pick(r, AREA_MIX)];
        if (area == Area.WITHDRAWAL) {
            var district = DISTRICTS[r.nextInt(DISTRICTS.length)];
            var completed = r.nextInt(100) < 55;
            Instant at;
            if (completed) {
                var x = r.nextInt(100);
                var days = x < 60 ? 0 : x < 90 ? r.nextInt(1, 8) : r.nextInt(8, 31); // recaps until December
                at = district.handover().plusDays(days).atStartOfDay().toInstant(LOCAL).plusSeconds(r.nextLong(86_400));
            } else {
                var span = district.handover().toEpochDay() - district.startedFrom().toEpochDay();
                at = district.startedFrom().atStartOfDay().toInstant(LOCAL).plusSeconds(r.nextLong(span * 86_400));
            }
            return new Head(r, area, clamp(at), district, completed);
        }
        var intensity = switch (area) {
            case CEASEFIRE -> CEASEFIRE_TIME;
            case CORRIDOR_TRAFFIC -> CORRIDOR_TIME;
            case REFUGEE_RETURN -> RETURN_TIME;
            case PEACEKEEPING -> PEACEKEEPING_TIME;
            case TRANSPORT_LINKS -> LINKS_TIME;
            case OTHER -> OTHER_TIME;
            default -> EXCHANGE_TIME;
        };
        return new Head(r, area, observed(intensity, r), null, false);
    }

    /** When report number i was observed (to the second). */
    Instant observedAt(long index) {
        return head(index).at();
    }

    /**
     * The id of report number i: a version 7 UUID of its observation time (so that ids, like every index of the
     * report table, grow with time) and 74 bits drawn from the seed and the number.
     */
    UUID id(long index) {
        return id(index, head(index).at());
    }

    private UUID id(long index, Instant at) {
        var a = mix(mix(seed ^ 0x5DEECE66DL) + 0xD1B54A32D192ED03L * (index + 1));
        var b = mix(a + 0x9E3779B97F4A7C15L);
        var msb = (at.toEpochMilli() << 16) | 0x7000L | (a >>> 52);
        var lsb = (b & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(msb, lsb);
    }

    /** Report number i, whole. */
    Generated report(long index) {
        var h = head(index);
        var b = new Builder(h.r());
        b.at(h.at());
        switch (h.area()) {
            case CEASEFIRE -> ceasefire(b);
            case CORRIDOR_TRAFFIC -> corridor(b);
            case REFUGEE_RETURN -> refugees(b);
            case PEACEKEEPING -> peacekeeping(b);
            case TRANSPORT_LINKS -> links(b);
            case OTHER -> other(b);
            case PRISONER_EXCHANGE -> exchange(b);
            case WITHDRAWAL -> withdrawal(b, java.util.Objects.requireNonNull(h.district()), h.completed());
        }
        return b.finish(id(index, h.at()), h.area());
    }

    private Instant observed(Intensity intensity, SplittableRandom r) {
        for (int attempt = 0; attempt < 12; attempt++) {
            var t = intensity.sample(r);
            if (!t.isAfter(drawsUntil)) {
                return t;
            }
        }
        // a clock set early (tests): draw from what lies before it
        var before = cut.computeIfAbsent(intensity, i -> java.util.Optional.ofNullable(i.until(drawsUntil)));
        if (before.isPresent()) {
            return before.get().sample(r);
        }
        return drawsUntil.isAfter(START)
                ? START.plusSeconds((long) (r.nextDouble() * Duration.between(START, drawsUntil).toSeconds()))
                : drawsUntil;
    }

    private Instant clamp(Instant t) {
        if (t.isAfter(drawsUntil)) {
            return drawsUntil;
        }
        return t.isBefore(START) && !drawsUntil.isBefore(START) ? START : t;
    }

    // ---- areas --------------------------------------------------------------------------------------------

    private void ceasefire(Builder b) {
        var r = b.r;
        var day = b.day();
        var crisis = crisis(day);
        var source = choose(r, day, new Source[] {MOD_AZ, MOD_AM, NK_ARMY, RU_PK, EUMA, OWN, null},
                new double[] {26, 24, 10, 12, 4, 8, 16});
        b.source(source, source.party() != null && !"RU".equals(source.party()) && !"EU".equals(source.party()) ? 4 : -1);
        String by;
        if ("AZ".equals(source.party()) || "AM".equals(source.party()) || "NK".equals(source.party())) {
            by = source.party();
        } else {
            by = pick(r, day.isBefore(NK_DISSOLVED) ? new String[] {"AZ", "AM", "NK"} : new String[] {"AZ", "AM"},
                    day.isBefore(NK_DISSOLVED) ? new double[] {50, 40, 10} : new double[] {55, 45});
        }
        var against = switch (by) {
            case "AZ" -> day.isBefore(NK_DISSOLVED) && r.nextInt(4) == 0 ? "NK" : "AM";
            default -> "AZ";
        };
        var d = b.details;
        d.put("allegedBy", by);
        if (r.nextInt(100) < 96) {
            d.put("allegedAgainst", against);
        }
        if (r.nextInt(100) < 40) {
            d.put("deniedBy", "NK".equals(against) && r.nextBoolean() ? "AM" : against);
        }
        var peacekeepers = day.isBefore(PEACEKEEPERS_GONE);
        var assessed = peacekeepers && (source == RU_PK || r.nextInt(100) < 22);
        var assessment = "";
        if (assessed) {
            d.put("assessedBy", "RU");
            assessment = pick(r, new String[] {"CONFIRMED", "UNCONFIRMED", "REFUTED"}, new double[] {30, 50, 20});
            d.put("assessment", assessment);
        } else if (source == EUMA && r.nextBoolean()) {
            d.put("assessedBy", "EU");
            assessment = pick(r, new String[] {"CONFIRMED", "UNCONFIRMED"}, new double[] {40, 60});
            d.put("assessment", assessment);
        } else if (r.nextInt(100) < 4) {
            assessment = "UNCONFIRMED";
            d.put("assessment", assessment);
        }
        long killed = -1;
        long wounded = -1;
        // most incidents (shots, overflights) harm nobody; casualties cluster in the crises
        if (r.nextInt(1000) < (crisis ? 60 : 4)) {
            killed = crisis ? r.nextInt(0, 4) : r.nextInt(0, 2);
            wounded = crisis ? r.nextInt(0, 6) : r.nextInt(0, 3);
            if (r.nextInt(5) > 0) {
                d.put("killed", killed);
            } else {
                killed = -1;
            }
            d.put("wounded", wounded);
        }
        var place = b.place(FRONT, 92);
        var fire = pick(r, crisis ? new String[] {"artillery fire", "drone strikes", "mortar fire", "an attack on positions"}
                : new String[] {"small-arms fire", "sniper fire", "mortar fire", "shooting at farmers", "a drone overflight",
                        "grenade-launcher fire"}, null);
        var s = new StringBuilder();
        s.append(source.name()).append(" reports ").append(fire);
        if (place != null) {
            s.append(" near ").append(place.name());
        }
        s.append(" and holds ").append(forces(against)).append(" responsible.");
        if (killed > 0 || wounded > 0) {
            s.append(' ').append(Math.max(0, killed)).append(" killed, ").append(Math.max(0, wounded)).append(" wounded.");
        }
        if (d.has("deniedBy")) {
            s.append(" The accused side denies it.");
        }
        if (!assessment.isEmpty()) {
            s.append(switch (assessment) {
                case "CONFIRMED" -> " Confirmed on the ground.";
                case "REFUTED" -> " The claim was refuted.";
                default -> " Not confirmed independently.";
            });
        }
        b.summary(s.toString());
        b.obligations(r.nextInt(100) < 95 ? List.of("1") : List.of());
    }

    private void corridor(Builder b) {
        var r = b.r;
        var day = b.day();
        var d = b.details;
        var nakhchivan = r.nextInt(100) < 8;
        String state;
        String direction;
        if (nakhchivan) {
            state = "CLOSED";
            direction = "BOTH";
            b.source(choose(r, day, new Source[] {OWN, MOD_AM, PRESIDENT_AZ, null}, new double[] {30, 20, 20, 30}), -1);
            b.place(NAKHCHIVAN_ROAD, 90);
            d.put("corridor", "NAKHCHIVAN");
            b.obligations(r.nextInt(100) < 80 ? List.of("9b") : List.of("9b", "9c"));
        } else {
            d.put("corridor", "LACHIN");
            if (day.isBefore(BLOCKADE_FROM)) {
                var restrictedDay = dayHash(day, 1) < 0.07
                        || (!day.isBefore(d(2022, 8, 26)) && day.isBefore(d(2022, 9, 3))) || day.equals(d(2022, 12, 3));
                state = restrictedDay || r.nextInt(100) < 3 ? "RESTRICTED" : "OPEN";
            } else if (day.isBefore(EXODUS_FROM)) {
                state = "CLOSED";
            } else if (day.isBefore(EXODUS_TO)) {
                state = "OPEN";
            } else {
                state = "CLOSED";
            }
            if (!day.isBefore(EXODUS_FROM) && day.isBefore(EXODUS_TO)) {
                direction = r.nextInt(100) < 90 ? "TO_ARMENIA" : "BOTH";
            } else if ("CLOSED".equals(state)) {
                direction = pick(r, new String[] {"BOTH", "TO_KARABAKH", "TO_ARMENIA"}, new double[] {60, 25, 15});
            } else {
                direction = pick(r, new String[] {"TO_KARABAKH", "TO_ARMENIA", "BOTH"}, new double[] {40, 35, 25});
            }
            b.source(choose(r, day, new Source[] {OWN, RU_PK, MOD_AM, MOD_AZ, BORDER_AZ, ICRC, NK_ARMY, null},
                    new double[] {30, 18, 8, 8, 8, 6, 4, 18}), -1);
            b.place(LACHIN_ROAD, 95);
            b.obligations(r.nextInt(100) < 70 ? List.of("6e") : List.of("6e", "6c"));
        }
        d.put("state", state);
        if (r.nextInt(100) < 97) {
            d.put("direction", direction);
        }
        var exodus = !nakhchivan && !day.isBefore(EXODUS_FROM) && day.isBefore(EXODUS_TO);
        long vehicles;
        long persons;
        double tonnes;
        // one report counts one watch at a checkpoint; at a million reports a day holds about a hundred of them, so a
        // day's sum is of the order seen on the Lachin road (hundreds of vehicles, thousands in the September 2023 exodus)
        switch (state) {
            case "OPEN" -> {
                vehicles = exodus ? r.nextInt(1, 12) : r.nextInt(0, 12);
                persons = exodus ? r.nextInt(5, 60) : r.nextInt(0, 40);
                tonnes = exodus ? r.nextInt(0, 20) / 10.0 : r.nextInt(0, 300) / 10.0;
            }
            case "RESTRICTED" -> {
                vehicles = r.nextInt(0, 4);
                persons = r.nextInt(0, 12);
                tonnes = r.nextInt(0, 50) / 10.0;
            }
            default -> {
                vehicles = nakhchivan ? 0 : r.nextInt(0, 2);
                persons = nakhchivan ? 0 : r.nextInt(0, 4);
                tonnes = nakhchivan ? 0 : r.nextInt(0, 20) / 10.0;
            }
        }
        if (r.nextInt(100) < 90) {
            d.put("vehicles", vehicles);
        }
        if (r.nextInt(100) < 80) {
            d.put("persons", persons);
        }
        if (r.nextInt(100) < 60) {
            d.put("cargoTonnes", tonnes);
        }
        d.put("basis", "EVENT");
        if (r.nextInt(100) < 5) {
            b.until(r.nextInt(1, 12) * 3600L);
        }
        var road = nakhchivan ? "The Nakhchivan transport link" : "The Lachin corridor";
        b.summary(road + switch (state) {
            case "OPEN" -> exodus ? " is open for departures to Armenia; long queues of cars and buses." : " is open; traffic flows"
                    + (d.has("vehicles") ? " (" + vehicles + " vehicles counted)" : "") + ".";
            case "RESTRICTED" -> " is restricted: checks and waits, only some vehicles pass.";
            default -> nakhchivan ? " is not open to traffic." : " is closed to civilian traffic"
                    + (vehicles > 0 ? "; only humanitarian vehicles pass." : ".");
        } + " Reported by " + b.source.name() + ".");
    }

    private void refugees(Builder b) {
        var r = b.r;
        var day = b.day();
        var d = b.details;
        var exodus = !day.isBefore(EXODUS_FROM) && day.isBefore(EXODUS_TO);
        Source source;
        String direction;
        String basis;
        long persons;
        if (exodus) {
            source = choose(r, day, new Source[] {GOV_AM, UNHCR, OWN, ICRC, null}, new double[] {30, 15, 25, 10, 20});
            direction = "DEPARTURE";
            if (source == GOV_AM || (source == UNHCR && r.nextBoolean())) {
                basis = "CUMULATIVE";
                var hours = Math.max(0, Duration.between(EXODUS_FROM.atStartOfDay().toInstant(LOCAL), b.at).toMinutes() / 60.0);
                persons = Math.round(100_617 * (1 - Math.exp(-hours / 40.0)) * (source == GOV_AM ? 1.0 : 0.98));
                if (source == UNHCR) {
                    persons = persons / 100 * 100;
                }
                d.put("since", EXODUS_FROM.toString());
            } else {
                basis = "EVENT";
                // one watch's count at a crossing: at a million reports a day of the exodus sums to thousands
                persons = r.nextInt(5, 60);
            }
        } else if (day.isBefore(EXODUS_FROM)) {
            source = choose(r, day, new Source[] {RU_PK, UNHCR, NK_MIGRATION, OWN, ICRC, MEDIA[3], MEDIA[5], MEDIA[9]},
                    new double[] {25, 10, 10, 25, 10, 7, 7, 6});
            var cumulative = source == RU_PK || source == UNHCR || source == NK_MIGRATION;
            if (cumulative) {
                basis = "CUMULATIVE";
                direction = "RETURN";
                var until = b.at.isAfter(OFFENSIVE.atStartOfDay().toInstant(LOCAL)) ? OFFENSIVE.atStartOfDay().toInstant(LOCAL) : b.at;
                var days = Math.max(0, Duration.between(RETURNS_SINCE.atStartOfDay().toInstant(LOCAL), until).toMinutes() / 1440.0);
                var total = 53_000 * (1 - Math.exp(-days / 18.0)) + 6 * days;
                persons = source == UNHCR ? Math.round(total * 0.96) / 100 * 100
                        : source == NK_MIGRATION ? Math.round(total * 1.05) / 10 * 10 : Math.round(total);
                d.put("since", RETURNS_SINCE.toString());
            } else {
                basis = "EVENT";
                direction = r.nextInt(100) < 15 ? "DEPARTURE" : "RETURN";
                var early = day.isBefore(d(2021, 1, 1));
                persons = "DEPARTURE".equals(direction) ? r.nextInt(0, 3) : early ? r.nextInt(0, 40) : r.nextInt(0, 6);
            }
        } else {
            source = choose(r, day, new Source[] {OWN, UNHCR, null}, new double[] {40, 30, 30});
            basis = "EVENT";
            direction = r.nextInt(100) < 70 ? "DEPARTURE" : "RETURN";
            persons = r.nextInt(0, 3);
        }
        b.source(source, -1);
        d.put("direction", direction);
        d.put("persons", persons);
        d.put("basis", basis);
        var place = b.place(exodus ? new Place[] {LACHIN_ROAD[3], RETURN_PLACES[4], LACHIN_ROAD[0]} : RETURN_PLACES, 80);
        if (!exodus && place != null && r.nextInt(100) < 40) {
            d.put("area", place.district());
        }
        var counted = "CUMULATIVE".equals(basis) ? "in all since " + d.get("since").asString() : "today";
        b.summary(source.name() + ": " + persons + " people " + ("RETURN".equals(direction) ? "returned" : "left") + " "
                + counted + (place == null ? "" : " (" + place.name() + ")") + ".");
        b.obligations(List.of("7"));
    }

    private void peacekeeping(Builder b) {
        var r = b.r;
        var day = b.day();
        var d = b.details;
        var source = choose(r, day, new Source[] {RU_PK, OWN, null, MOD_AZ}, new double[] {55, 20, 15, 10});
        b.source(source, -1);
        var share = 1.0;
        if (!day.isBefore(PEACEKEEPERS_LEAVE)) {
            share = day.isBefore(PEACEKEEPERS_GONE)
                    ? 1 - (double) (day.toEpochDay() - PEACEKEEPERS_LEAVE.toEpochDay()) / (PEACEKEEPERS_GONE.toEpochDay() - PEACEKEEPERS_LEAVE.toEpochDay())
                    : 0;
        }
        String text;
        if (source == OWN) {
            d.put("vehicles", r.nextInt(1, 40));
            if (r.nextBoolean()) {
                d.put("personnel", r.nextInt(5, 200));
            }
            d.put("basis", "EVENT");
            text = "A peacekeepers' convoy of " + d.get("vehicles").asLong() + " vehicles seen on the move.";
        } else {
            var posts = day.isBefore(d(2020, 12, 1)) ? 23 : 27;
            d.put("personnel", Math.round((1960 + r.nextInt(-20, 21)) * share));
            if (r.nextInt(100) < 70) {
                d.put("observationPosts", Math.round(posts * share));
            }
            if (r.nextInt(100) < 50) {
                d.put("armouredVehicles", Math.round((90 + r.nextInt(-3, 4)) * share));
            }
            if (r.nextInt(100) < 40) {
                d.put("vehicles", Math.round((380 + r.nextInt(-10, 11)) * share));
            }
            if (r.nextInt(100) < 80) {
                d.put("basis", "LEVEL");
            }
            text = share < 1 ? "The peacekeeping contingent is leaving; " + d.get("personnel").asLong() + " personnel remain."
                    : "The peacekeeping contingent stands at " + d.get("personnel").asLong() + " personnel"
                            + (d.has("observationPosts") ? " at " + d.get("observationPosts").asLong() + " observation posts" : "") + ".";
        }
        var place = b.place(PEACEKEEPING_PLACES, 85);
        b.summary(text + " Source: " + source.name() + (place == null ? "" : ", " + place.name()) + ".");
        if (!day.isBefore(PEACEKEEPERS_LEAVE)) {
            b.obligations(List.of("4b", "3"));
        } else if (day.isBefore(d(2020, 12, 15)) && r.nextInt(100) < 40) {
            b.obligations(List.of("3", "4a"));
        } else if (place == PEACEKEEPING_PLACES[1]) {
            b.obligations(List.of("3", "6c"));
        } else {
            b.obligations(List.of("3"));
        }
    }

    private void links(Builder b) {
        var r = b.r;
        var day = b.day();
        var d = b.details;
        var source = choose(r, day, new Source[] {PRESIDENT_AZ, PMO_AM, OWN, null}, new double[] {25, 25, 10, 40});
        b.source(source, -1);
        var link = r.nextInt(5);
        var names = new String[] {"Yeraskh-Julfa-Meghri railway", "Horadiz-Aghband railway", "Ijevan-Gazakh road",
                "Lachin bypass road", "Kars-Igdir-Nakhchivan railway"};
        var obligations = List.of(List.of("9a", "9b"), List.of("9d"), List.of("9a"), List.of("6d"), List.of("9d"));
        var stage = pick(r, new String[] {"TALKS", "SURVEY", "CONSTRUCTION", "OPENED"},
                link == 3 || link == 1 ? new double[] {10, 20, 50, 20} : new double[] {60, 20, 20, 0});
        d.put("link", names[link]);
        d.put("stage", stage);
        if (r.nextInt(100) < 30) {
            d.put("notes", "Working group of deputy prime ministers of Armenia, Azerbaijan and Russia");
        }
        var places = new Place[] {LINK_PLACES[0], LINK_PLACES[1], LINK_PLACES[3], LACHIN_ROAD[2], LINK_PLACES[2]};
        b.location = r.nextInt(100) < 80 ? places[link] : null;
        b.summary(names[link] + ": " + switch (stage) {
            case "TALKS" -> "talks on reopening continue";
            case "SURVEY" -> "survey and design work reported";
            case "CONSTRUCTION" -> "construction under way";
            default -> "reported open to traffic";
        } + ", according to " + source.name() + ".");
        b.obligations(obligations.get(link));
    }

    private void other(Builder b) {
        var r = b.r;
        var day = b.day();
        var d = b.details;
        var source = choose(r, day, new Source[] {OWN, RU_PK, PRESIDENT_AZ, PMO_AM, null}, new double[] {20, 15, 15, 15, 35});
        b.source(source, -1);
        var centre = !day.isBefore(d(2021, 1, 30)) && day.isBefore(PEACEKEEPERS_LEAVE) && r.nextInt(100) < 30;
        if (centre) {
            d.put("topic", "monitoring centre");
            d.put("notes", "Joint Russian-Turkish monitoring centre in Aghdam district: routine drone flights reported.");
            b.location = OTHER_PLACES[0];
            b.summary("The joint monitoring centre in Aghdam district reports routine monitoring flights (" + source.name() + ").");
            b.obligations(List.of("5"));
        } else {
            var topics = new String[] {"summit", "statement", "mine clearance", "humanitarian aid", "delimitation"};
            var topic = topics[r.nextInt(topics.length)];
            if (r.nextInt(100) < 70) {
                d.put("topic", topic);
            }
            b.place(Arrays.copyOfRange(OTHER_PLACES, 1, OTHER_PLACES.length), 70);
            b.summary(switch (topic) {
                case "summit" -> "Leaders met to discuss carrying out the statement";
                case "statement" -> "A statement on the implementation of the agreement was published";
                case "mine clearance" -> "Mine clearance continues in the returned districts";
                case "humanitarian aid" -> "A humanitarian aid delivery was announced";
                default -> "Border delimitation commissions met";
            } + "; reported by " + source.name() + ".");
            b.obligations(r.nextInt(100) < 80 ? List.of() : List.of(r.nextBoolean() ? "4b" : "9a"));
        }
    }

    private void exchange(Builder b) {
        var r = b.r;
        var day = b.day();
        var d = b.details;
        Exchange known = null;
        for (var e : EXCHANGES) {
            if (!day.isBefore(e.day()) && day.isBefore(e.day().plusDays(2)) && (known == null || r.nextBoolean())) {
                known = e;
            }
        }
        String releasedBy;
        long pows;
        long civilians;
        long bodies;
        if (known != null && r.nextInt(100) < 85) {
            releasedBy = known.releasedBy();
            var exact = r.nextInt(100) < 75;
            pows = exact ? known.prisonersOfWar() : Math.max(0, known.prisonersOfWar() + r.nextInt(-2, 3));
            civilians = known.civilians();
            bodies = known.bodies();
        } else {
            releasedBy = r.nextInt(100) < 60 ? "AZ" : "AM";
            pows = "AZ".equals(releasedBy) ? (long) Math.floor(Math.pow(r.nextDouble(), 2) * 45) : r.nextInt(0, 15);
            civilians = r.nextInt(100) < 30 ? r.nextInt(0, 8) : 0;
            bodies = r.nextInt(100) < 40 ? r.nextInt(0, 40) : 0;
        }
        var receivedBy = "AZ".equals(releasedBy) ? "AM" : "AZ";
        var source = choose(r, day, new Source[] {POW_AZ, PMO_AM, RU_PK, ICRC, null}, new double[] {25, 25, 20, 15, 15});
        b.source(source, -1);
        d.put("releasedBy", releasedBy);
        d.put("receivedBy", receivedBy);
        var any = false;
        if (pows > 0 || r.nextInt(100) < 50) {
            d.put("prisonersOfWar", pows);
            any = true;
        }
        if (civilians > 0 || r.nextInt(100) < 30) {
            d.put("civilians", civilians);
            any = true;
        }
        if (bodies > 0 || !any) {
            d.put("bodies", bodies);
        }
        var mediator = day.isBefore(PEACEKEEPERS_GONE) && r.nextInt(100) < 70 ? "RU" : "ICRC";
        if (r.nextInt(100) < 90) {
            d.put("mediator", mediator);
        }
        d.put("basis", "EVENT");
        b.place(EXCHANGE_PLACES, 80);
        var s = new StringBuilder(name(releasedBy)).append(" handed over ");
        var parts = new ArrayList<String>();
        if (pows > 0) {
            parts.add(pows + " prisoners of war");
        }
        if (civilians > 0) {
            parts.add(civilians + " civilians");
        }
        if (bodies > 0) {
            parts.add(bodies + " bodies");
        }
        s.append(parts.isEmpty() ? "no one in the announced exchange" : String.join(", ", parts)).append(" to ").append(name(receivedBy));
        if (d.has("mediator")) {
            s.append(", mediated by ").append("RU".equals(mediator) ? "Russia" : "the ICRC");
        }
        b.summary(s.append(" (").append(source.name()).append(").").toString());
        b.obligations(List.of("8"));
    }

    private void withdrawal(Builder b, District district, boolean completed) {
        var r = b.r;
        var day = b.day();
        var source = choose(r, day, new Source[] {MOD_AZ, MOD_AM, RU_PK, OWN, null}, new double[] {30, 15, 20, 15, 20});
        b.source(source, -1);
        b.details.put("district", district.name());
        b.details.put("stage", completed ? "COMPLETED" : "STARTED");
        b.location = r.nextInt(100) < 90 ? district.place() : null;
        b.summary(completed ? district.name() + " district handed over to Azerbaijan; army units entered (" + source.name() + ")."
                : "Withdrawal from " + district.name() + " district under way; convoys seen leaving (" + source.name() + ").");
        b.obligations(r.nextInt(100) < 10 ? List.of(district.obligation(), "4a") : List.of(district.obligation()));
    }

    // ---- helpers ------------------------------------------------------------------------------------------

    private static boolean crisis(LocalDate day) {
        for (var c : CRISES) {
            if (!day.isBefore(c[0]) && !day.isAfter(c[1])) {
                return true;
            }
        }
        return false;
    }

    /** A source of the list active on the day (null stands for a media outlet); inactive ones fall to our own team. */
    private static Source choose(SplittableRandom r, LocalDate day, Source[] sources, double[] weights) {
        var s = sources[pick(r, weights)];
        if (s == null) {
            s = MEDIA[r.nextInt(MEDIA.length)];
        }
        return s.activeOn(day) ? s : OWN;
    }

    private static String forces(String party) {
        return switch (party) {
            case "AZ" -> "Azerbaijani forces";
            case "AM" -> "Armenian forces";
            default -> "Karabakh Armenian forces";
        };
    }

    private static String name(String party) {
        return "AZ".equals(party) ? "Azerbaijan" : "Armenia";
    }

    static int pick(SplittableRandom r, double[] weights) {
        double total = 0;
        for (var w : weights) {
            total += w;
        }
        var x = r.nextDouble() * total;
        for (int k = 0; k < weights.length; k++) {
            x -= weights[k];
            if (x < 0) {
                return k;
            }
        }
        return weights.length - 1;
    }

    static <T> T pick(SplittableRandom r, T[] values, double @Nullable [] weights) {
        return weights == null ? values[r.nextInt(values.length)] : values[pick(r, weights)];
    }

    /** Collects one report's parts, then adds what filing and review set. */
    private final class Builder {
        final SplittableRandom r;
        final ObjectNode details = JsonNodeFactory.instance.objectNode();
        Instant at = START;
        long untilSeconds;
        Source source = OWN;
        int credibilityBase = -1;
        @Nullable Place location;
        String summary = "";
        List<String> obligations = List.of();

        Builder(SplittableRandom r) {
            this.r = r;
        }

        void at(Instant t) {
            at = t;
        }

        LocalDate day() {
            return LocalDate.ofInstant(at, LOCAL);
        }

        void until(long seconds) {
            untilSeconds = seconds;
        }

        void source(Source s, int credibility) {
            source = s;
            credibilityBase = credibility;
        }

        /** Picks a place of the list for the location, present {@code percent} times in a hundred. */
        @Nullable Place place(Place[] places, int percent) {
            location = r.nextInt(100) < percent ? places[r.nextInt(places.length)] : null;
            return location;
        }

        void summary(String s) {
            summary = s;
        }

        void obligations(List<String> codes) {
            obligations = codes;
        }

        Generated finish(UUID id, Area area) {
            ReportDraft.Location loc = null;
            if (location != null) {
                var coordinates = r.nextInt(100) < 85;
                loc = new ReportDraft.Location(location.name(), location.district(),
                        coordinates ? round4(location.lat() + (r.nextDouble() - 0.5) * 0.02) : null,
                        coordinates ? round4(location.lon() + (r.nextDouble() - 0.5) * 0.02) : null);
            }
            var reliability = r.nextInt(100) < 4 ? null : String.valueOf((char) ('A' + clampGrade(source.reliability() + delta(), 0, 5)));
            var credibilityBase = this.credibilityBase > 0 ? this.credibilityBase : source.credibility();
            var credibility = r.nextInt(100) < 4 ? null : clampGrade(credibilityBase + delta(), 1, 6);
            var url = source == OWN || r.nextInt(100) < 15 ? null
                    : "https://sources.example/" + source.slug() + "/" + day() + "/" + r.nextInt(1000, 100_000);
            var offset = switch (source.kind()) {
                case "UN", "NGO", "OTHER" -> ZoneOffset.UTC;
                default -> "RU".equals(source.party()) ? ZoneOffset.ofHours(3) : LOCAL;
            };
            var observedAt = at.atOffset(offset).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
            String observedUntil = null;
            if (untilSeconds > 0 && !at.plusSeconds(untilSeconds).isAfter(now)) {
                observedUntil = at.plusSeconds(untilSeconds).atOffset(offset).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
            }
            var draft = new ReportDraft(id, AGREEMENT, obligations, area.name(), observedAt, observedUntil, loc, summary,
                    new ReportDraft.Source(source.name(), source.kind(), source.party(), reliability, credibility, url), details);
            // filing: a monitor's, a few minutes to a few days after the observation
            var author = r.nextBoolean() ? "monitor" : "monitor2";
            var x = r.nextInt(100);
            var delay = x < 55 ? r.nextLong(120, 7_200) : x < 90 ? r.nextLong(7_200, 86_400) : r.nextLong(86_400, 5 * 86_400);
            var base = observedUntil == null ? at : at.plusSeconds(untilSeconds);
            var receivedAt = min(base.plusSeconds(delay).plusNanos(r.nextInt(1_000_000) * 1_000L), now);
            var y = r.nextInt(100);
            var status = y < 85 ? ReportStatus.VERIFIED : y < 93 ? ReportStatus.SUBMITTED : y < 97 ? ReportStatus.REJECTED : ReportStatus.RETURNED;
            Review review = null;
            if (status != ReportStatus.SUBMITTED) {
                var reviewer = r.nextBoolean() ? "supervisor" : "supervisor2";
                var reviewedAt = min(receivedAt.plusSeconds(r.nextLong(300, 2 * 86_400)).plusNanos(r.nextInt(1_000_000) * 1_000L), now);
                review = switch (status) {
                    case VERIFIED -> new Review(ReviewDecision.VERIFY, null, reviewer, reviewedAt);
                    case REJECTED -> new Review(ReviewDecision.REJECT, REJECT_REASONS[r.nextInt(REJECT_REASONS.length)], reviewer, reviewedAt);
                    default -> new Review(ReviewDecision.RETURN, RETURN_REASONS[r.nextInt(RETURN_REASONS.length)], reviewer, reviewedAt);
                };
            }
            return new Generated(draft, status, author, receivedAt, review);
        }

        private int delta() {
            var x = r.nextInt(100);
            return x < 15 ? -1 : x < 80 ? 0 : x < 95 ? 1 : 2;
        }

        private static int clampGrade(int v, int lo, int hi) {
            return Math.max(lo, Math.min(hi, v));
        }

        private static double round4(double v) {
            return Math.round(v * 10_000) / 10_000.0;
        }

        private static Instant min(Instant a, Instant b) {
            return a.isAfter(b) ? b : a;
        }
    }
}
