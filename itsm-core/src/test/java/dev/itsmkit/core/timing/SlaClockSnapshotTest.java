package dev.itsmkit.core.timing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.quicktheories.QuickTheory.qt;

import dev.itsmkit.core.TenantId;
import dev.itsmkit.core.TicketId;
import dev.itsmkit.core.ValidationException;
import dev.itsmkit.core.Violation;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.SourceDSL;

class SlaClockSnapshotTest {
    private static final TenantId TENANT = TenantId.of("acme");
    private static final TicketId TICKET = TicketId.of("INC-1");

    /** Instants near the epoch, at the edges of what nanoseconds in a long can say, and far beyond. */
    private static Gen<Instant> instants() {
        Gen<Long> seconds = SourceDSL.longs().between(-20_000_000_000L, 20_000_000_000L)
                .mix(SourceDSL.longs().between(-9_223_372_037L, -9_223_372_034L), 20)
                .mix(SourceDSL.longs().between(9_223_372_034L, 9_223_372_037L), 20)
                .mix(SourceDSL.longs().between(Instant.MIN.getEpochSecond(), Instant.MAX.getEpochSecond()), 10);
        return seconds.zip(SourceDSL.integers().between(0, 999_999_999), Instant::ofEpochSecond);
    }

    private static Gen<Duration> durations() {
        return instants().map(i -> Duration.ofSeconds(Math.abs(i.getEpochSecond()), i.getNano()));
    }

    private static Gen<Integer> counts() {
        return SourceDSL.integers().between(1, 40_000).mix(SourceDSL.integers().between(1, Integer.MAX_VALUE), 20);
    }

    private record Values(Instant asOf, Instant started, Duration elapsed, int version, int cycle, boolean deadline,
            boolean stopped) {}

    private static Gen<Values> values() {
        return instants().zip(instants(), durations(), counts(), (a, s, e, v) -> new Values(a, s, e, v, 1, false, false))
                .zip(counts(), SourceDSL.booleans().all(), SourceDSL.booleans().all(),
                        (v, cycle, deadline, stopped) -> new Values(v.asOf(), v.started(), v.elapsed(), v.version(), cycle,
                                deadline, stopped));
    }

    private static SlaClockSnapshot build(Values v) {
        return SlaClockSnapshot.builder(TENANT, TICKET, "resolution").policy("standard", v.version()).calendar("office")
                .cycle(v.cycle()).status(v.stopped() ? ClockStatus.MET : ClockStatus.RUNNING)
                .goal(Duration.ofHours(8)).elapsed(v.elapsed(), v.asOf()).startedAt(Optional.of(v.started()))
                .stoppedAt(v.stopped() ? Optional.of(v.asOf()) : Optional.empty())
                .deadline(v.deadline() && !v.stopped() ? Optional.of(v.started()) : Optional.empty())
                .build();
    }

    @Test
    void aSnapshotGivesBackExactlyTheValuesItWasBuiltWithAtAnyInstantAndSize() {
        qt().forAll(values()).checkAssert(v -> {
            SlaClockSnapshot clock = build(v);
            assertThat(clock.asOf()).isEqualTo(v.asOf());
            assertThat(clock.startedAt()).contains(v.started());
            assertThat(clock.elapsed()).isEqualTo(v.elapsed());
            assertThat(clock.remaining()).isEqualTo(Duration.ofHours(8).minus(v.elapsed()));
            assertThat(clock.policyVersion()).isEqualTo(v.version());
            assertThat(clock.cycle()).isEqualTo(v.cycle());
            assertThat(clock.status()).isEqualTo(v.stopped() ? ClockStatus.MET : ClockStatus.RUNNING);
            assertThat(clock.stoppedAt()).isEqualTo(v.stopped() ? Optional.of(v.asOf()) : Optional.empty());
            assertThat(clock.hasStopped()).isEqualTo(v.stopped());
            assertThat(clock.deadline()).isEqualTo(v.deadline() && !v.stopped()
                    ? Optional.of(v.started()) : Optional.empty());
            assertThat(clock.breachedAt()).isEmpty();
            assertThat(clock.pauses()).isEmpty();
            assertThat(clock.warnings()).isEmpty();
        });
    }

    @Test
    void snapshotsOfEqualValuesAreEqualAndOfDifferentValuesAreNot() {
        qt().forAll(values(), values()).checkAssert((a, b) -> {
            SlaClockSnapshot first = build(a);
            assertThat(build(a)).isEqualTo(first).hasSameHashCodeAs(first);
            assertThat(first.toBuilder().build()).isEqualTo(first).hasSameHashCodeAs(first);
            assertThat(build(b).equals(first)).isEqualTo(a.equals(b));
        });
    }

    @Test
    void pausesWarningsAndBreachAreKeptBesideThePackedValues() {
        Instant start = Instant.parse("2026-12-01T08:00:00Z");
        List<Pause> pauses = List.of(new Pause(start.plusSeconds(60), Optional.of(start.plusSeconds(120))),
                new Pause(start.plusSeconds(300), Optional.empty()));
        List<ThresholdCrossing> warnings = List.of(new ThresholdCrossing(75, start.plusSeconds(200)));
        SlaClockSnapshot clock = SlaClockSnapshot.builder(TENANT, TICKET, "resolution").policy("standard", 3)
                .calendar("office").cycle(2).status(ClockStatus.BREACHED).goal(Duration.ofMinutes(4))
                .elapsed(Duration.ofMinutes(5), start.plusSeconds(400)).startedAt(Optional.of(start))
                .pauses(pauses).warnings(warnings).breachedAt(Optional.of(start.plusSeconds(240)))
                .deadline(Optional.of(start.plusSeconds(240))).build();
        assertThat(clock.pauses()).isEqualTo(pauses);
        assertThat(clock.warnings()).isEqualTo(warnings);
        assertThat(clock.breachedAt()).contains(start.plusSeconds(240));
        assertThat(clock.deadline()).contains(start.plusSeconds(240));
        assertThat(clock.cycle()).isEqualTo(2);
        assertThat(clock.policyVersion()).isEqualTo(3);
        assertThat(clock.toBuilder().pauses(List.of()).build()).isNotEqualTo(clock);
        assertThat(clock.toBuilder().build()).isEqualTo(clock);
        assertThat(clock.toString()).isEqualTo("INC-1/resolution#2 BREACHED PT5M of PT4M due 2026-12-01T08:04:00Z");
    }

    @Test
    void aStopIsGivenBackBesideADeadlineABreachOrNothingElseAndACopyKeepsIt() {
        Instant start = Instant.parse("2026-12-01T08:00:00Z");
        Instant stop = start.plusSeconds(90);
        SlaClockSnapshot.Builder running = SlaClockSnapshot.builder(TENANT, TICKET, "resolution").policy("standard", 1)
                .calendar("office").status(ClockStatus.RUNNING).goal(Duration.ofHours(1))
                .elapsed(Duration.ofSeconds(90), stop).startedAt(Optional.of(start));
        SlaClockSnapshot stopped = running.status(ClockStatus.MET).stoppedAt(Optional.of(stop)).build();
        SlaClockSnapshot stoppedWithDeadline = running.status(ClockStatus.RUNNING).deadline(Optional.of(start.plusSeconds(3600)))
                .build();
        SlaClockSnapshot breachedAndStopped = running.status(ClockStatus.BREACHED).deadline(Optional.empty())
                .breachedAt(Optional.of(start.plusSeconds(60))).build();
        assertThat(stopped.stoppedAt()).contains(stop);
        assertThat(stopped.deadline()).isEmpty();
        assertThat(stoppedWithDeadline.stoppedAt()).contains(stop);
        assertThat(stoppedWithDeadline.deadline()).contains(start.plusSeconds(3600));
        assertThat(breachedAndStopped.stoppedAt()).contains(stop);
        assertThat(breachedAndStopped.breachedAt()).contains(start.plusSeconds(60));
        for (SlaClockSnapshot clock : List.of(stopped, stoppedWithDeadline, breachedAndStopped)) {
            assertThat(clock.hasStopped()).isTrue();
            assertThat(clock.toBuilder().build()).isEqualTo(clock).hasSameHashCodeAs(clock);
        }
        assertThat(stopped).isNotEqualTo(stoppedWithDeadline).isNotEqualTo(stopped.toBuilder().stoppedAt(Optional.of(start)).build());
        // a copy of a stopped clock running again, with a deadline, is the clock built so
        SlaClockSnapshot resumed = stopped.toBuilder().status(ClockStatus.RUNNING).stoppedAt(Optional.empty())
                .deadline(Optional.of(stop)).build();
        assertThat(resumed).isEqualTo(running.status(ClockStatus.RUNNING).breachedAt(Optional.empty()).stoppedAt(Optional.empty())
                .deadline(Optional.of(stop)).build());
        assertThat(resumed.stoppedAt()).isEmpty();
        assertThat(resumed.hasStopped()).isFalse();
        assertThat(resumed.deadline()).contains(stop);
    }

    @Test
    void aCopyGivenNewValuesIsTheSnapshotBuiltFromThoseValues() {
        // the builder of a copy holds the packed values of its snapshot; every value set on it replaces them
        qt().forAll(values(), values()).checkAssert((a, b) -> {
            SlaClockSnapshot copy = build(a).toBuilder().policy("standard", b.version()).cycle(b.cycle())
                    .status(b.stopped() ? ClockStatus.MET : ClockStatus.RUNNING).elapsed(b.elapsed(), b.asOf())
                    .startedAt(Optional.of(b.started())).stoppedAt(b.stopped() ? Optional.of(b.asOf()) : Optional.empty())
                    .deadline(b.deadline() && !b.stopped() ? Optional.of(b.started()) : Optional.empty())
                    .build();
            assertThat(copy).isEqualTo(build(b)).hasSameHashCodeAs(build(b));
            assertThat(copy.asOf()).isEqualTo(b.asOf());
            assertThat(copy.elapsed()).isEqualTo(b.elapsed());
            assertThat(copy.startedAt()).contains(b.started());
        });
    }

    @Test
    void aCopyIsRefusedForWhatAFreshBuilderIsRefusedFor() {
        SlaClockSnapshot running = build(new Values(Instant.parse("2026-12-01T09:00:00Z"), Instant.parse("2026-12-01T08:00:00Z"),
                Duration.ofHours(1), 1, 1, true, false));
        assertThat(violations(running.toBuilder().policy("no spaces", 1)))
                .containsExactly(new Violation("policy", "no spaces", violations(SlaClockSnapshot.builder(TENANT, TICKET, "resolution")
                        .policy("no spaces", 1)).get(0).message()));
        assertThat(violations(running.toBuilder().calendar("")).get(0).path()).isEqualTo("calendar");
        assertThat(violations(running.toBuilder().startedAt(Optional.empty())))
                .containsExactly(new Violation("startedAt", "", "is required once the clock has started"));
        assertThat(violations(running.toBuilder().status(ClockStatus.NOT_STARTED).elapsed(Duration.ofHours(1), running.asOf())
                .startedAt(Optional.empty()).deadline(Optional.empty())))
                .containsExactly(new Violation("elapsed", "PT1H", "must be zero before the clock starts"));
        assertThat(violations(running.toBuilder().elapsed(Duration.ofHours(-1), running.asOf())))
                .containsExactly(new Violation("elapsed", "PT-1H", "must not be negative"));
        assertThat(violations(running.toBuilder().status(ClockStatus.PAUSED)))
                .containsExactly(new Violation("deadline", "2026-12-01T08:00:00Z", "is only present on a running clock"));
        assertThat(violations(running.toBuilder().status(ClockStatus.MET).deadline(Optional.empty())))
                .containsExactly(new Violation("stoppedAt", "", "is required when the clock is MET"));
        assertThat(violations(SlaClockSnapshot.builder(TENANT, TICKET, "resolution").policy("standard", 1).calendar("office")
                .goal(Duration.ofHours(8))))
                .containsExactly(new Violation("asOf", "", "is required"));
    }

    private static List<Violation> violations(SlaClockSnapshot.Builder builder) {
        return assertThatExceptionOfType(ValidationException.class).isThrownBy(builder::build).actual().violations();
    }
}
