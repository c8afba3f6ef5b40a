package dev.itsmkit.sla;

import static dev.itsmkit.sla.ReportStories.OPEN;
import static dev.itsmkit.sla.ReportStories.RESOLVED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.itsmkit.core.ServiceId;
import dev.itsmkit.core.StateCategory;
import dev.itsmkit.core.TicketKind;
import dev.itsmkit.sla.ReportStories.Story;
import dev.itsmkit.sla.SlaReport.Dimension;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** SLAs, OLAs and underpinning contracts side by side in one report. */
class AgreementReportTest {
    private static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");
    private static final SlaPolicy SLA = ReportStories.standard(BusinessCalendars.ALWAYS);
    /* The service desk promises the second line a triage within 30 minutes. */
    private static final SlaPolicy OLA = SlaPolicy.of("desk-ola", 1, List.of(SlaTarget.builder("triage")
            .goals(Goals.always(Duration.ofMinutes(30)))
            .stop(Condition.category(StateCategory.OPEN, StateCategory.PENDING, StateCategory.RESOLVED)).build()))
            .agreement(AgreementType.OLA);
    /* The VPN vendor promises a fix within 8 hours, for tickets about the VPN only. */
    private static final SlaPolicy CONTRACT = SlaPolicy.of("vendor", 1, List.of(SlaTarget.builder("fix")
            .goals(Goals.always(Duration.ofHours(8))).stop(Condition.category(StateCategory.RESOLVED)).build()))
            .when(Condition.service(ServiceId.of("vpn"))).agreement(AgreementType.UNDERPINNING_CONTRACT);
    private static final SlaEngine ENGINE = SlaEngine.of(ReportStories.CALENDARS, List.of(SLA, OLA, CONTRACT));

    /*
     * A (email) triaged after 20m, resolved after 3h: response, resolution and triage met.
     * B (vpn) triaged after 45m, resolved after 5h: response met, resolution (4h) and triage breached, fix met.
     */
    private static List<Story> twoTickets() {
        Story a = Story.open(ENGINE, 1, TicketKind.INCIDENT, 2, Optional.of("email"), Optional.of("desk"), T0)
                .to(OPEN, T0.plus(Duration.ofMinutes(20))).to(RESOLVED, T0.plus(Duration.ofHours(3)));
        Story b = Story.open(ENGINE, 2, TicketKind.INCIDENT, 2, Optional.of("vpn"), Optional.of("desk"), T0)
                .to(OPEN, T0.plus(Duration.ofMinutes(45))).to(RESOLVED, T0.plus(Duration.ofHours(5)));
        return List.of(a, b);
    }

    private static SlaReporter.Builder day() {
        return SlaReporter.builder(ReportStories.CALENDARS).period(T0, T0.plus(Duration.ofDays(1)))
                .at(T0.plus(Duration.ofHours(6)));
    }

    private static SlaReport report(SlaReporter.Builder builder) {
        SlaReporter reporter = builder.build();
        twoTickets().forEach(s -> s.addTo(reporter));
        return reporter.report();
    }

    @Test
    void complianceIsReportedPerKindOfAgreement() {
        SlaReport report = report(day().policies(List.of(SLA, OLA, CONTRACT)).groupBy(Dimension.AGREEMENT));
        assertThat(report.rows()).extracting(r -> r.labels().get(0)).containsExactly("OLA", "SLA", "UNDERPINNING_CONTRACT");
        SlaFigures sla = report.row("SLA").orElseThrow().figures();
        assertThat(sla.clocks()).isEqualTo(4);
        assertThat(sla.breached()).isEqualTo(1);
        assertThat(sla.compliancePercent().getAsDouble()).isEqualTo(75.0);
        SlaFigures ola = report.row("OLA").orElseThrow().figures();
        assertThat(ola.clocks()).isEqualTo(2);
        assertThat(ola.compliancePercent().getAsDouble()).isEqualTo(50.0);
        SlaFigures contract = report.row("UNDERPINNING_CONTRACT").orElseThrow().figures();
        assertThat(contract.clocks()).isEqualTo(1);
        assertThat(contract.compliancePercent().getAsDouble()).isEqualTo(100.0);
        assertThat(report.total().clocks()).isEqualTo(7);
    }

    @Test
    void theAgreementCombinesWithOtherDimensions() {
        SlaReport report = report(day().policies(List.of(SLA, OLA, CONTRACT)).groupBy(Dimension.AGREEMENT, Dimension.TARGET));
        assertThat(report.row("OLA", "desk-ola.triage").orElseThrow().figures().breached()).isEqualTo(1);
        assertThat(report.row("SLA", "std.resolution").orElseThrow().figures().breached()).isEqualTo(1);
        assertThat(report.row("UNDERPINNING_CONTRACT", "vendor.fix").orElseThrow().figures().met()).isEqualTo(1);
        assertThat(report.render()).contains("UNDERPINNING_CONTRACT");
    }

    @Test
    void groupingByAgreementNeedsThePoliciesOfEveryClock() {
        assertThatThrownBy(() -> day().groupBy(Dimension.AGREEMENT).build()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("needs the policies");
        SlaReporter withoutTheContract = day().policies(List.of(SLA, OLA)).groupBy(Dimension.AGREEMENT).build();
        List<Story> stories = twoTickets();
        stories.get(0).addTo(withoutTheContract);
        assertThatThrownBy(() -> stories.get(1).addTo(withoutTheContract)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("vendor version 1");
        // without the dimension the policies are not needed
        assertThat(report(day()).total().clocks()).isEqualTo(7);
    }
}
