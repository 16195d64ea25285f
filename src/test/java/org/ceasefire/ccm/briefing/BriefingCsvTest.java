package org.ceasefire.ccm.briefing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.ceasefire.ccm.base.CcmProperties;
import org.ceasefire.ccm.reporting.ReportArea;
import org.ceasefire.ccm.reporting.ReportFact;
import org.ceasefire.ccm.reporting.ReportFacts;
import org.ceasefire.ccm.reporting.ReportStatus;
import org.ceasefire.ccm.reporting.SourceKind;
import org.junit.jupiter.api.Test;

/**
 * The CSV of the week is written as commons-csv's RFC 4180 format wrote it, byte for byte, by a second thread that
 * stops the reading when the client goes away and is stopped when the reading fails.
 */
class BriefingCsvTest {

    private static final String CHARS = "ab Z9,\"\r\n\t#!$%&'()*+-./:;<=>?@[\\]^_`{|}~\u0000\u001f\u007fé€😀–";
    private static final ZoneId ZONE = ZoneId.of("+04:00");
    private static final IsoWeek WEEK = IsoWeek.parse("2023-W38");

    @Test
    void records_are_written_exactly_as_commons_csv_writes_rfc_4180() throws IOException {
        var random = new SplittableRandom(20231918);
        var expected = new StringBuilder();
        var printer = CSVFormat.RFC4180.builder().setHeader(BriefingCsv.HEADER.toArray(String[]::new)).get().print(expected);
        var actual = new StringWriter();
        var rows = new BriefingCsv.Rows(actual);
        rows.record(BriefingCsv.HEADER.toArray());
        for (int r = 0; r < 20_000; r++) {
            var values = new ArrayList<Object>();
            var n = 1 + random.nextInt(14);
            for (int i = 0; i < n; i++) {
                values.add(switch (random.nextInt(10)) {
                    case 0 -> "";
                    case 1 -> random.nextInt(4) == 0 ? null : UUID.randomUUID();
                    case 2 -> Instant.ofEpochSecond(random.nextLong(1_600_000_000L, 1_800_000_000L), random.nextInt(3) == 0 ? random.nextInt(1_000_000_000) : 0);
                    case 3 -> LocalDate.ofEpochDay(random.nextInt(18_000, 21_000));
                    case 4 -> ReportStatus.values()[random.nextInt(ReportStatus.values().length)];
                    case 5 -> "{\"a\":\"x, \"\"y\"\"\",\"n\":" + random.nextInt(100) + "}";
                    default -> text(random);
                });
            }
            printer.printRecord(values);
            rows.record(values.toArray());
        }
        // a value longer than the buffer, with quotes to double
        var huge = new ArrayList<Object>(List.of("x", "a\"b,".repeat(40_000), "y"));
        printer.printRecord(huge);
        rows.record(huge.toArray());
        printer.flush();
        rows.flush();

        assertThat(actual.toString()).isEqualTo(expected.toString());
    }

    @Test
    void the_week_is_written_as_the_commons_csv_version_wrote_it() throws IOException {
        var facts = facts(30_000, new SplittableRandom(38));
        var out = new ByteArrayOutputStream();

        csv(feeding(facts, null)).write("nk-2020-11-10", WEEK, out);

        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(asCommonsCsvWroteIt(facts));
    }

    @Test
    void a_client_that_goes_away_stops_the_reading() {
        var facts = facts(50_000, new SplittableRandom(1));
        var handed = new AtomicInteger();
        var gone = new OutputStream() {
            long written;

            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                written += len;
                if (written > 200_000) {
                    throw new IOException("Connection reset by peer");
                }
            }
        };

        assertThatThrownBy(() -> csv(feeding(facts, handed)).write("nk-2020-11-10", WEEK, gone))
                .isInstanceOf(UncheckedIOException.class).hasRootCauseMessage("Connection reset by peer");
        assertThat(handed.get()).isLessThan(10_000);
        assertNoWriterLeft();
    }

    @Test
    void a_failed_read_stops_the_writer_and_is_thrown() {
        var facts = facts(3_000, new SplittableRandom(2));
        ReportFacts failing = mock(ReportFacts.class);
        doAnswer(call -> {
            Consumer<ReportFact> consumer = call.getArgument(4);
            facts.forEach(consumer);
            throw new IllegalStateException("the database went away");
        }).when(failing).forEachObserved(anyString(), any(), any(), anyCollection(), any());

        assertThatThrownBy(() -> csv(failing).write("nk-2020-11-10", WEEK, new ByteArrayOutputStream()))
                .isInstanceOf(IllegalStateException.class).hasMessage("the database went away");
        assertNoWriterLeft();
    }

    private static void assertNoWriterLeft() {
        var deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals("briefing-csv-writer"))
                && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().equals("briefing-csv-writer"));
    }

    private static BriefingCsv csv(ReportFacts facts) {
        // only the zone matters here; a mock keeps the test independent of the other settings
        CcmProperties properties = mock(CcmProperties.class);
        when(properties.zone()).thenReturn(ZONE);
        return new BriefingCsv(facts, properties);
    }

    private static ReportFacts feeding(List<ReportFact> facts, AtomicInteger handed) {
        ReportFacts mock = mock(ReportFacts.class);
        doAnswer(call -> {
            assertThat((Instant) call.getArgument(1)).isEqualTo(WEEK.start(ZONE));
            assertThat((Instant) call.getArgument(2)).isEqualTo(WEEK.cutOff(ZONE));
            java.util.Collection<ReportStatus> statuses = call.getArgument(3);
            assertThat(statuses).containsExactlyInAnyOrder(ReportStatus.values());
            Consumer<ReportFact> consumer = call.getArgument(4);
            for (var f : facts) {
                consumer.accept(f);
                if (handed != null) {
                    handed.incrementAndGet();
                }
            }
            return null;
        }).when(mock).forEachObserved(anyString(), any(), any(), anyCollection(), any());
        return mock;
    }

    /** What BriefingCsv wrote while it printed with commons-csv (the code before it wrote CSV itself). */
    private static String asCommonsCsvWroteIt(List<ReportFact> facts) throws IOException {
        var out = new ByteArrayOutputStream();
        var writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        var csv = CSVFormat.RFC4180.builder().setHeader(BriefingCsv.HEADER.toArray(String[]::new)).get().print(writer);
        for (var f : facts) {
            csv.printRecord(f.id(), f.observedAt(), LocalDate.ofInstant(f.observedAt(), ZONE), f.area(), f.status(),
                    String.join(" ", f.obligations()), f.sourceName(), f.sourceKind(),
                    f.sourceParty() == null ? "" : f.sourceParty(), f.grade(),
                    f.locationName() == null ? "" : f.locationName(), f.district() == null ? "" : f.district(),
                    f.summary(), f.detailsJson());
        }
        csv.flush();
        return out.toString(StandardCharsets.UTF_8);
    }

    private static List<ReportFact> facts(int count, SplittableRandom r) {
        var result = new ArrayList<ReportFact>();
        var at = WEEK.start(ZONE);
        for (int i = 0; i < count; i++) {
            at = at.plusMillis(r.nextInt(0, 20_000));
            var obligations = r.nextInt(5) == 0 ? List.of("6e", "1") : r.nextInt(20) == 0 ? List.<String>of() : List.of("7");
            result.add(new ReportFact(new UUID(r.nextLong(), r.nextLong()), "nk-2020-11-10",
                    ReportArea.values()[r.nextInt(ReportArea.values().length)], ReportStatus.values()[r.nextInt(4)], at,
                    obligations, r.nextInt(4) == 0 ? null : text(r), r.nextInt(4) == 0 ? null : text(r), "Summary " + text(r),
                    "Source " + text(r), SourceKind.values()[r.nextInt(SourceKind.values().length)],
                    r.nextInt(3) == 0 ? null : "AZ", r.nextInt(5) == 0 ? null : "B", r.nextInt(5) == 0 ? null : r.nextInt(1, 7),
                    "{\"k\":\"" + text(r).replace("\"", "\\\"") + "\",\"n\":" + r.nextInt(1000) + "}"));
        }
        return result;
    }

    private static String text(SplittableRandom random) {
        var b = new StringBuilder();
        var length = random.nextInt(12);
        for (int i = 0; i < length; i++) {
            var k = random.nextInt(CHARS.length());
            var c = CHARS.charAt(k);
            b.append(c);
            if (Character.isHighSurrogate(c) && k + 1 < CHARS.length()) {
                b.append(CHARS.charAt(k + 1));
            }
        }
        return b.toString();
    }
}
