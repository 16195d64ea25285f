package org.ceasefire.ccm.base;

/** The thing asked for does not exist. Answered as 404. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String detail) {
        super(detail);
    }
}
