package dev.itsmkit.sla;

import static dev.itsmkit.sla.ReportStories.ACME;
import static dev.itsmkit.sla.ReportStories.CANCELLED;
import static dev.itsmkit.sla.ReportStories.OPEN;
import static dev.itsmkit.sla.ReportStories.PENDING;
import static dev.itsmkit.sla.ReportStories.RESOLVED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.itsmkit.core.TicketKind;
import dev.itsmkit.core.TimeWindow;
import dev.itsmkit.core.timing.SlaClockSnapshot;
import dev.itsmkit.sla.ReportStories.Story;
import dev.itsmkit.sla.SlaReport.Bucket;
import dev.itsmkit.sla.SlaReport.Dimension;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SlaReporterTest {
    private static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");
    private static final Instant DAY_START = Instant.parse("2026-12-01T00:00:00Z");
    private static final Instant DAY_END = Instant.parse("2026-12-02T00:00:00Z");
    private static final Instant AT = T0.plus(h(5));
    private static final SlaEngine ALWAYS = ReportStories.engine(BusinessCalendars.ALWAYS);
    private static final SlaEngine OFFICE = ReportStories.engine("office");

    private static Duration h(double hours) {
        return Duration.ofSeconds(Math.round(hours * 3600));
    }

    private static Duration m(double minutes) {
        return Duration.ofSeconds(Math.round(minutes * 60));
    }

    /*
     * Five tickets on 24x7 clocks, reported at T0 + 5h (response goal 1h; resolution P1 2h, P2 4h, P3 8h):
     * A  P2 email/desk     responds after 30m, resolved after 3h     -> response MET 30m, resolution MET 3h
     * B  P2 email/network  responds after 2h,  resolved after 3h50m  -> response BREACHED 2h, resolution MET 3h50m (95.8%)
     * C  P1 -/desk         responds after 15m, still open            -> response MET 15m, resolution RUNNING, breached
     * D  P3 vpn/desk       responds after 10m, pending after 1h      -> response MET 10m, resolution PAUSED
     * E  P3 request -/-    cancelled after 20m                       -> both CANCELLED
     */
    private static List<Story> fiveTickets() {
        Story a = Story.open(ALWAYS, 1, TicketKind.INCIDENT, 2, Optional.of("email"), Optional.of("desk"), T0)
                .to(OPEN, T0.plus(m(30))).to(RESOLVED, T0.plus(h(3)));
        Story b = Story.open(ALWAYS, 2, TicketKind.INCIDENT, 2, Optional.of("email"), Optional.of("network"), T0)
                .to(OPEN, T0.plus(h(2))).to(RESOLVED, T0.plus(h(3)).plus(m(50)));
        Story c = Story.open(ALWAYS, 3, TicketKind.INCIDENT, 1, Optional.empty(), Optional.of("desk"), T0)
                .to(OPEN, T0.plus(m(15)));
        Story d = Story.open(ALWAYS, 4, TicketKind.INCIDENT, 3, Optional.of("vpn"), Optional.of("desk"), T0)
                .to(OPEN, T0.plus(m(10))).to(PENDING, T0.plus(h(1)));
        Story e = Story.open(ALWAYS, 5, TicketKind.SERVICE_REQUEST, 3, Optional.empty(), Optional.empty(), T0)
                .to(CANCELLED, T0.plus(m(20)));
        return List.of(a, b, c, d, e);
    }

    private static SlaReporter.Builder day() {
        return SlaReporter.builder(ReportStories.CALENDARS).period(DAY_START, DAY_END).at(AT)
                .responseTarget("response").resolutionTarget("resolution");
    }

    private static SlaReport report(SlaReporter.Builder builder, List<Story> stories) {
        SlaReporter reporter = builder.build();
        stories.forEach(s -> s.addTo(reporter));
        return reporter.report();
    }

    @Test
    void theTotalsCountEveryClockByWhereItStandsAtTheReportInstant() {
        SlaFigures total = report(day(), fiveTickets()).total();
        assertThat(total.clocks()).isEqualTo(10);
        assertThat(total.met()).isEqualTo(5);
        assertThat(total.breached()).isEqualTo(1);
        assertThat(total.cancelled()).isEqualTo(2);
        assertThat(total.running()).isEqualTo(1);
        assertThat(total.paused()).isEqualTo(1);
        assertThat(total.open()).isEqualTo(2);
        assertThat(total.openBreached()).isEqualTo(1);
    }

    @Test
    void complianceIsMetOverMetAndBreachedLeavingCancelledAndOpenClocksOut() {
        SlaFigures total = report(day(), fiveTickets()).total();
        assertThat(total.compliancePercent().getAsDouble()).isCloseTo(100.0 * 5 / 6, within(1e-9));
    }

    @Test
    void aMetClockAboveNinetyPercentOfItsGoalIsANearMiss() {
        // only B's resolution: 3h50m of 4h = 95.8%; A's resolution is at 75%, the responses at 50% or less
        assertThat(report(day(), fiveTickets()).total().nearMisses()).isEqualTo(1);
    }

    @Test
    void theNearMissShareCanBeSetAndIsExceededStrictly() {
        assertThat(report(day().nearMissPercent(70), fiveTickets()).total().nearMisses()).isEqualTo(2);
        // A's resolution took exactly 75% of its goal: not above it
        assertThat(report(day().nearMissPercent(75), fiveTickets()).total().nearMisses()).isEqualTo(1);
    }

    @Test
    void meanAndMedianElapsedAreOverTheStoppedClocks() {
        // stopped: 30m, 2h, 15m, 10m, 3h, 3h50m -> 585m / 6; median of 10, 15, 30, 120, 180, 230 is (30 + 120) / 2
        SlaFigures total = report(day(), fiveTickets()).total();
        assertThat(total.meanElapsed()).contains(m(97.5));
        assertThat(total.medianElapsed()).contains(m(75));
    }

    @Test
    void meanTimesToRespondAndResolveComeFromTheNamedTargets() {
        SlaFigures total = report(day(), fiveTickets()).total();
        // responses stopped: 30m, 2h, 15m, 10m; resolutions stopped: 3h, 3h50m; all created at T0 on 24x7
        assertThat(total.meanTimeToRespond()).contains(m(43.75));
        assertThat(total.meanWallTimeToRespond()).contains(m(43.75));
        assertThat(total.meanTimeToResolve()).contains(m(205));
        assertThat(total.meanWallTimeToResolve()).contains(m(205));
    }

    @Test
    void withoutNamedTargetsThereAreNoResponseOrResolutionTimes() {
        SlaReporter.Builder unnamed = SlaReporter.builder(ReportStories.CALENDARS).period(DAY_START, DAY_END).at(AT);
        SlaFigures total = report(unnamed, fiveTickets()).total();
        assertThat(total.meanTimeToRespond()).isEmpty();
        assertThat(total.meanWallTimeToResolve()).isEmpty();
        assertThat(total.meanElapsed()).contains(m(97.5));
    }

    @Test
    void groupingByTargetGivesEachTargetItsOwnFigures() {
        SlaReport report = report(day().groupBy(Dimension.TARGET), fiveTickets());
        assertThat(report.rows()).extracting(r -> r.labels().get(0)).containsExactly("std.resolution", "std.response");
        SlaFigures response = report.row("std.response").orElseThrow().figures();
        assertThat(List.of(response.clocks(), response.met(), response.breached(), response.cancelled(), response.open()))
                .containsExactly(5, 3, 1, 1, 0);
        assertThat(response.compliancePercent().getAsDouble()).isEqualTo(75.0);
        assertThat(response.meanElapsed()).contains(m(43.75));
        assertThat(response.medianElapsed()).contains(m(22.5));
        assertThat(response.meanTimeToRespond()).contains(m(43.75));
        assertThat(response.meanTimeToResolve()).isEmpty();
        SlaFigures resolution = report.row("std.resolution").orElseThrow().figures();
        assertThat(List.of(resolution.clocks(), resolution.met(), resolution.breached(), resolution.cancelled(),
                resolution.running(), resolution.paused(), resolution.openBreached(), resolution.nearMisses()))
                .containsExactly(5, 2, 0, 1, 1, 1, 1, 1);
        assertThat(resolution.compliancePercent().getAsDouble()).isEqualTo(100.0);
        assertThat(resolution.meanTimeToResolve()).contains(m(205));
        assertThat(resolution.meanTimeToRespond()).isEmpty();
    }

    @Test
    void groupingByPriorityUsesTheTicketsPriority() {
        SlaReport report = report(day().groupBy(Dimension.PRIORITY), fiveTickets());
        assertThat(report.rows()).extracting(r -> r.labels().get(0)).containsExactly("P1", "P2", "P3");
        SlaFigures p1 = report.row("P1").orElseThrow().figures();
        assertThat(List.of(p1.clocks(), p1.met(), p1.running(), p1.openBreached())).containsExactly(2, 1, 1, 1);
        SlaFigures p2 = report.row("P2").orElseThrow().figures();
        assertThat(List.of(p2.clocks(), p2.met(), p2.breached(), p2.nearMisses())).containsExactly(4, 3, 1, 1);
        assertThat(p2.compliancePercent().getAsDouble()).isEqualTo(75.0);
        SlaFigures p3 = report.row("P3").orElseThrow().figures();
        assertThat(List.of(p3.clocks(), p3.met(), p3.paused(), p3.cancelled())).containsExactly(4, 1, 1, 2);
    }

    @Test
    void groupingByServiceGroupAndKindLabelsMissingValuesAsNone() {
        SlaReport byService = report(day().groupBy(Dimension.SERVICE), fiveTickets());
        assertThat(byService.rows()).extracting(r -> r.labels().get(0) + "=" + r.figures().clocks())
                .containsExactly("(none)=4", "email=4", "vpn=2");
        SlaReport byGroup = report(day().groupBy(Dimension.ASSIGNMENT_GROUP), fiveTickets());
        assertThat(byGroup.rows()).extracting(r -> r.labels().get(0) + "=" + r.figures().clocks())
                .containsExactly("(none)=2", "desk=6", "network=2");
        SlaReport byKind = report(day().groupBy(Dimension.KIND), fiveTickets());
        assertThat(byKind.rows()).extracting(r -> r.labels().get(0) + "=" + r.figures().clocks())
                .containsExactly("INCIDENT=8", "SERVICE_REQUEST=2");
    }

    @Test
    void groupingByTwoDimensionsGivesOneRowPerCombinationThatHasClocks() {
        SlaReport report = report(day().groupBy(Dimension.TARGET, Dimension.PRIORITY), fiveTickets());
        assertThat(report.rows()).hasSize(6);
        SlaFigures p1Resolution = report.row("std.resolution", "P1").orElseThrow().figures();
        assertThat(List.of(p1Resolution.clocks(), p1Resolution.running(), p1Resolution.openBreached()))
                .containsExactly(1, 1, 1);
        assertThat(p1Resolution.compliancePercent()).isEmpty();
        assertThat(report.row("std.response", "P9")).isEmpty();
        assertThatThrownBy(() -> report.row("std.response")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2 labels");
    }

    @Test
    void businessTimesCountOnlyOfficeHoursWhileWallTimesCountEveryHour() {
        // created Friday 16:00, responded Monday 09:30, resolved Monday 10:00; office hours 09-17 Mon-Fri
        Instant friday = Instant.parse("2026-12-04T16:00:00Z");
        Story story = Story.open(OFFICE, 1, 2, friday)
                .to(OPEN, Instant.parse("2026-12-07T09:30:00Z")).to(RESOLVED, Instant.parse("2026-12-07T10:00:00Z"));
        SlaReporter reporter = SlaReporter.builder(ReportStories.CALENDARS)
                .period(Instant.parse("2026-12-01T00:00:00Z"), Instant.parse("2027-01-01T00:00:00Z"))
                .at(Instant.parse("2026-12-08T00:00:00Z")).responseTarget("response").resolutionTarget("resolution")
                .build();
        story.addTo(reporter);
        SlaFigures total = reporter.report().total();
        assertThat(total.meanTimeToRespond()).contains(h(1.5));
        assertThat(total.meanWallTimeToRespond()).contains(h(65.5));
        assertThat(total.meanTimeToResolve()).contains(h(2));
        assertThat(total.meanWallTimeToResolve()).contains(h(66));
        assertThat(List.of(total.met(), total.breached())).containsExactly(1, 1);
        assertThat(total.compliancePercent().getAsDouble()).isEqualTo(50.0);
    }

    @Test
    void anOpenClockIsEvaluatedAsOfTheReportInstantOnItsCalendar() {
        // saved on Friday 16:00 with nothing elapsed; by Monday 09:30, 1h30m of office time has passed
        Story story = Story.open(OFFICE, 1, 2, Instant.parse("2026-12-04T16:00:00Z"));
        assertThat(story.clocks()).allSatisfy(c -> assertThat(c.elapsed()).isZero());
        SlaReporter reporter = SlaReporter.builder(ReportStories.CALENDARS)
                .period(Instant.parse("2026-12-01T00:00:00Z"), Instant.parse("2027-01-01T00:00:00Z"))
                .at(Instant.parse("2026-12-07T09:30:00Z")).groupBy(Dimension.TARGET).build();
        story.addTo(reporter);
        SlaReport report = reporter.report();
        // the response goal (1h) is passed, the resolution goal (4h) is not
        assertThat(report.row("std.response").orElseThrow().figures().openBreached()).isEqualTo(1);
        assertThat(report.row("std.resolution").orElseThrow().figures().openBreached()).isZero();
        assertThat(report.total().running()).isEqualTo(2);
    }

    @Test
    void stoppedClocksCountInThePeriodInWhichTheyStoppedAndOpenOnesOnlyWhenTheReportInstantIsInIt() {
        Instant dec2 = Instant.parse("2026-12-02T00:00:00Z");
        Instant noon = Instant.parse("2026-12-02T12:00:00Z");
        Story resolvedDec1 = Story.open(ALWAYS, 1, 2, Instant.parse("2026-12-01T09:00:00Z"))
                .to(RESOLVED, Instant.parse("2026-12-01T10:00:00Z"));
        Story openSinceDec1 = Story.open(ALWAYS, 2, 2, Instant.parse("2026-12-01T20:00:00Z"));
        List<Story> stories = List.of(resolvedDec1, openSinceDec1);
        SlaFigures dec2Figures = report(SlaReporter.builder(ReportStories.CALENDARS).period(dec2, dec2.plus(h(24)))
                .at(noon), stories).total();
        assertThat(List.of(dec2Figures.clocks(), dec2Figures.running(), dec2Figures.openBreached()))
                .containsExactly(2, 2, 2);
        SlaFigures dec1Figures = report(SlaReporter.builder(ReportStories.CALENDARS).period(DAY_START, dec2)
                .at(noon), stories).total();
        assertThat(List.of(dec1Figures.clocks(), dec1Figures.met(), dec1Figures.open())).containsExactly(2, 2, 0);
    }

    @Test
    void aClockThatChangedAfterTheReportInstantCountsAsItStoodThen() {
        Instant at = Instant.parse("2026-12-02T12:00:00Z");
        Story later = Story.open(ALWAYS, 1, 2, Instant.parse("2026-12-02T09:00:00Z"))
                .to(OPEN, Instant.parse("2026-12-02T09:20:00Z"))
                .to(PENDING, Instant.parse("2026-12-02T11:00:00Z"))
                .to(OPEN, Instant.parse("2026-12-02T13:00:00Z"))
                .to(RESOLVED, Instant.parse("2026-12-02T14:00:00Z"));
        Story notYetOpened = Story.open(ALWAYS, 2, 2, Instant.parse("2026-12-02T13:00:00Z"));
        SlaFigures total = report(SlaReporter.builder(ReportStories.CALENDARS).period(DAY_END, DAY_END.plus(h(24))).at(at),
                List.of(later, notYetOpened)).total();
        // the response stopped at 09:20; at noon the resolution clock was paused (since 11:00), not yet resolved
        assertThat(List.of(total.clocks(), total.met(), total.paused(), total.running())).containsExactly(2, 1, 1, 0);
        assertThat(total.meanElapsed()).contains(m(20));
    }

    @Test
    void periodBucketsAreLocalDaysWeeksAndMonthsOfTheZone() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        List<Story> stories = new ArrayList<>();
        int number = 1;
        // Berlin is UTC+1 in winter: Dec 1 23:30, Dec 2 00:30, and Jan 1 2027 00:30 (ISO week 53 of 2026)
        for (String resolved : List.of("2026-12-01T22:30:00Z", "2026-12-01T23:30:00Z", "2026-12-31T23:30:00Z")) {
            Instant at = Instant.parse(resolved);
            stories.add(Story.open(ALWAYS, number++, 2, at.minus(h(1))).to(RESOLVED, at));
        }
        SlaReporter.Builder builder = SlaReporter.builder(ReportStories.CALENDARS)
                .period(Instant.parse("2026-11-01T00:00:00Z"), Instant.parse("2027-02-01T00:00:00Z"))
                .at(Instant.parse("2027-02-01T00:00:00Z")).groupBy(Dimension.PERIOD);
        assertThat(report(builder.buckets(Bucket.DAY, berlin), stories).rows())
                .extracting(r -> r.labels().get(0) + "=" + r.figures().clocks())
                .containsExactly("2026-12-01=2", "2026-12-02=2", "2027-01-01=2");
        assertThat(report(builder.buckets(Bucket.WEEK, berlin), stories).rows())
                .extracting(r -> r.labels().get(0) + "=" + r.figures().clocks())
                .containsExactly("2026-W49=4", "2026-W53=2");
        assertThat(report(builder.buckets(Bucket.MONTH, berlin), stories).rows())
                .extracting(r -> r.labels().get(0) + "=" + r.figures().clocks())
                .containsExactly("2026-12=4", "2027-01=2");
        assertThat(report(builder.buckets(Bucket.DAY, ZoneId.of("UTC")), stories).rows())
                .extracting(r -> r.labels().get(0)).containsExactly("2026-12-01", "2026-12-31");
    }

    @Test
    void aClockThatNeverStartedIsNotCounted() {
        Story story = Story.open(ALWAYS, 1, 2, T0);
        SlaClockSnapshot notStarted = SlaClockSnapshot.builder(ACME, story.ticket().id(), "fix").policy("later", 1)
                .calendar(BusinessCalendars.ALWAYS).goal(h(1)).elapsed(Duration.ZERO, T0).build();
        List<SlaClockSnapshot> clocks = new ArrayList<>(story.clocks());
        clocks.add(notStarted);
        SlaReporter reporter = day().build();
        reporter.add(story.ticket(), clocks);
        assertThat(reporter.report().total().clocks()).isEqualTo(2);
    }

    @Test
    void anEmptyReportHasZeroCountsAndNoComplianceOrTimes() {
        SlaReport report = day().groupBy(Dimension.TARGET).build().report();
        assertThat(report.rows()).isEmpty();
        assertThat(report.total().clocks()).isZero();
        assertThat(report.total().compliancePercent()).isEmpty();
        assertThat(report.total().meanElapsed()).isEmpty();
        assertThat(report.total().medianElapsed()).isEmpty();
    }

    @Test
    void theReportRendersAsATableWithOneLinePerGroupAndATotal() {
        SlaReport report = report(day().groupBy(Dimension.TARGET), fiveTickets());
        String text = report.render();
        List<String> lines = text.lines().toList();
        assertThat(lines).hasSize(7);
        assertThat(lines.get(0)).contains(DAY_START.toString(), AT.toString(), "90%");
        assertThat(lines.get(1)).startsWith("target").contains("compliance", "near misses", "respond wall");
        assertThat(lines.get(3)).startsWith("std.resolution").contains("100.0%", "3h25m");
        assertThat(lines.get(4)).startsWith("std.response").contains("75.0%", "0h43m45s", "0h22m30s");
        assertThat(lines.get(6)).startsWith("TOTAL").contains("83.3%", "1h37m30s", "1h15m");
        int column = lines.get(1).indexOf('|');
        assertThat(lines.subList(1, 7)).allSatisfy(l -> assertThat(l.replace('+', '|').indexOf('|')).isEqualTo(column));
        assertThat(report.toString()).isEqualTo(text);
        assertThat(SlaReport.duration(Optional.empty())).isEqualTo("-");
    }

    @Test
    void aReportWithoutDimensionsRendersOnlyTheTotal() {
        List<String> lines = report(day(), fiveTickets()).render().lines().toList();
        assertThat(lines).hasSize(5);
        assertThat(lines.get(4)).startsWith("TOTAL").contains("83.3%");
    }

    @Test
    void anEmptyOrBackwardPeriodIsRefused() {
        assertThatThrownBy(() -> SlaReporter.builder(ReportStories.CALENDARS).period(T0, T0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty");
        assertThatThrownBy(() -> SlaReporter.builder(ReportStories.CALENDARS).period(T0, T0.minus(h(1))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must end after it starts");
    }

    @Test
    void aReportInstantBeforeThePeriodOrAMissingPeriodIsRefused() {
        assertThatThrownBy(() -> SlaReporter.builder(ReportStories.CALENDARS).period(DAY_START, DAY_END)
                .at(DAY_START.minusSeconds(1)).build()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("before the period starts");
        assertThatThrownBy(() -> SlaReporter.builder(ReportStories.CALENDARS).at(AT).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("needs a period");
    }

    @Test
    void aClockOfAnotherTicketIsRefused() {
        List<Story> stories = fiveTickets();
        SlaReporter reporter = day().build();
        assertThatThrownBy(() -> reporter.add(stories.get(0).ticket(), stories.get(1).clocks()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("t-2").hasMessageContaining("t-1")
                .hasMessageContaining("its own clocks");
    }

    @Test
    void aTicketAddedTwiceOrAClockGivenTwiceIsRefused() {
        Story story = fiveTickets().get(0);
        SlaReporter reporter = day().build();
        story.addTo(reporter);
        assertThatThrownBy(() -> story.addTo(reporter)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("added before");
        List<SlaClockSnapshot> twice = new ArrayList<>(story.clocks());
        twice.add(story.clocks().get(0));
        assertThatThrownBy(() -> day().build().add(story.ticket(), twice)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("given twice");
    }

    @Test
    void anUnknownTargetNameIsRefusedListingTheTargetsThereAre() {
        SlaReporter reporter = SlaReporter.builder(ReportStories.CALENDARS).period(DAY_START, DAY_END).at(AT)
                .responseTarget("reply").build();
        fiveTickets().forEach(s -> s.addTo(reporter));
        assertThatThrownBy(reporter::report).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'reply'").hasMessageContaining("[resolution, response]");
        assertThatThrownBy(() -> SlaReporter.builder(ReportStories.CALENDARS).resolutionTarget("no way"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aClockOnACalendarTheReporterDoesNotKnowIsRefused() {
        Story story = Story.open(OFFICE, 1, 2, T0);
        SlaReporter reporter = SlaReporter.builder(BusinessCalendars.onlyAlways()).period(DAY_START, DAY_END).at(AT).build();
        assertThatThrownBy(() -> story.addTo(reporter)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'office'");
    }

    @Test
    void nonsensicalGroupingsAndNearMissSharesAreRefused() {
        SlaReporter.Builder builder = day();
        assertThatThrownBy(() -> builder.nearMissPercent(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("got 0");
        assertThatThrownBy(() -> builder.nearMissPercent(100)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.groupBy(Dimension.TARGET, Dimension.TARGET))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most once");
        assertThatThrownBy(() -> day().groupBy(Dimension.PERIOD).build()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("needs buckets");
        assertThatThrownBy(() -> day().buckets(Bucket.DAY, ZoneId.of("UTC")).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not by PERIOD");
    }

    @Test
    void aReportCarriesItsConfiguration() {
        SlaReport report = day().groupBy(Dimension.KIND, Dimension.PERIOD).buckets(Bucket.WEEK, ZoneId.of("Europe/Berlin"))
                .nearMissPercent(80).build().report();
        assertThat(report.period()).isEqualTo(new TimeWindow(DAY_START, DAY_END));
        assertThat(report.at()).isEqualTo(AT);
        assertThat(report.dimensions()).containsExactly(Dimension.KIND, Dimension.PERIOD);
        assertThat(report.bucket()).contains(Bucket.WEEK);
        assertThat(report.zone()).isEqualTo(ZoneId.of("Europe/Berlin"));
        assertThat(report.nearMissPercent()).isEqualTo(80);
    }
}
