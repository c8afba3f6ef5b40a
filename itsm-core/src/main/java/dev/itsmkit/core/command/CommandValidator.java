package dev.itsmkit.core.command;

import static java.util.Objects.requireNonNull;

import dev.itsmkit.core.ValidationException;
import dev.itsmkit.core.Violation;
import dev.itsmkit.core.command.internal.ConstraintViolations;
import dev.itsmkit.core.command.internal.ProvenValid;
import jakarta.validation.Configuration;
import jakarta.validation.MessageInterpolator;
import jakarta.validation.NoProviderFoundException;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.util.List;

/**
 * Checks a command against the Jakarta Bean Validation constraints declared on it and reports every
 * violation at once: a blank or overlong title, a control character, a link into another tenant,
 * an assignment to nobody, an empty or repeated approver, a field that does not fit the kind.
 * Whether the command is allowed for the ticket as it stands is checked later, by the engine.
 *
 * <pre>{@code
 * CommandValidator validator = CommandValidator.create();
 * validator.validate(command);      // throws ValidationException listing every violation
 * }</pre>
 *
 * <p>Thread-safe: one instance serves any number of threads, and should, since creating one
 * bootstraps a validator factory.
 */
public final class CommandValidator {
    private static final String HIBERNATE_VALIDATOR = "org.hibernate.validator:hibernate-validator";
    private static final String PARAMETER_MESSAGE_INTERPOLATOR =
            "org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator";

    private final Validator validator;
    // Comments and transitions proven valid in plain Java skip Bean Validation (microseconds each);
    // any other command, or one not proven valid, is validated as declared and reported in full.
    private final ProvenValid proven;

    private CommandValidator(Validator validator, ProvenValid proven) {
        this.validator = validator;
        this.proven = proven;
    }

    /**
     * Bootstraps Hibernate Validator, the runtime dependency of {@code itsm-core}, with its parameter
     * message interpolator, so that no Jakarta Expression Language implementation is needed.
     *
     * @return a validator
     * @throws IllegalStateException if no Bean Validation provider is on the class or module path, or
     *     the provider found is not Hibernate Validator; the message names the missing dependency
     */
    public static CommandValidator create() {
        Configuration<?> configuration;
        try {
            configuration = Validation.byDefaultProvider().configure();
        } catch (NoProviderFoundException e) {
            throw new IllegalStateException("no Jakarta Bean Validation provider was found, so commands cannot be"
                    + " validated: add " + HIBERNATE_VALIDATOR + " (version 8 or 9) to the application's runtime"
                    + " class or module path (itsm-core declares it as a runtime dependency; was it excluded?), or"
                    + " pass a Validator of your own to CommandValidator.using(Validator)", e);
        }
        MessageInterpolator interpolator = parameterMessageInterpolator(configuration);
        Validator validator = configuration.messageInterpolator(interpolator).buildValidatorFactory().getValidator();
        return new CommandValidator(validator, ProvenValid.forValidator(validator));
    }

    /*
     * Hibernate Validator's class is loaded by name so that itsm-core compiles against the Jakarta
     * API alone and HV stays a runtime dependency an application may replace. It is looked up with
     * the class loader of the provider's configuration, which is HV's own when HV is the provider.
     */
    private static MessageInterpolator parameterMessageInterpolator(Configuration<?> configuration) {
        ClassLoader loader = configuration.getClass().getClassLoader();
        try {
            Class<?> type = Class.forName(PARAMETER_MESSAGE_INTERPOLATOR, true, loader);
            return (MessageInterpolator) type.getConstructor().newInstance();
        } catch (ClassNotFoundException | LinkageError e) {
            throw new IllegalStateException("the Jakarta Bean Validation provider found is "
                    + configuration.getClass().getName() + ", not Hibernate Validator, so " + PARAMETER_MESSAGE_INTERPOLATOR
                    + " is missing: add " + HIBERNATE_VALIDATOR + " (version 8 or 9) to the application's runtime"
                    + " class or module path, or pass a Validator of your own to CommandValidator.using(Validator)", e);
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new IllegalStateException("could not create " + PARAMETER_MESSAGE_INTERPOLATOR + " of "
                    + HIBERNATE_VALIDATOR + "; is the version 8 or 9?", e);
        }
    }

    /**
     * Uses a validator that the application made, for example one its framework configured. Any
     * Jakarta Bean Validation 3 implementation works that can read the command records; with the
     * module path, Hibernate Validator (8 or 9) is the one {@code itsm-core} opens its command
     * packages to.
     *
     * @param validator the validator; thread-safe, as Bean Validation validators are
     * @return a command validator that delegates to it
     */
    public static CommandValidator using(Validator validator) {
        // An application's own validator may hold constraints or validators of its own: no shortcut.
        return new CommandValidator(requireNonNull(validator, "validator"), ProvenValid.none());
    }

    /**
     * Finds everything wrong with a command.
     *
     * @param command the command
     * @return every violation, ordered by path, then message; empty if the command is valid
     */
    public List<Violation> violations(TicketCommand command) {
        requireNonNull(command, "command");
        if (proven.test(command)) {
            return List.of();
        }
        return ConstraintViolations.translate(validator.validate(command));
    }

    /**
     * Checks a command.
     *
     * @param command the command
     * @throws ValidationException if anything is wrong with it, listing every violation with its
     *     path, the offending value and what would be right
     */
    public void validate(TicketCommand command) {
        List<Violation> violations = violations(command);
        if (!violations.isEmpty()) {
            throw new ValidationException(subject(command), violations);
        }
    }

    private static String subject(TicketCommand command) {
        String name = command.getClass().getSimpleName() + " command";
        return command instanceof ExistingTicketCommand existing
                ? name + " for ticket " + existing.ticket() + " of tenant " + command.tenant()
                : name + " in tenant " + command.tenant();
    }

    @Override
    public String toString() {
        return "CommandValidator[" + validator.getClass().getName() + "]";
    }
}
