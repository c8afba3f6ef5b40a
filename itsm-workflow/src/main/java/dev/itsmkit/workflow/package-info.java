/**
 * The engine an application embeds, and the lifecycles it runs.
 *
 * <h2>Embedding the engine</h2>
 * {@link dev.itsmkit.workflow.ServiceDesk} is the one entry point: every command of
 * {@code dev.itsmkit.core.command} goes through {@link dev.itsmkit.workflow.ServiceDesk#execute},
 * and SLA warnings and breaches through {@link dev.itsmkit.workflow.ServiceDesk#fireDue()}.
 *
 * <pre>{@code
 * // 1. Build the desk once; share it between threads. Every setting has a default.
 * ServiceDesk desk = ServiceDesk.builder()
 *         .stores(stores)                                  // in-memory unless set
 *         .clock(clock)                                    // a virtual clock in tests
 *         .authorizer(myDirectory::permits)                // CommandPermissions and guards; all permitted unless set
 *         .sla(calendars, policies)                        // SLA clocks for the tickets the policies apply to
 *         .notifier(webhook)                               // the outbox is delivered to it after each commit
 *         .build();
 *
 * // 2. Run commands; each returns the new snapshot and its events, or throws a typed refusal.
 * Ticket incident = desk.open(OpenTicket.builder(tenant, agent, TicketKind.INCIDENT, "Mail is down").build()).ticket();
 * desk.execute(new TransitionTicket(tenant, agent, incident.id(), OptionalLong.empty(), "resolve",
 *         Map.of("resolutionCode", new FieldValue.Text("fixed"), "resolutionNotes", new FieldValue.Text("restarted")),
 *         Optional.empty()));
 *
 * // 3. Fire SLA timers: on a thread of the desk's own in production, by hand with a virtual clock.
 * desk.start();
 *
 * // 4. Read: tickets, queries, history (the audit trail), SLA clocks.
 * desk.get(tenant, incident.id());  desk.query(tenant, TicketQuery.all(), 50);
 * desk.history(tenant, incident.id());  desk.clocks(tenant, incident.id());
 * }</pre>
 *
 * <p>Refusals: {@link dev.itsmkit.core.ValidationException} (a malformed command or a value the
 * ticket or the tenant's field schema refuses), {@link dev.itsmkit.workflow.TransitionRefusedException}
 * (the lifecycle's gate), {@link dev.itsmkit.workflow.CommandRefusedException} (permissions of
 * {@link dev.itsmkit.workflow.CommandPermissions}, fields locked by the state, final states,
 * approvals, links), {@link dev.itsmkit.workflow.TicketNotFoundException} and
 * {@link dev.itsmkit.persistence.ConcurrentUpdateException}. A refused command writes nothing.
 * Vendors load their own lifecycle per tenant at runtime through
 * {@link dev.itsmkit.workflow.LifecycleCatalog#register}.
 *
 * <h2>Lifecycles</h2>
 * Lifecycle state machines as data: {@link dev.itsmkit.workflow.Lifecycle} (states, named
 * transitions, {@link dev.itsmkit.workflow.Guard guards} and {@link dev.itsmkit.workflow.Action
 * actions}), validated when built, evaluated through one gate
 * ({@link dev.itsmkit.workflow.Lifecycle#evaluate}); the built-in ITIL lifecycles in
 * {@link dev.itsmkit.workflow.Lifecycles}; approval policies; and Mermaid and Graphviz export in
 * {@link dev.itsmkit.workflow.LifecycleDiagrams}.
 */
@NullMarked
package dev.itsmkit.workflow;

import org.jspecify.annotations.NullMarked;
