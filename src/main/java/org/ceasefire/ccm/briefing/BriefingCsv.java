package org.ceasefire.ccm.briefing;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.ceasefire.ccm.base.CcmProperties;
import org.ceasefire.ccm.reporting.ReportFact;
import org.ceasefire.ccm.reporting.ReportFacts;
import org.ceasefire.ccm.reporting.ReportStatus;
import org.ceasefire.ccm.security.AppRoles;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The week's reports as CSV, one row per report, written while they are read: memory stays constant however many
 * there are. Every status is listed with its status, so that a reader can check what the briefing left out.
 *
 * <p>RFC 4180, byte for byte what commons-csv's {@code CSVFormat.RFC4180} printed before (checked by
 * BriefingCsvTest): CRLF after every record; a value is quoted when it contains a comma, a double quote, CR or LF,
 * begins with a character up to '#' or ends with one up to a space, or is an empty first value; a double quote is
 * doubled. Written here because commons-csv spent a quarter of the time of a million-row export deciding that per
 * character through its general delimiter and escape handling. Rows gather in a buffer of about 64 KB that is
 * encoded as UTF-8 in one piece.
 */
@Component
public class BriefingCsv {

    static final List<String> HEADER = List.of("id", "observed_at", "local_day", "area", "status", "obligations",
            "source_name", "source_kind", "source_party", "grade", "location", "district", "summary", "details");

    private static final int FLUSH_AT = 1 << 16;

    private final ReportFacts facts;
    private final ZoneId zone;

    BriefingCsv(ReportFacts facts, CcmProperties properties) {
        this.facts = facts;
        this.zone = properties.zone();
    }

    /**
     * Writes the CSV to the stream. The calling thread reads the reports (so the read sees what its transaction
     * sees); a second thread formats and writes them, a few hundred at a time through a short queue, so that reading
     * and writing overlap on two cores. A week of a million reports took 5 s on one thread, of which the database's
     * part was 3 s (docs/benchmarks.md).
     */
    @PreAuthorize("hasRole('" + AppRoles.BRIEFER + "')")
    // in a read-only transaction: PostgreSQL's driver reads with a cursor (fetch size honoured) only inside one
    @Transactional(readOnly = true)
    public void write(String agreement, IsoWeek week, OutputStream out) {
        var rows = new Rows(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        try (var writer = new Handoff(rows, f -> rows.record(row(f)))) {
            facts.forEachObserved(agreement, week.start(zone), week.cutOff(zone), List.of(ReportStatus.values()), writer);
            writer.finish();
        }
    }

    private Object[] row(ReportFact f) {
        return new Object[] {f.id(), f.observedAt(), LocalDate.ofInstant(f.observedAt(), zone), f.area(), f.status(),
                String.join(" ", f.obligations()), f.sourceName(), f.sourceKind(), f.sourceParty() == null ? "" : f.sourceParty(),
                f.grade(), f.locationName() == null ? "" : f.locationName(), f.district() == null ? "" : f.district(),
                f.summary(), f.detailsJson()};
    }

    /**
     * Hands facts to a thread of its own that writes them, in batches through a bounded queue: memory stays that of
     * a few batches. If the writing fails (the client went away), the next hand-over throws its exception, which
     * stops the reading; if the reading fails, closing stops the writer.
     */
    static final class Handoff implements java.util.function.Consumer<ReportFact>, AutoCloseable {
        private static final int BATCH = 256;
        private static final List<ReportFact> END = new java.util.ArrayList<>(0);

        private final java.util.concurrent.BlockingQueue<List<ReportFact>> queue = new java.util.concurrent.ArrayBlockingQueue<>(4);
        private final Thread thread;
        private volatile @Nullable Throwable failure;
        private volatile boolean abandoned;
        private List<ReportFact> batch = new java.util.ArrayList<>(BATCH);

        /** Starts the writer: the header, then each fact as it comes, then a flush. */
        Handoff(Rows rows, java.util.function.Consumer<ReportFact> write) {
            thread = Thread.ofPlatform().name("briefing-csv-writer").daemon().start(() -> {
                try {
                    rows.record(HEADER.toArray());
                    for (var b = queue.take(); b != END && !abandoned; b = queue.take()) {
                        b.forEach(write);
                    }
                    if (!abandoned) {
                        rows.flush();
                    }
                } catch (Throwable e) {
                    failure = e;
                    queue.clear(); // the reader may be waiting for room; it will find the failure
                }
            });
        }

        @Override
        public void accept(ReportFact fact) {
            batch.add(fact);
            if (batch.size() == BATCH) {
                hand(batch);
                batch = new java.util.ArrayList<>(BATCH);
            }
        }

        /** Hands over what is left and waits until all is written; throws what the writer failed with. */
        void finish() {
            hand(batch);
            hand(END);
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while writing the CSV", e);
            }
            rethrow();
        }

        private void hand(List<ReportFact> facts) {
            try {
                while (!queue.offer(facts, 100, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                    rethrow();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while writing the CSV", e);
            }
            rethrow();
        }

        private void rethrow() {
            var e = failure;
            if (e instanceof RuntimeException r) {
                throw r;
            }
            if (e instanceof Error r) {
                throw r;
            }
            if (e != null) {
                throw new IllegalStateException(e);
            }
        }

        /** Stops the writer if the reading ended early. */
        @Override
        public void close() {
            if (!thread.isAlive()) {
                return;
            }
            abandoned = true;
            queue.clear();
            queue.offer(END);
            try {
                // the writer must be done with the response before the request ends; a blocked write times out
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Records gathered in a buffer that goes to the writer when it holds {@value #FLUSH_AT} characters or more. */
    static final class Rows {
        private final Writer out;
        private char[] buffer = new char[FLUSH_AT + 8192];
        private int length;

        Rows(Writer out) {
            this.out = out;
        }

        /** One record; each value as its {@code toString()}, null as an empty value never quoted. */
        void record(@Nullable Object... values) {
            for (int i = 0; i < values.length; i++) {
                var value = values[i];
                var text = value == null ? "" : value.toString();
                // room for the comma, the value with every character doubled, its quotes and the CRLF
                reserve(2 * text.length() + 5);
                if (i > 0) {
                    buffer[length++] = ',';
                }
                if (value != null) {
                    value(text, i == 0);
                }
            }
            reserve(2);
            buffer[length++] = '\r';
            buffer[length++] = '\n';
            if (length >= FLUSH_AT) {
                drain();
            }
        }

        void flush() {
            drain();
            try {
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private void reserve(int more) {
            if (length + more > buffer.length) {
                drain();
                if (more > buffer.length) {
                    buffer = new char[more];
                }
            }
        }

        private void drain() {
            try {
                out.write(buffer, 0, length);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            length = 0;
        }

        private void value(String v, boolean first) {
            var n = v.length();
            if (!quoted(v, n, first)) {
                v.getChars(0, n, buffer, length);
                length += n;
                return;
            }
            buffer[length++] = '"';
            var from = 0;
            for (int q = v.indexOf('"'); q >= 0; q = v.indexOf('"', from)) {
                v.getChars(from, q + 1, buffer, length);
                length += q + 1 - from;
                buffer[length++] = '"';
                from = q + 1;
            }
            v.getChars(from, n, buffer, length);
            length += n - from;
            buffer[length++] = '"';
        }

        private static boolean quoted(String v, int n, boolean first) {
            if (n == 0) {
                return first; // an empty first value would make an empty line
            }
            return v.charAt(0) <= '#' || v.charAt(n - 1) <= ' '
                    || v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0;
        }
    }
}
