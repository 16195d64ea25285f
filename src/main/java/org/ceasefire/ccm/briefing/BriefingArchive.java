package org.ceasefire.ccm.briefing;

import java.io.ByteArrayOutputStream;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ceasefire.ccm.base.CcmProperties;
import org.ceasefire.ccm.base.Hashes;
import org.ceasefire.ccm.base.NotFoundException;
import org.ceasefire.ccm.dashboard.DashboardQuery;
import org.ceasefire.ccm.security.AppRoles;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.util.concurrent.ExecutionException;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.concurrent.DelegatingSecurityContextCallable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.support.CronTrigger;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Every Monday at 06:00 local time, produces the previous week's briefing in every format and stores it unchanged
 * with each file's SHA-256; an hourly check archives a week that run missed. On several nodes each runs the job: the
 * first to claim the week (a row in {@code job_claim}) produces it and the others skip it, and the week's primary key
 * keeps a second copy out whatever happens. The archive is listed in the briefing view and served byte for byte.
 */
@Component
public class BriefingArchive {

    public static final String SYSTEM_USER = "weekly-job";
    public static final List<String> FORMATS = List.of("pdf", "docx", "xlsx", "csv");

    /** The local time of the Monday run. */
    static final java.time.LocalTime RUN_AT = java.time.LocalTime.of(6, 0);
    /** A claim older than this whose week is still not archived was left by a node that died; another may take it. */
    static final java.time.Duration STALE = java.time.Duration.ofMinutes(30);
    static final String JOB = "weekly-briefing";
    /** This node in a claim: the host and the process. */
    private static final String NODE = hostName() + "/" + ProcessHandle.current().pid();

    private static final Logger log = LoggerFactory.getLogger(BriefingArchive.class);

    private final BriefingService briefings;
    private final BriefingPdf pdf;
    private final BriefingDocx docx;
    private final BriefingXlsx xlsx;
    private final BriefingCsv csv;
    private final JdbcTemplate jdbc;
    private final AsyncTaskExecutor executor;
    private final Clock clock;
    private final ZoneId zone;
    private final int catchUpWeeks;
    private final MeterRegistry meters;

    BriefingArchive(BriefingService briefings, BriefingPdf pdf, BriefingDocx docx, BriefingXlsx xlsx, BriefingCsv csv,
            JdbcTemplate jdbc, Clock clock, CcmProperties properties, TaskScheduler scheduler,
            @Qualifier(BriefingConfig.EXECUTOR) AsyncTaskExecutor executor, MeterRegistry meters) {
        this.executor = executor;
        this.meters = meters;
        this.briefings = briefings;
        this.pdf = pdf;
        this.docx = docx;
        this.xlsx = xlsx;
        this.csv = csv;
        this.jdbc = jdbc;
        this.clock = clock;
        this.zone = properties.zone();
        this.catchUpWeeks = properties.briefingCatchUpWeeks();
        // in the configured zone, not the server's: Monday 06:00 in Baku and Yerevan
        scheduler.schedule(() -> archiveDue(0), new CronTrigger("0 0 6 * * MON", zone));
        if (catchUpWeeks > 0) {
            // a week the Monday run missed (the node was down, the run failed) is archived within the hour
            scheduler.schedule(() -> archiveDue(catchUpWeeks), new CronTrigger("0 17 * * * *", zone));
        }
    }

    /**
     * The scheduled job: archives the last week whose Monday 06:00 has come, and the {@code weeksBefore} weeks before
     * it, oldest first, unless a node already did. A week that cannot be archived is logged and left for the next run.
     */
    void archiveDue(int weeksBefore) {
        archiveDue(clock.instant(), weeksBefore);
    }

    void archiveDue(java.time.Instant instant, int weeksBefore) {
        var now = instant.atZone(zone);
        var thisMonday = now.toLocalDate().with(java.time.temporal.TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY));
        var due = IsoWeek.of(thisMonday).previous();
        if (now.toLocalDateTime().isBefore(thisMonday.atTime(RUN_AT))) {
            due = due.previous(); // this Monday's run has not come yet
        }
        var weeks = new ArrayList<IsoWeek>();
        for (int i = 0; i <= weeksBefore; i++, due = due.previous()) {
            weeks.addFirst(due);
        }
        for (var week : weeks) {
            try {
                if (archive(DashboardQuery.DEFAULT_AGREEMENT, week)) {
                    outcome("archived");
                }
            } catch (NotFoundException e) {
                log.debug("No briefing for {}: {}", week.label(), e.getMessage()); // before the agreement took effect
            } catch (RuntimeException e) {
                outcome("failed");
                log.error("The weekly briefing of {} could not be archived: {}", week.label(), e.toString());
            }
        }
    }

    /**
     * Produces the week's briefing in every format and stores it, as the weekly job; false if it was archived before,
     * or another node is producing it now, in which case nothing changes.
     */
    public boolean archive(String agreement, IsoWeek week) {
        if (find(agreement, week).isPresent() || !claim(agreement + "/" + week.label())) {
            return false;
        }
        // as the weekly job's own user, on a thread of its own, whoever calls
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(SYSTEM_USER, null,
                AuthorityUtils.createAuthorityList("ROLE_" + AppRoles.BRIEFER)));
        var work = new DelegatingSecurityContextCallable<>(() -> store(agreement, week), context);
        try {
            return executor.submit(work).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            release(agreement + "/" + week.label());
            throw new IllegalStateException("interrupted while archiving " + week.label(), e);
        } catch (ExecutionException e) {
            release(agreement + "/" + week.label());
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /**
     * Claims a run for this node: true if no node holds it, or if the node that did claimed it more than
     * {@link #STALE} ago and has not finished (it died); of several nodes taking over a stale claim, one wins.
     */
    boolean claim(String runKey) {
        var now = clock.instant();
        try {
            jdbc.update("insert into job_claim (job, run_key, claimed_by, claimed_at) values (?, ?, ?, ?)", JOB, runKey, NODE,
                    Timestamp.from(now));
            return true;
        } catch (DuplicateKeyException e) {
            return jdbc.update("update job_claim set claimed_by = ?, claimed_at = ? where job = ? and run_key = ? and claimed_at < ?",
                    NODE, Timestamp.from(now), JOB, runKey, Timestamp.from(now.minus(STALE))) == 1;
        }
    }

    /** Counts a scheduled run's outcome per week: an alert on {@code failed} catches a Monday that went wrong. */
    private void outcome(String outcome) {
        Counter.builder("ccm.briefing.archive").description("Weekly briefings the scheduled job archived or failed to archive")
                .tag("outcome", outcome).register(meters).increment();
    }

    /** Gives a failed run back, so that the next check tries again at once. */
    private void release(String runKey) {
        jdbc.update("delete from job_claim where job = ? and run_key = ? and claimed_by = ?", JOB, runKey, NODE);
    }

    private boolean store(String agreement, IsoWeek week) {
        try {
            var b = briefings.compose(agreement, week);
            var pdfBytes = pdf.render(b);
            var docxBytes = docx.render(b);
            var xlsxBytes = xlsx.render(b, week);
            var csvOut = new ByteArrayOutputStream();
            csv.write(agreement, week, csvOut);
            var csvBytes = csvOut.toByteArray();
            jdbc.update("insert into briefing_archive (agreement_code, iso_week, cut_off, produced_at, produced_by, pdf, pdf_sha256,"
                    + " docx, docx_sha256, xlsx, xlsx_sha256, csv, csv_sha256) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    agreement, week.label(), Timestamp.from(b.cutOff()), Timestamp.from(b.producedAt()), b.producedBy(),
                    pdfBytes, Hashes.sha256(pdfBytes), docxBytes, Hashes.sha256(docxBytes), xlsxBytes, Hashes.sha256(xlsxBytes),
                    csvBytes, Hashes.sha256(csvBytes));
            log.info("Weekly briefing of {} archived (PDF sha256 {})", week.label(), Hashes.sha256(pdfBytes));
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    /** The archived weeks, newest first. */
    @PreAuthorize("hasRole('" + AppRoles.BRIEFER + "')")
    public List<Archived> list(String agreement) {
        return jdbc.query("select iso_week, cut_off, produced_at, produced_by, pdf_sha256, docx_sha256, xlsx_sha256, csv_sha256"
                + " from briefing_archive where agreement_code = ? order by iso_week desc", (rs, n) -> new Archived(
                rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getTimestamp(3).toInstant(), rs.getString(4),
                List.of(rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8))), agreement);
    }

    /** One archived file, exactly as stored, or empty. */
    @PreAuthorize("hasRole('" + AppRoles.BRIEFER + "')")
    public Optional<byte[]> file(String agreement, IsoWeek week, String format) {
        if (!FORMATS.contains(format)) {
            throw new org.ceasefire.ccm.base.InvalidInputException("format", "'" + format + "' is not one of " + FORMATS);
        }
        return jdbc.query("select " + format + " from briefing_archive where agreement_code = ? and iso_week = ?",
                (rs, n) -> rs.getBytes(1), agreement, week.label()).stream().findFirst();
    }

    private static String hostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return "unknown-host";
        }
    }

    private Optional<String> find(String agreement, IsoWeek week) {
        return jdbc.queryForList("select iso_week from briefing_archive where agreement_code = ? and iso_week = ?", String.class,
                agreement, week.label()).stream().findFirst();
    }

    /** An archived week: when it was produced, by whom, and the SHA-256 of each format in {@link #FORMATS} order. */
    public record Archived(String week, java.time.Instant cutOff, java.time.Instant producedAt, String producedBy,
            List<String> sha256) {}
}
