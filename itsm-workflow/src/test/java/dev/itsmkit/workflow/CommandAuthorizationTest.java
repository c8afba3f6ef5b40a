package dev.itsmkit.workflow;

import static dev.itsmkit.workflow.DeskFixtures.ACME;
import static dev.itsmkit.workflow.DeskFixtures.ALICE;
import static dev.itsmkit.workflow.DeskFixtures.BOB;
import static dev.itsmkit.workflow.DeskFixtures.T0;
import static dev.itsmkit.workflow.DeskFixtures.open;
import static dev.itsmkit.workflow.DeskFixtures.picture;
import static dev.itsmkit.workflow.DeskFixtures.resolution;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.itsmkit.core.FieldValue;
import dev.itsmkit.core.Impact;
import dev.itsmkit.core.JournalEntryKind;
import dev.itsmkit.core.Link;
import dev.itsmkit.core.LinkType;
import dev.itsmkit.core.Party;
import dev.itsmkit.core.Priority;
import dev.itsmkit.core.Ticket;
import dev.itsmkit.core.TicketId;
import dev.itsmkit.core.TicketKind;
import dev.itsmkit.core.Urgency;
import dev.itsmkit.core.Verdict;
import dev.itsmkit.core.command.AddJournalEntry;
import dev.itsmkit.core.command.AddLink;
import dev.itsmkit.core.command.Assign;
import dev.itsmkit.core.command.ChangeImpactUrgency;
import dev.itsmkit.core.command.ClearPriorityOverride;
import dev.itsmkit.core.command.DecideApproval;
import dev.itsmkit.core.command.OpenTicket;
import dev.itsmkit.core.command.OverridePriority;
import dev.itsmkit.core.command.RemoveLink;
import dev.itsmkit.core.command.RequestApprovals;
import dev.itsmkit.core.command.TicketCommand;
import dev.itsmkit.core.command.TransitionTicket;
import dev.itsmkit.core.command.Unassign;
import dev.itsmkit.core.command.UpdateFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * The authorize step of every command: each kind of command is refused, with nothing written, for
 * an actor who lacks its permission, and runs for one who holds it.
 */
class CommandAuthorizationTest {
    private final MutableClock clock = new MutableClock(T0);
    /** The permission the authorizer refuses to Alice, or null for none. */
    private @Nullable String withheld;
    /** Every question asked, as "actor permission ticket-number". */
    private final List<String> asked = new ArrayList<>();
    private final ServiceDesk desk = ServiceDesk.builder().clock(clock).authorizer((actor, permission, ticket) -> {
        asked.add(actor.id() + " " + permission + " " + ticket.number());
        return !(actor.equals(ALICE) && permission.equals(withheld));
    }).build();

    /** One command kind: its permission, the commands that set the scene, and the command itself. */
    private record Case(String permission, Function<Scene, TicketCommand> command) {}

    /** What the setup made: an incident, a second incident, a service request with approvals asked of Alice. */
    private record Scene(Ticket incident, Ticket other, Ticket request) {}

    private static final OptionalLong ANY = OptionalLong.empty();

    private static final List<Case> CASES = List.of(
            new Case(CommandPermissions.OPEN, s -> open(TicketKind.INCIDENT, "Printer jams")),
            new Case(CommandPermissions.UPDATE_FIELDS, s -> new UpdateFields(ACME, ALICE, s.incident().id(), ANY,
                    Map.of("category", Optional.of(new FieldValue.Text("mail"))))),
            new Case(CommandPermissions.ASSIGN, s -> new Assign(ACME, ALICE, s.incident().id(), ANY, Optional.of(ALICE),
                    Optional.empty())),
            new Case(CommandPermissions.ASSIGN, s -> new Unassign(ACME, ALICE, s.incident().id(), ANY, true, false)),
            new Case(CommandPermissions.CHANGE_IMPACT_URGENCY, s -> new ChangeImpactUrgency(ACME, ALICE, s.incident().id(), ANY,
                    Impact.of(1), Urgency.of(1))),
            new Case(CommandPermissions.OVERRIDE_PRIORITY, s -> new OverridePriority(ACME, ALICE, s.incident().id(), ANY,
                    Priority.of(1), "the board is waiting")),
            new Case(CommandPermissions.OVERRIDE_PRIORITY, s -> new ClearPriorityOverride(ACME, ALICE, s.other().id(), ANY)),
            new Case(CommandPermissions.LINK, s -> new AddLink(ACME, ALICE, s.incident().id(), ANY,
                    new Link(LinkType.RELATED_TO, s.request().ref()))),
            new Case(CommandPermissions.LINK, s -> new RemoveLink(ACME, ALICE, s.incident().id(), ANY,
                    new Link(LinkType.PARENT_OF, s.other().ref()))),
            new Case(CommandPermissions.JOURNAL, s -> new AddJournalEntry(ACME, ALICE, s.incident().id(), ANY,
                    JournalEntryKind.PUBLIC_COMMENT, "On it", List.of())),
            new Case(CommandPermissions.TRANSITION, s -> new TransitionTicket(ACME, ALICE, s.incident().id(), ANY, "resolve",
                    resolution(), Optional.empty())),
            new Case(CommandPermissions.REQUEST_APPROVALS, s -> new RequestApprovals(ACME, ALICE, s.request().id(), ANY, 2,
                    List.of(BOB))),
            new Case(CommandPermissions.DECIDE_APPROVAL, s -> new DecideApproval(ACME, ALICE, s.request().id(), ANY, ALICE,
                    Verdict.APPROVED, "Fine")));

    /** Sets the scene with every permission held (by Bob, who holds all). */
    private Scene scene() {
        withheld = null;
        return scene(desk);
    }

    private static Scene scene(ServiceDesk desk) {
        Ticket incident = desk.open(OpenTicket.builder(ACME, BOB, TicketKind.INCIDENT, "Mail is down").build()).ticket();
        Ticket other = desk.open(OpenTicket.builder(ACME, BOB, TicketKind.INCIDENT, "Outlook disconnected").build()).ticket();
        desk.execute(new Assign(ACME, BOB, incident.id(), ANY, Optional.of(BOB), Optional.empty()));
        desk.execute(new AddLink(ACME, BOB, incident.id(), ANY, new Link(LinkType.PARENT_OF, other.ref())));
        desk.execute(new OverridePriority(ACME, BOB, other.id(), ANY, Priority.of(2), "VIP"));
        Ticket request = desk.open(OpenTicket.builder(ACME, BOB, TicketKind.SERVICE_REQUEST, "New phone").build()).ticket();
        desk.execute(new RequestApprovals(ACME, BOB, request.id(), ANY, 1, List.of(ALICE)));
        return new Scene(incident, other, request);
    }

    @Test
    void everyKindOfCommandHasItsPermission() {
        Set<Class<?>> covered = new java.util.HashSet<>();
        Scene scene = scene();
        for (Case c : CASES) {
            TicketCommand command = c.command().apply(scene);
            assertThat(CommandPermissions.of(command)).as(command.getClass().getSimpleName()).isEqualTo(c.permission());
            covered.add(command.getClass());
        }
        List<Class<?>> all = new ArrayList<>(List.of(OpenTicket.class));
        all.addAll(List.of(dev.itsmkit.core.command.ExistingTicketCommand.class.getPermittedSubclasses()));
        assertThat(covered).as("every command type of the core is in the table").containsExactlyInAnyOrderElementsOf(all);
        assertThat(CommandPermissions.ALL).containsExactlyInAnyOrderElementsOf(
                CASES.stream().map(Case::permission).collect(java.util.stream.Collectors.toSet()));
    }

    @Test
    void eachCommandIsRefusedWithoutItsPermissionAndNothingIsWritten() {
        Scene scene = scene();
        for (Case c : CASES) {
            TicketCommand command = c.command().apply(scene);
            withheld = c.permission();
            List<Object> before = picture(desk, ACME);
            assertThatThrownBy(() -> desk.execute(command)).as(command.getClass().getSimpleName())
                    .isInstanceOfSatisfying(CommandRefusedException.class, e -> {
                        assertThat(e.rule()).isEqualTo(CommandRefusedException.PERMISSION);
                        assertThat(e.getMessage()).contains(c.permission()).contains(ALICE.toString());
                    });
            assertThat(picture(desk, ACME)).as("nothing written after refusing %s", command).isEqualTo(before);
        }
    }

    @Test
    void eachCommandRunsWithItsPermissionAskingTheAuthorizerOnceWithTheActorAndTheTicket() {
        for (Case c : CASES) {
            Scene scene = scene();
            TicketCommand command = c.command().apply(scene);
            withheld = otherPermissionThan(c.permission());
            asked.clear();
            CommandResult result = desk.execute(command);
            assertThat(result.events()).as(command.getClass().getSimpleName()).isNotEmpty();
            assertThat(asked).as(command.getClass().getSimpleName())
                    .containsExactly(ALICE.id() + " " + c.permission() + " " + result.ticket().number());
        }
    }

    private static String otherPermissionThan(String permission) {
        return CommandPermissions.ALL.stream().filter(p -> !p.equals(permission)).sorted().findFirst().orElseThrow();
    }

    @Test
    void openingIsAskedWithTheTicketAboutToBeCreated() {
        List<Ticket> seen = new ArrayList<>();
        ServiceDesk strict = ServiceDesk.builder().clock(clock).authorizer((actor, permission, ticket) -> {
            seen.add(ticket);
            return ticket.kind() != TicketKind.CHANGE || actor.equals(BOB);
        }).build();
        assertThatThrownBy(() -> strict.open(open(TicketKind.CHANGE, "Swap the core switch")))
                .isInstanceOfSatisfying(CommandRefusedException.class, e -> {
                    assertThat(e.rule()).isEqualTo(CommandRefusedException.PERMISSION);
                    assertThat(e.getMessage()).contains(CommandPermissions.OPEN);
                });
        assertThat(seen).singleElement().satisfies(t -> {
            assertThat(t.kind()).isEqualTo(TicketKind.CHANGE);
            assertThat(t.title()).isEqualTo("Swap the core switch");
            assertThat(t.requester()).isEqualTo(ALICE);
            assertThat(t.state().name()).isEqualTo("NEW");
        });
        assertThat(picture(strict, ACME)).isEmpty();
        Ticket opened = strict.open(OpenTicket.builder(ACME, BOB, TicketKind.CHANGE, "Swap the core switch").build()).ticket();
        assertThat(opened.number().sequence()).as("the refused open's number is not reused, as with a database sequence")
                .isEqualTo(2);
    }

    @Test
    void aCascadeAsksForEachChildAndARefusedChildRefusesTheWhole() {
        Scene scene = scene();
        TicketId child = scene.other().id();
        desk.execute(new TransitionTicket(ACME, BOB, scene.incident().id(), ANY, "start", Map.of(), Optional.empty()));
        Ticket childTicket = desk.get(ACME, child);
        ServiceDesk strict = ServiceDesk.builder().stores(desk.stores()).clock(clock).authorizer(
                (actor, permission, ticket) -> !ticket.id().equals(child)).build();
        List<Object> before = picture(strict, ACME);
        assertThatThrownBy(() -> strict.transitionWithChildren(new TransitionTicket(ACME, ALICE, scene.incident().id(), ANY,
                "resolve", resolution(), Optional.empty())))
                .isInstanceOfSatisfying(CommandRefusedException.class, e -> {
                    assertThat(e.rule()).isEqualTo(CommandRefusedException.PERMISSION);
                    assertThat(e.ticket()).isEqualTo(childTicket.number().toString());
                });
        assertThat(picture(strict, ACME)).isEqualTo(before);
        CommandResult resolved = desk.transitionWithChildren(new TransitionTicket(ACME, ALICE, scene.incident().id(), ANY,
                "resolve", resolution(), Optional.empty()));
        assertThat(resolved.alsoChanged()).extracting(Ticket::id).containsExactly(child);
    }

    @Test
    void aDeskWithoutAnAuthorizerPermitsEveryCommand() {
        for (Case c : CASES) {
            ServiceDesk permissive = ServiceDesk.builder().clock(clock).build();
            TicketCommand command = c.command().apply(scene(permissive));
            assertThat(permissive.execute(command).events()).as(command.getClass().getSimpleName()).isNotEmpty();
        }
        ServiceDesk inMemory = ServiceDesk.inMemory(clock);
        Party anyone = Party.person("anyone");
        Ticket incident = inMemory.open(OpenTicket.builder(ACME, anyone, TicketKind.INCIDENT, "Mail").build()).ticket();
        assertThat(inMemory.execute(new Assign(ACME, anyone, incident.id(), ANY, Optional.of(BOB), Optional.empty()))
                .ticket().assignee()).contains(BOB);
    }
}
