/**
 * ITSM Kit SLA: business calendars, SLA policies, SLA clocks and the timer engine.
 */
module dev.itsmkit.sla {
    requires transitive dev.itsmkit.core;
    requires static org.jspecify;
    requires org.slf4j;

    exports dev.itsmkit.sla;
}
