/** How the HTTP API answers failures: one problem+json shape everywhere. */
@NamedInterface("web")
@NullMarked
package org.ceasefire.ccm.base.web;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
