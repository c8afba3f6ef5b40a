package dev.itsmkit.core.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the validator in a fresh JVM where itsm-core and Hibernate Validator are both named modules on
 * the module path, and nothing opens the command package but itsm-core's own module descriptor.
 * (In this test JVM the build tool opens the test's packages to everyone, which would hide a
 * missing {@code opens}.)
 */
class ModulePathTest {
    private static final String PROBE = """
            import dev.itsmkit.core.*;
            import dev.itsmkit.core.command.*;

            public class Probe {
                public static void main(String[] args) throws Exception {
                    Module core = CommandValidator.class.getModule();
                    Module hv = Class.forName("org.hibernate.validator.HibernateValidator").getModule();
                    System.out.println("core=" + core.getName() + " hv=" + hv.getName()
                            + " openToHv=" + core.isOpen("dev.itsmkit.core.command", hv)
                            + " openToAll=" + core.isOpen("dev.itsmkit.core.command"));
                    OpenTicket open = OpenTicket.builder(TenantId.of("acme"), Party.person("al"), TicketKind.INCIDENT, " ")
                            .customField("risk", FieldValue.of(1)).build();
                    try {
                        System.out.println(CommandValidator.create().violations(open));
                    } catch (IllegalStateException e) {
                        System.out.println("refused: " + e.getMessage());
                    }
                }
            }
            """;

    @Test
    void hibernateValidatorReadsTheCommandsThroughTheQualifiedOpensOnTheModulePath(@TempDir Path dir) throws Exception {
        String printed = runProbe(dir, modulePath(true));
        assertThat(printed)
                .contains("core=dev.itsmkit.core hv=org.hibernate.validator openToHv=true openToAll=true")
                .contains("[customFields[risk]: must be a custom field name")
                .contains("title: must not be blank (was ' ')]");
    }

    @Test
    void withoutHibernateValidatorCreateFailsNamingTheMissingDependency(@TempDir Path dir) throws Exception {
        String printed = runProbe(dir, modulePath(false));
        assertThat(printed).contains("refused: no Jakarta Bean Validation provider was found, so commands cannot be"
                + " validated: add org.hibernate.validator:hibernate-validator (version 8 or 9)")
                .contains("CommandValidator.using(Validator)");
    }

    private static String runProbe(Path dir, Set<String> modulePath) throws Exception {
        Path probe = dir.resolve("Probe.java");
        Files.writeString(probe, PROBE.replace("Class.forName(\"org.hibernate.validator.HibernateValidator\").getModule()",
                modulePath.stream().anyMatch(p -> p.contains("hibernate-validator"))
                        ? "Class.forName(\"org.hibernate.validator.HibernateValidator\").getModule()" : "core"),
                StandardCharsets.UTF_8);
        Path output = dir.resolve("out.txt");
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--module-path", String.join(File.pathSeparator, modulePath),
                "--add-modules", "ALL-MODULE-PATH",
                probe.toString());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("the probe finishes").isTrue();
        String printed = Files.readString(output);
        assertThat(process.exitValue()).as(printed).isZero();
        return printed;
    }

    /** itsm-core's classes and the jars it needs at run time, found where this JVM loaded them from. */
    private static Set<String> modulePath(boolean withHibernateValidator)
            throws ClassNotFoundException, URISyntaxException, IOException {
        Set<String> path = new LinkedHashSet<>();
        path.add(locationOf(CommandValidator.class));
        List<String> types = new ArrayList<>(List.of("jakarta.validation.Validation", "org.jspecify.annotations.NullMarked",
                "org.slf4j.Logger", "com.google.common.collect.ImmutableList",
                "com.google.common.util.concurrent.internal.InternalFutureFailureAccess"));
        if (withHibernateValidator) {
            types.addAll(List.of("org.hibernate.validator.HibernateValidator", "org.jboss.logging.Logger",
                    "com.fasterxml.classmate.TypeResolver"));
        }
        for (String type : types) {
            path.add(locationOf(Class.forName(type)));
        }
        List<String> missing = new ArrayList<>();
        for (String entry : path) {
            if (!Files.exists(Path.of(entry))) {
                missing.add(entry);
            }
        }
        if (!missing.isEmpty()) {
            throw new IOException("not found: " + missing);
        }
        return path;
    }

    private static String locationOf(Class<?> type) throws URISyntaxException {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }
}
