package dev.itsmkit.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module dependency rules of DESIGN.md, checked on the compiled main classes of every library
 * module. Arrows point down only: core knows no other module, the SPI knows only core, SLA knows no
 * workflow type, and no library module knows an adapter.
 */
class ModuleRulesTest {
    private static final String CORE = "dev.itsmkit.core..";
    private static final String JACKSON = "dev.itsmkit.jackson..";
    private static final String PERSISTENCE = "dev.itsmkit.persistence..";
    private static final String JDBC = "dev.itsmkit.persistence.jdbc..";
    private static final String SLA = "dev.itsmkit.sla..";
    private static final String WORKFLOW = "dev.itsmkit.workflow..";
    private static final String TESTKIT = "dev.itsmkit.testkit..";
    private static final String DEFINITIONS = "dev.itsmkit.definitions..";
    private static final String[] APPLICATIONS = {"dev.itsmkit.examples..", "dev.itsmkit.cli..", "dev.itsmkit.benchmarks.."};

    private static JavaClasses library;

    @BeforeAll
    static void importTheLibrary() {
        library = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.itsmkit");
    }

    @Test
    void theCoreDependsOnNoOtherModule() {
        noClasses().that().resideInAPackage(CORE)
                .should().dependOnClassesThat().resideInAnyPackage(JACKSON, PERSISTENCE, SLA, WORKFLOW, TESTKIT, DEFINITIONS)
                .check(library);
    }

    @Test
    void theCoreCarriesNoJsonNoJdbcAndNoFramework() {
        noClasses().that().resideInAPackage(CORE)
                .should().dependOnClassesThat().resideInAnyPackage(
                        "com.fasterxml..", "java.sql..", "javax.sql..", "org.springframework..", "io.micrometer..")
                .check(library);
    }

    @Test
    void thePersistenceSpiKnowsOnlyTheCore() {
        noClasses().that().resideInAPackage(PERSISTENCE).and().resideOutsideOfPackage(JDBC)
                .should().dependOnClassesThat().resideInAnyPackage(JACKSON, SLA, WORKFLOW, TESTKIT, JDBC)
                .allowEmptyShould(true)
                .check(library);
    }

    @Test
    void theSlaEngineKnowsNoWorkflowType() {
        noClasses().that().resideInAPackage(SLA)
                .should().dependOnClassesThat().resideInAnyPackage(WORKFLOW, JACKSON, TESTKIT, JDBC, DEFINITIONS)
                .allowEmptyShould(true)
                .check(library);
    }

    @Test
    void theWorkflowEngineKnowsNoAdapter() {
        noClasses().that().resideInAPackage(WORKFLOW)
                .should().dependOnClassesThat().resideInAnyPackage(JACKSON, JDBC, TESTKIT)
                .allowEmptyShould(true)
                .check(library);
    }

    @Test
    void theSlaAndWorkflowModulesCarryNoJson() {
        noClasses().that().resideInAnyPackage(SLA, WORKFLOW)
                .should().dependOnClassesThat().resideInAPackage("com.fasterxml..")
                .because("lifecycles are read from JSON and YAML by itsm-definitions; the engine itself carries no Jackson")
                .check(library);
    }

    @Test
    void theDefinitionsModuleKnowsOnlyWorkflowSlaAndCore() {
        noClasses().that().resideInAPackage(DEFINITIONS)
                .should().dependOnClassesThat().resideInAnyPackage(JACKSON, PERSISTENCE, TESTKIT, JDBC)
                .check(library);
    }

    @Test
    void onlyApplicationsUseTheDefinitionsModule() {
        noClasses().that().resideOutsideOfPackages(DEFINITIONS).and().resideOutsideOfPackages(APPLICATIONS)
                .should().dependOnClassesThat().resideInAPackage(DEFINITIONS)
                .because("lifecycle documents are read by applications (the engine's registry takes the Lifecycle objects they give);"
                        + " no library module depends on them")
                .check(library);
    }

    @Test
    void theJsonModuleKnowsOnlyTheCore() {
        noClasses().that().resideInAPackage(JACKSON)
                .should().dependOnClassesThat().resideInAnyPackage(PERSISTENCE, SLA, WORKFLOW, TESTKIT, DEFINITIONS)
                .allowEmptyShould(true)
                .check(library);
    }

    @Test
    void noModuleReachesIntoAnotherModulesInternals() {
        for (String module : List.of("core", "jackson", "persistence", "sla", "workflow", "testkit", "definitions")) {
            String root = "dev.itsmkit." + module;
            noClasses().that().resideOutsideOfPackage(root + "..")
                    .should().dependOnClassesThat().resideInAPackage(root + ".internal..")
                    .because("internal packages are not exported and may change in any release")
                    .allowEmptyShould(true)
                    .check(library);
        }
    }

    @Test
    void mainCodeTakesTimeOnlyFromAnInjectedClock() {
        noClasses().should().callMethodWhere(readsTheSystemTime())
                .because("time comes only from an injected java.time.Clock, so tests can use a virtual one")
                .check(library);
    }

    @Test
    void noPublicSignatureExposesGuava() {
        methods().that().arePublic().and().areDeclaredInClassesThat(publicApiClasses())
                .should(notMentionGuavaInTheirSignature())
                .allowEmptyShould(true)
                .check(library);
    }

    @Test
    void noLibraryCodeUsesSystemOutForLogging() {
        noClasses().that().resideOutsideOfPackages("dev.itsmkit.examples..", "dev.itsmkit.cli..", "dev.itsmkit.benchmarks..")
                .should().accessField(System.class, "out")
                .orShould().accessField(System.class, "err")
                .because("a library logs through SLF4J and never writes to the console of its host")
                .check(library);
    }

    @Test
    void noRuleIsCheckedAgainstNothing() {
        // the rules above are only worth something if the importer sees the modules they speak of
        for (String module : List.of("core", "jackson", "persistence", "sla", "workflow", "testkit", "definitions")) {
            org.assertj.core.api.Assertions.assertThat(library.containPackage("dev.itsmkit." + module)).as(module).isTrue();
        }
    }

    private static DescribedPredicate<com.tngtech.archunit.core.domain.JavaMethodCall> readsTheSystemTime() {
        return DescribedPredicate.describe("reads the system time", call -> {
            String owner = call.getTargetOwner().getName();
            String name = call.getName();
            boolean nowWithoutClock = name.equals("now") && call.getTarget().getRawParameterTypes().isEmpty()
                    && owner.startsWith("java.time.");
            boolean systemTime = owner.equals("java.lang.System")
                    && (name.equals("currentTimeMillis") || name.equals("nanoTime"));
            return nowWithoutClock || systemTime;
        });
    }

    private static DescribedPredicate<JavaClass> publicApiClasses() {
        return DescribedPredicate.describe("public API classes",
                c -> c.getModifiers().contains(JavaModifier.PUBLIC) && !c.getPackageName().contains(".internal"));
    }

    private static ArchCondition<JavaMethod> notMentionGuavaInTheirSignature() {
        return new ArchCondition<>("not mention a Guava type in their signature") {
            @Override
            public void check(JavaMethod method, ConditionEvents events) {
                Stream.concat(Stream.of(method.getRawReturnType()), method.getRawParameterTypes().stream())
                        .filter(t -> t.getPackageName().startsWith("com.google.common"))
                        .forEach(t -> events.add(SimpleConditionEvent.violated(method,
                                method.getFullName() + " exposes the Guava type " + t.getName())));
            }
        };
    }
}
