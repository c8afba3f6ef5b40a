/**
 * The {@code itsm} command line: {@code itsm sla check [--json] FILE...} runs SLA scenario files.
 */
@NullMarked
package dev.itsmkit.cli;

import org.jspecify.annotations.NullMarked;
