package dev.itsmkit.jackson.internal;

import static dev.itsmkit.jackson.internal.CoreCodecs.TENANT_ID;
import static dev.itsmkit.jackson.internal.CoreCodecs.TICKET_ID;

import dev.itsmkit.core.timing.ClockStatus;
import dev.itsmkit.core.timing.DueTimer;
import dev.itsmkit.core.timing.Pause;
import dev.itsmkit.core.timing.SlaClockSnapshot;
import dev.itsmkit.core.timing.ThresholdCrossing;
import dev.itsmkit.core.timing.TimerId;
import java.util.List;

/** Codecs of SLA clocks and due timers. */
final class TimingCodecs {
    private TimingCodecs() {}

    static final Codec<TimerId> TIMER_ID = Scalars.text(TimerId.class,
            "a timer id: 1 to 128 letters, digits and . _ : @ - (not first)", TimerId::new, TimerId::value);
    static final Codec<ClockStatus> CLOCK_STATUS = Scalars.enumeration(ClockStatus.class, "clock status");

    static final ObjectCodec<Pause> PAUSE = ObjectCodec.of(Pause.class, "a pause", List.of("from", "until"),
            (out, p) -> {
                out.value("from", Scalars.INSTANT, p.from());
                out.optional("until", Scalars.INSTANT, p.until());
            },
            in -> new Pause(in.get("from", Scalars.INSTANT), in.optional("until", Scalars.INSTANT)));

    static final ObjectCodec<ThresholdCrossing> THRESHOLD_CROSSING = ObjectCodec.of(ThresholdCrossing.class,
            "a threshold crossing", List.of("percent", "at"),
            (out, c) -> {
                out.integer("percent", c.percent());
                out.value("at", Scalars.INSTANT, c.at());
            },
            in -> new ThresholdCrossing(in.integer("percent"), in.get("at", Scalars.INSTANT)));

    static final ObjectCodec<DueTimer> DUE_TIMER = ObjectCodec.of(DueTimer.class, "a due timer",
            List.of("id", "tenant", "ticket", "target", "cycle", "percent", "dueAt"),
            (out, t) -> {
                out.value("id", TIMER_ID, t.id());
                out.value("tenant", TENANT_ID, t.tenant());
                out.value("ticket", TICKET_ID, t.ticket());
                out.string("target", t.target());
                out.integer("cycle", t.cycle());
                out.integer("percent", t.percent());
                out.value("dueAt", Scalars.INSTANT, t.dueAt());
            },
            in -> new DueTimer(in.get("id", TIMER_ID), in.get("tenant", TENANT_ID), in.get("ticket", TICKET_ID),
                    in.string("target"), in.integer("cycle"), in.integer("percent"), in.get("dueAt", Scalars.INSTANT)));

    static final ObjectCodec<SlaClockSnapshot> SLA_CLOCK = ObjectCodec.of(SlaClockSnapshot.class,
            "an SLA clock snapshot",
            List.of("tenant", "ticket", "target", "policy", "policyVersion", "calendar", "cycle", "status", "goal",
                    "elapsed", "asOf", "startedAt", "stoppedAt", "pauses", "deadline", "breachedAt", "warnings"),
            (out, c) -> {
                out.value("tenant", TENANT_ID, c.tenant());
                out.value("ticket", TICKET_ID, c.ticket());
                out.string("target", c.target());
                out.string("policy", c.policy());
                out.integer("policyVersion", c.policyVersion());
                out.string("calendar", c.calendar());
                out.integer("cycle", c.cycle());
                out.value("status", CLOCK_STATUS, c.status());
                out.value("goal", Scalars.DURATION, c.goal());
                out.value("elapsed", Scalars.DURATION, c.elapsed());
                out.value("asOf", Scalars.INSTANT, c.asOf());
                out.optional("startedAt", Scalars.INSTANT, c.startedAt());
                out.optional("stoppedAt", Scalars.INSTANT, c.stoppedAt());
                out.list("pauses", PAUSE, c.pauses());
                out.optional("deadline", Scalars.INSTANT, c.deadline());
                out.optional("breachedAt", Scalars.INSTANT, c.breachedAt());
                out.list("warnings", THRESHOLD_CROSSING, c.warnings());
            },
            in -> SlaClockSnapshot.builder(in.get("tenant", TENANT_ID), in.get("ticket", TICKET_ID),
                            in.string("target"))
                    .policy(in.string("policy"), in.integer("policyVersion"))
                    .calendar(in.string("calendar"))
                    .cycle(in.integer("cycle"))
                    .status(in.get("status", CLOCK_STATUS))
                    .goal(in.get("goal", Scalars.DURATION))
                    .elapsed(in.get("elapsed", Scalars.DURATION), in.get("asOf", Scalars.INSTANT))
                    .startedAt(in.optional("startedAt", Scalars.INSTANT))
                    .stoppedAt(in.optional("stoppedAt", Scalars.INSTANT))
                    .pauses(in.list("pauses", PAUSE))
                    .deadline(in.optional("deadline", Scalars.INSTANT))
                    .breachedAt(in.optional("breachedAt", Scalars.INSTANT))
                    .warnings(in.list("warnings", THRESHOLD_CROSSING))
                    .build());
}
