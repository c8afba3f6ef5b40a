/**
 * Helpers of the command package: the translation of Jakarta Bean Validation results into ITSM Kit
 * violations, message details, copies of command collections. Not exported; may change in any release.
 */
@NullMarked
package dev.itsmkit.core.command.internal;

import org.jspecify.annotations.NullMarked;
