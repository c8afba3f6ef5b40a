/**
 * SLA scenario files: {@link dev.itsmkit.testkit.ScenarioParser} reads a file of the SLA scenario format
 * (format 1) into a {@link dev.itsmkit.testkit.Scenario}, {@link dev.itsmkit.testkit.ScenarioRunner} runs
 * it into a {@link dev.itsmkit.testkit.ScenarioReport}, {@link dev.itsmkit.testkit.ReportPrinter} prints
 * reports as text or JSON, and {@link dev.itsmkit.testkit.ScenarioAssertions} lets a JUnit test assert
 * that a file passes.
 */
@NullMarked
package dev.itsmkit.testkit;

import org.jspecify.annotations.NullMarked;
