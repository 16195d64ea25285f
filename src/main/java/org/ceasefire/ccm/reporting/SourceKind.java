package org.ceasefire.ccm.reporting;

/** Who a report's information comes from. */
public enum SourceKind {
    OWN_OBSERVATION, OFFICIAL, UN, NGO, MEDIA, OTHER
}
