/**
 * The commands: every change a user can make to a ticket, as an immutable value that names the
 * tenant, the acting party and, for an existing ticket, the ticket and optionally the version the
 * user saw. {@link dev.itsmkit.core.command.TicketCommand} is the sealed family.
 *
 * <p>A command's components are checked for nulls when it is made; everything else a user can get
 * wrong (a blank title, a control character, a link into another tenant, an assignment to nobody)
 * is declared with Jakarta Bean Validation constraints on the components and checked by a
 * {@link dev.itsmkit.core.command.CommandValidator}, which reports every violation at once in a
 * {@link dev.itsmkit.core.ValidationException}. Whether the command is allowed for the ticket as it
 * stands (its state, its lifecycle, the actor's rights) is the engine's business, not this package's.
 *
 * <p>Every type here is immutable and thread-safe, and no method accepts or returns {@code null}.
 */
@NullMarked
package dev.itsmkit.core.command;

import org.jspecify.annotations.NullMarked;
