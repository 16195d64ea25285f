package org.ceasefire.ccm.agreement;

/** A registered party or actor; reports and obligations name parties by this code. */
public record PartySummary(String code, String name, String kind) {}
