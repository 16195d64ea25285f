package org.ceasefire.ccm.dashboard;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Each district handover against its original and amended deadline. {@code completedAt} is the effective instant of
 * the obligation's FULFILLED decision, or else the earliest report of the handover completed ({@code completedBy}
 * says which, {@code completionReportId} names the report, {@code unverified} marks a submitted one).
 */
public record WithdrawalsDashboard(Period period, List<District> districts) {

    public record District(String district, String obligation, String title, @Nullable Instant originalDueAt,
            @Nullable Instant dueAt, @Nullable Instant completedAt, @Nullable String completedBy,
            @Nullable UUID completionReportId, String timeliness, String status, boolean unverified) {}
}
