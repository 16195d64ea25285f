package org.ceasefire.ccm.base;

/**
 * The request clashes with what is stored: an idempotency key reused with another body, or an edit based on a
 * version that someone else has changed since. Answered as 409.
 */
public class ConflictException extends RuntimeException {

    public ConflictException(String detail) {
        super(detail);
    }
}
