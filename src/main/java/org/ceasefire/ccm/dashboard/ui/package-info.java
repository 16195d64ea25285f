/** The dashboards' views: charts and tables over the same service the API uses, refreshed by server push. */
@NullMarked
package org.ceasefire.ccm.dashboard.ui;

import org.jspecify.annotations.NullMarked;
