/**
 * The constraint validators of the command constraints and the translation of Jakarta Bean
 * Validation results into ITSM Kit violations; not exported (opened to Hibernate Validator, which
 * instantiates the validators), may change in any release.
 */
@NullMarked
package dev.itsmkit.core.command.internal;

import org.jspecify.annotations.NullMarked;
