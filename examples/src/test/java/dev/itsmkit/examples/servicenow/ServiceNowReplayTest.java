package dev.itsmkit.examples.servicenow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real ServiceNow log of {@code shared/data} (never copied into this repository) goes through the
 * engine: what a real desk did, our model can do. Runs wherever the shared data sits beside the
 * repository ({@code ../shared/data}) or where {@code ITSM_DATA} points; elsewhere it is skipped with a
 * message saying so.
 */
class ServiceNowReplayTest {
    private static final String SAMPLE = "servicenow-incident-event-log-sample.csv";
    private static List<ServiceNowEvent> rows;
    private static ServiceNowReplay.Result result;

    static Optional<Path> sample() {
        return Stream.of(Optional.ofNullable(System.getenv("ITSM_DATA")).map(Path::of),
                        Optional.of(Path.of("..", "..", "shared", "data")), Optional.of(Path.of("..", "shared", "data")))
                .flatMap(Optional::stream)
                .map(dir -> dir.resolve(SAMPLE))
                .filter(Files::isRegularFile)
                .findFirst();
    }

    @BeforeAll
    static void replayTheSample() {
        Optional<Path> file = sample();
        assumeTrue(file.isPresent(), "the ServiceNow sample (" + SAMPLE + ") is not beside the repository in "
                + "../shared/data and ITSM_DATA does not point to it: the real-data replay is skipped");
        rows = ServiceNowLog.read(file.get());
        result = ServiceNowReplay.replay(rows);
    }

    @Test
    void everyRowOfTheSampleIsReadAndEveryIncidentOpened() {
        assertThat(rows).hasSize(5_998);
        assertThat(result.incidents()).isEqualTo(890);
        assertThat(result.unknownStates()).isEmpty();
    }

    @Test
    void theDeskRefusesNothingThatTheRealDeskDid() {
        assertThat(result.refusals()).isEmpty();
        assertThat(result.commands()).containsKeys("OpenTicket", "TransitionTicket", "Assign", "Unassign",
                "ChangeImpactUrgency");
    }

    @Test
    void theMatrixDerivesThePriorityServiceNowRecordedOnEveryRow() {
        assertThat(result.priorityMismatches()).isEmpty();
    }

    @Test
    void theReopeningsInOurAuditTrailEqualServiceNowsReopenCount() {
        assertThat(result.reopenMismatches()).isZero();
    }

    @Test
    void everyAuditChainVerifiesAndReplaysToTheStoredTicket() {
        assertThat(result.chainsBroken()).isZero();
        assertThat(result.replayMismatches()).isZero();
    }

    @Test
    void theSlaReportCountsEveryIncidentsClocks() {
        assertThat(result.report().total().clocks()).isGreaterThanOrEqualTo(result.incidents());
        assertThat(result.report().total().met() + result.report().total().breached()).isPositive();
        assertThat(result.slaCompared()).isPositive();
    }

    @Test
    void theDesksLifecycleIsLoadedFromItsYamlDocumentWithEveryStateReachableAndClosingFromEveryOpenState() {
        var lifecycle = ServiceNowReplay.lifecycle();
        assertThat(lifecycle.id()).isEqualTo("servicenow-incident");
        assertThat(lifecycle.states()).hasSize(8);
        assertThat(lifecycle.transition("RESOLVED", "new")).isPresent();
        assertThat(lifecycle.transition("NEW", "closed")).isPresent();
        assertThat(lifecycle.transition("CLOSED", "active")).isEmpty();
    }

    @Test
    void aChangedExportIsRefusedWithTheLineAndColumn(@TempDir Path dir) throws IOException {
        Path sample = sample().orElseThrow();
        List<String> lines = Files.readAllLines(sample).subList(0, 3);
        Path broken = dir.resolve("broken.csv");
        Files.write(broken, List.of(lines.get(0), lines.get(1), lines.get(2).replace("29-02-2016 08:53", "2016-02-29T08:53")));
        assertThatThrownBy(() -> ServiceNowLog.read(broken))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("broken.csv:3: column sys_updated_at is '2016-02-29T08:53'");
    }
}
