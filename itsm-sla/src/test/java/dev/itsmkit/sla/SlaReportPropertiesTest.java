package dev.itsmkit.sla;

import static dev.itsmkit.sla.ReportStories.CANCELLED;
import static dev.itsmkit.sla.ReportStories.NEW;
import static dev.itsmkit.sla.ReportStories.OPEN;
import static dev.itsmkit.sla.ReportStories.PENDING;
import static dev.itsmkit.sla.ReportStories.RESOLVED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.itsmkit.core.Priority;
import dev.itsmkit.core.TicketKind;
import dev.itsmkit.core.TicketState;
import dev.itsmkit.core.timing.SlaClockSnapshot;
import dev.itsmkit.sla.ReportStories.Story;
import dev.itsmkit.sla.SlaReport.Bucket;
import dev.itsmkit.sla.SlaReport.Dimension;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.ToIntFunction;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * Invariants of SLA reports over random tickets lived through the SLA engine on a 24x7 and an office
 * calendar, reported over random periods at random instants.
 */
class SlaReportPropertiesTest {
    private static final Instant BASE = Instant.parse("2026-11-30T06:00:00Z");
    private static final SlaEngine ALWAYS = ReportStories.engine(BusinessCalendars.ALWAYS);
    private static final SlaEngine OFFICE = ReportStories.engine("office");
    private static final List<TicketState> STATES = List.of(NEW, OPEN, PENDING, RESOLVED, CANCELLED);
    private static final List<ToIntFunction<SlaFigures>> COUNTS = List.of(SlaFigures::clocks, SlaFigures::met,
            SlaFigures::breached, SlaFigures::cancelled, SlaFigures::running, SlaFigures::paused,
            SlaFigures::openBreached, SlaFigures::nearMisses);

    /** A ticket's life drawn from a seed: kind, priority, service, group, calendar and up to six changes. */
    private static Story story(int number, int seed) {
        Random random = new Random(seed);
        SlaEngine engine = random.nextBoolean() ? ALWAYS : OFFICE;
        Instant at = BASE.plus(Duration.ofMinutes(random.nextInt(72 * 60)));
        Story story = Story.open(engine, number, TicketKind.values()[random.nextInt(TicketKind.values().length)], 1 + random.nextInt(3),
                pick(random, "email", "vpn"), pick(random, "desk", "network"), at);
        int changes = random.nextInt(7);
        for (int i = 0; i < changes; i++) {
            at = at.plus(Duration.ofMinutes(random.nextInt(8 * 60)));
            if (random.nextInt(5) == 0) {
                story = story.reprioritize(Priority.of(1 + random.nextInt(3)), at);
            } else {
                story = story.to(STATES.get(random.nextInt(STATES.size())), at);
            }
        }
        return story;
    }

    private static Optional<String> pick(Random random, String first, String second) {
        return switch (random.nextInt(3)) {
            case 0 -> Optional.empty();
            case 1 -> Optional.of(first);
            default -> Optional.of(second);
        };
    }

    /** Tickets, a period (start and length in hours from BASE) and a report instant (hours after the start). */
    private record Case(List<Story> stories, Instant from, Instant to, Instant at) {}

    private static Gen<Case> cases() {
        return lists().of(integers().all()).ofSizeBetween(0, 12)
                .zip(integers().between(0, 72), integers().between(1, 120), integers().between(0, 150),
                        (seeds, start, length, at) -> {
                            List<Story> stories = new ArrayList<>();
                            for (int i = 0; i < seeds.size(); i++) {
                                stories.add(story(i + 1, seeds.get(i)));
                            }
                            Instant from = BASE.plus(Duration.ofHours(start));
                            return new Case(stories, from, from.plus(Duration.ofHours(length)),
                                    from.plus(Duration.ofHours(at)));
                        });
    }

    private static SlaReport report(Case c, Dimension... dimensions) {
        SlaReporter.Builder builder = SlaReporter.builder(ReportStories.CALENDARS).period(c.from(), c.to()).at(c.at())
                .groupBy(dimensions).responseTarget("response").resolutionTarget("resolution")
                .policies(List.of(ReportStories.standard(BusinessCalendars.ALWAYS)));
        if (List.of(dimensions).contains(Dimension.PERIOD)) {
            builder.buckets(Bucket.DAY, ZoneId.of("Europe/Berlin"));
        }
        SlaReporter reporter = builder.build();
        c.stories().forEach(s -> s.addTo(reporter));
        return reporter.report();
    }

    /* The clocks that count, by the rule stated in SlaReporter, counted from the snapshots directly. */
    private static int expectedCount(Case c) {
        int count = 0;
        for (Story story : c.stories()) {
            for (SlaClockSnapshot clock : story.clocks()) {
                Optional<Instant> started = clock.startedAt();
                if (started.isEmpty() || started.get().isAfter(c.at())) {
                    continue;
                }
                Instant countsAt = clock.stoppedAt().filter(s -> !s.isAfter(c.at())).orElse(c.at());
                if (!countsAt.isBefore(c.from()) && countsAt.isBefore(c.to())) {
                    count++;
                }
            }
        }
        return count;
    }

    @Test
    void everyClockCountedIsMetBreachedCancelledOrOpen() {
        qt().withExamples(60).forAll(cases()).checkAssert(c -> {
            SlaFigures total = report(c).total();
            assertThat(total.clocks()).isEqualTo(expectedCount(c));
            assertThat(total.met() + total.breached() + total.cancelled() + total.open()).isEqualTo(total.clocks());
            assertThat(total.openBreached()).isBetween(0, total.open());
            assertThat(total.nearMisses()).isBetween(0, total.met());
        });
    }

    @Test
    void complianceIsAPercentageAndAHundredWhenNothingBreached() {
        qt().withExamples(60).forAll(cases()).checkAssert(c -> {
            SlaReport report = report(c, Dimension.TARGET);
            List<SlaFigures> figures = new ArrayList<>();
            figures.add(report.total());
            report.rows().forEach(r -> figures.add(r.figures()));
            for (SlaFigures f : figures) {
                assertThat(f.compliancePercent().isPresent()).isEqualTo(f.met() + f.breached() > 0);
                f.compliancePercent().ifPresent(p -> assertThat(p).isBetween(0.0, 100.0));
                if (f.breached() == 0 && f.met() > 0) {
                    assertThat(f.compliancePercent().getAsDouble()).isEqualTo(100.0);
                }
                if (f.met() == 0 && f.breached() > 0) {
                    assertThat(f.compliancePercent().getAsDouble()).isZero();
                }
            }
        });
    }

    @Test
    void summingTheGroupsOfAnyDimensionGivesTheTotals() {
        qt().withExamples(40).forAll(cases()).checkAssert(c -> {
            SlaFigures total = report(c).total();
            for (Dimension dimension : Dimension.values()) {
                SlaReport grouped = report(c, dimension);
                for (ToIntFunction<SlaFigures> count : COUNTS) {
                    int sum = grouped.rows().stream().mapToInt(r -> count.applyAsInt(r.figures())).sum();
                    assertThat(sum).as("%s summed over %s", count, dimension).isEqualTo(count.applyAsInt(total));
                }
                assertThat(grouped.rows()).allSatisfy(r -> assertThat(r.figures().clocks()).isPositive());
            }
        });
    }

    @Test
    void theMeanElapsedTimeOfTheTotalIsTheWeightedMeanOfTheTargetGroups() {
        qt().withExamples(40).forAll(cases()).checkAssert(c -> {
            SlaFigures total = report(c).total();
            SlaReport byTarget = report(c, Dimension.TARGET);
            Duration weighted = Duration.ZERO;
            for (SlaReport.Row row : byTarget.rows()) {
                SlaFigures f = row.figures();
                weighted = weighted.plus(f.meanElapsed().orElse(Duration.ZERO).multipliedBy(f.met() + f.breached()));
            }
            int stopped = total.met() + total.breached();
            assertThat(total.meanElapsed().isPresent()).isEqualTo(stopped > 0);
            if (stopped > 0) {
                // each group's mean is rounded down to the nanosecond, so the sum may fall short by a few
                Duration difference = total.meanElapsed().get().multipliedBy(stopped).minus(weighted).abs();
                assertThat(difference).isLessThanOrEqualTo(Duration.ofNanos(2L * stopped));
                assertThat(total.medianElapsed()).isPresent();
            }
        });
    }

    @Test
    void theOrderInWhichTicketsAreAddedDoesNotMatter() {
        qt().withExamples(30).forAll(cases(), integers().all()).checkAssert((c, seed) -> {
            List<Story> shuffled = new ArrayList<>(c.stories());
            Collections.shuffle(shuffled, new Random(seed));
            Case reordered = new Case(shuffled, c.from(), c.to(), c.at());
            Dimension[] all = Dimension.values();
            assertThat(report(reordered, all).render()).isEqualTo(report(c, all).render());
        });
    }
}
