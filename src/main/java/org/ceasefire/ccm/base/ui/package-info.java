/** The UI shell: layout, navigation, language switch, error handling and small shared components. */
@NamedInterface("ui")
@NullMarked
package org.ceasefire.ccm.base.ui;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
