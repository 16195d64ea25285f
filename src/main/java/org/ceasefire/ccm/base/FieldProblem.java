package org.ceasefire.ccm.base;

/** One thing wrong with one input field, phrased so that a person can fix it. */
public record FieldProblem(String field, String message) {}
