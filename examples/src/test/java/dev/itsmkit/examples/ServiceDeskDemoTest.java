package dev.itsmkit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The README's main job tells the story it promises: each of these lines is a rule of the engine at work. */
class ServiceDeskDemoTest {
    private static String day;

    @BeforeAll
    static void runTheDay() {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8)) {
            new ServiceDeskDemo(out).run();
        }
        day = buffer.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theDayIsTheSameEveryTimeBecauseItRunsOnAVirtualClock() {
        ByteArrayOutputStream again = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(again, true, StandardCharsets.UTF_8)) {
            new ServiceDeskDemo(out).run();
        }
        assertThat(again.toString(StandardCharsets.UTF_8)).isEqualTo(day);
    }

    @Test
    void thePrinterNobodyPicksUpBreachesItsResponseTargetOneOfficeHourAfterItWasOpened() {
        assertThat(day).containsPattern("10:30  INC0000004 itsm-kit +SLA BREACH +standard-incident.response \\(due 10:30\\)");
    }

    @Test
    void theBreachEscalatesByRaisingThePriorityAndNotifyingTheLeads() {
        assertThat(day).containsPattern("10:30  INC0000004 itsm-kit +priority P5 -> P4 \\(SLA escalation: standard-incident.response breached\\)");
        assertThat(day).containsPattern("10:30  INC0000004 \\(outbox\\) +notified: SLA BREACH");
    }

    @Test
    void resolvingWithoutAResolutionCodeIsRefusedAndTheRefusalNamesTheGuard() {
        assertThat(day).containsPattern("10:25  INC0000001 refused resolve .*resolutionCode, resolutionNotes are not set");
    }

    @Test
    void resolvingTheMajorIncidentResolvesItsChildInTheSameStep() {
        assertThat(day).containsPattern("10:25  INC0000002 .*resolved with its parent INC0000001: RESOLVED");
    }

    @Test
    void theChangeIsAuthorizedOnlyOnceEveryApproverApprovedAndImplementedOnlyInsideItsWindow() {
        assertThat(day).containsPattern("15:30  CHG0000001 refused authorize .*1 approved, 0 rejected, 1 pending");
        assertThat(day).containsPattern("16:10  CHG0000001 mia.schulz +authorize: AUTHORIZE -> SCHEDULED");
        assertThat(day).containsPattern("16:50  CHG0000001 refused implement .*outside the planned window");
        assertThat(day).containsPattern("17:05  CHG0000001 lea.fischer +implement: SCHEDULED -> IMPLEMENT");
    }

    @Test
    void theBoardSeesTheWindowAndTheCriteriaWhenItIsAskedAndTheyAreLockedFromThen() {
        assertThat(day).containsPattern("14:30  CHG0000001 mia.schulz +(?=[^\\n]*set plannedStart)(?=[^\\n]*set plannedEnd)"
                + "(?=[^\\n]*set acceptanceCriteria)set ");
        assertThat(day.indexOf("set plannedStart")).isLessThan(day.indexOf("requestAuthorization: ASSESS -> AUTHORIZE"));
    }

    @Test
    void theGoIsTheChangeManagersDecisionNotAFieldTheImplementerWrites() {
        assertThat(day).containsPattern("16:30  CHG0000001 refused implement .*the field goNoGo is locked while the ticket is in "
                + "SCHEDULED.*the transitions \\[go, noGo\\] set it \\[rule: locked-field]");
        assertThat(day).containsPattern("16:30  CHG0000001 refused go .*lea.fischer does not hold the permission change.go-no-go");
        assertThat(day).containsPattern("16:45  CHG0000001 mia.schulz +go/no-go decided: \"GO\"");
        assertThat(day.indexOf("go/no-go decided: GO")).isLessThan(day.indexOf("implement: SCHEDULED -> IMPLEMENT"));
    }

    @Test
    void aCallerMayCommentButNotRaiseTheUrgencyOfHisTicket() {
        assertThat(day).containsPattern("13:00  INC0000003 omar.haddad +public comment");
        assertThat(day).containsPattern("13:00  INC0000003 refused ChangeImpactUrgency .*omar.haddad does not hold the permission "
                + "ticket.change-impact-urgency \\[rule: permission]");
    }

    @Test
    void theVpnIncidentWaitsOnHoldForTheCallerAndItsResolutionClockStandsStillMeanwhile() {
        assertThat(day).containsPattern("09:10  INC0000003 jonas.weber +set holdReason");
        assertThat(day).containsPattern("09:10  INC0000003 jonas.weber +hold: IN_PROGRESS -> ON_HOLD");
        assertThat(day).containsPattern("13:00  INC0000003 jonas.weber +resume: ON_HOLD -> IN_PROGRESS");
        // opened 08:40, on hold 09:10 to 13:00, resolved 14:00: 30 + 60 minutes counted, not 5h20m
        assertThat(day).containsPattern("INC0000003 resolution  cycle 1  MET +goal PT16H +elapsed PT1H30M ");
    }

    @Test
    void warningsComeAtTheirThresholdsBeforeTheBreach() {
        assertThat(day).containsPattern("10:05  INC0000001 itsm-kit +SLA WARNING  standard-incident.resolution at 50% of its goal");
        assertThat(day).containsPattern("10:15  INC0000004 itsm-kit +SLA WARNING  standard-incident.response at 75% of its goal");
        assertThat(day.indexOf("SLA WARNING  standard-incident.response at 75%"))
                .isLessThan(day.indexOf("SLA BREACH   standard-incident.response"));
    }

    @Test
    void theReopenedIncidentHasTwoResolutionCyclesBothMet() {
        assertThat(day).containsPattern("INC0000003 resolution  cycle 1  MET");
        assertThat(day).containsPattern("INC0000003 resolution  cycle 2  MET");
    }

    @Test
    void theDayEndsWithTheSlaReport() {
        assertThat(day).contains("== The SLA report of the day").containsPattern("TOTAL +\\|");
    }
}
