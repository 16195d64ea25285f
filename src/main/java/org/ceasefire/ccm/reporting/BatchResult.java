package org.ceasefire.ccm.reporting;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ProblemDetail;

/** One report's answer inside a batch: the status it alone would have got, and the problem if it was refused. */
public record BatchResult(@Nullable UUID id, int status, @Nullable ProblemDetail problem) {}
