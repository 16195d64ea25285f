package org.ceasefire.ccm.base;

/** The user's roles allow the kind of action, but a rule forbids it here (nobody reviews their own report). 403. */
public class ForbiddenException extends RuntimeException {

    public ForbiddenException(String detail) {
        super(detail);
    }
}
