/** The dashboards over HTTP. */
@NullMarked
package org.ceasefire.ccm.dashboard.web;

import org.jspecify.annotations.NullMarked;
