package org.ceasefire.ccm.base.web;

import org.ceasefire.ccm.base.InvalidInputException;
import org.ceasefire.ccm.base.Recorded;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The two conventions every write endpoint shares: 201 or 200 for idempotent writes, and If-Match versions. */
public final class ApiResponses {

    private ApiResponses() {}

    /** 201 when this call stored the value, 200 when it had been stored before. */
    public static <T> ResponseEntity<T> recorded(Recorded<T> recorded) {
        return ResponseEntity.status(recorded.created() ? HttpStatus.CREATED : HttpStatus.OK).body(recorded.value());
    }

    /** The version an edit is based on, from an {@code If-Match} header such as {@code "3"}; null when absent. */
    public static @Nullable Long ifMatchVersion(@Nullable String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(ifMatch.replace("W/", "").replace("\"", "").strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException("If-Match", "must be the version number you last read, like \"3\"");
        }
    }
}
