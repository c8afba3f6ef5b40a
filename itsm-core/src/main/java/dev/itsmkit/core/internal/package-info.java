/** How the core works inside; not exported, may change in any release. */
@NullMarked
package dev.itsmkit.core.internal;

import org.jspecify.annotations.NullMarked;
