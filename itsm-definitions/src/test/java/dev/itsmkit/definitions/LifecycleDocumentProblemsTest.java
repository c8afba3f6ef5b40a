package dev.itsmkit.definitions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Strictness: every problem of a document, each at its JSON path, line and column, all at once. */
class LifecycleDocumentProblemsTest {
    private static List<DefinitionProblem> problemsOf(String document, DefinitionFormat format) {
        LifecycleDefinitionException e = catchThrowableOfType(LifecycleDefinitionException.class,
                () -> LifecycleDefinitions.read(document, format));
        assertThat(e).as("the document should be refused:%n%s", document).isNotNull();
        return e.problems();
    }

    private static DefinitionProblem only(String document, DefinitionFormat format) {
        List<DefinitionProblem> problems = problemsOf(document, format);
        assertThat(problems).hasSize(1);
        return problems.get(0);
    }

    private static final String VALID_TAIL = """
            states:
              - {name: A, category: NEW, initial: true}
              - {name: B, category: CLOSED}
            transitions:
              - {name: finish, from: A, to: B}
            """;

    @Test
    void aJsonSyntaxErrorNamesItsLineAndColumn() {
        DefinitionProblem p = only("{\n  \"id\": \"x\",\n  \"kind\": INCIDENT\n}", DefinitionFormat.JSON);
        assertThat(p.line()).isEqualTo(3);
        assertThat(p.column()).isGreaterThan(1);
        assertThat(p.message()).startsWith("not well-formed");
    }

    @Test
    void aYamlSyntaxErrorNamesItsLineAndColumn() {
        DefinitionProblem p = only("id: x\nkind: INCIDENT\nstates: [a, b\n", DefinitionFormat.YAML);
        assertThat(p.hasPosition()).isTrue();
        assertThat(p.line()).isGreaterThanOrEqualTo(3);
        assertThat(p.message()).startsWith("not well-formed");
    }

    @Test
    void anEmptyDocumentIsRefused() {
        assertThat(only("", DefinitionFormat.YAML).message()).contains("empty");
        assertThat(only("  ", DefinitionFormat.JSON).message()).contains("empty");
    }

    @Test
    void aDuplicateKeyIsRefusedAtItsPosition() {
        DefinitionProblem p = only("id: x\nkind: INCIDENT\nid: y\n" + VALID_TAIL, DefinitionFormat.YAML);
        assertThat(p.path()).isEqualTo("$.id");
        assertThat(p.line()).isEqualTo(3);
        assertThat(p.message()).contains("appears twice");
    }

    @Test
    void aSecondYamlDocumentIsRefused() {
        DefinitionProblem p = only("id: x\nkind: INCIDENT\n" + VALID_TAIL + "---\nid: y\n", DefinitionFormat.YAML);
        assertThat(p.message()).contains("more than one");
    }

    @Test
    void unknownKeysWrongTypesAndUnknownNamesAreAllReportedAtOnceWithTheirLocations() {
        String yaml = """
                id: x
                kind: incident
                colour: red
                version: "two"
                states:
                  - {name: A, category: NEW, initial: "true"}
                  - {name: B, category: FINISHED}
                transitions:
                  - name: finish
                    from: A
                    to: B
                    guards:
                      - requiresField: [title]
                      - approved: most
                      - when: {field: title, equals: null}
                    actions:
                      - notify: 42
                """;
        List<DefinitionProblem> problems = problemsOf(yaml, DefinitionFormat.YAML);
        assertThat(problems).extracting(DefinitionProblem::path).containsExactly(
                "$.colour", "$.version", "$.kind", "$.states[0].initial", "$.states[1].category",
                "$.transitions[0].guards[0].requiresField", "$.transitions[0].guards[1].approved",
                "$.transitions[0].guards[2].when.equals", "$.transitions[0].actions[0].notify");
        assertThat(problems.get(0).message()).contains("unknown key \"colour\"", "[format, id, version, kind");
        assertThat(problems.get(0).line()).isEqualTo(3);
        assertThat(problems.get(0).column()).as("the key's own column").isEqualTo(1);
        assertThat(problems.get(2).message()).contains("unknown ticket kind 'incident'; one of [INCIDENT, SERVICE_REQUEST");
        assertThat(problems.get(2).line()).isEqualTo(2);
        assertThat(problems.get(4).message()).contains("unknown state category 'FINISHED'");
        assertThat(problems.get(4).line()).isEqualTo(7);
        assertThat(problems.get(5).message()).contains("requiresFields");
        assertThat(problems.get(6).message()).contains("unknown approval policy 'most'", "quorum");
        assertThat(problems.get(8).line()).isEqualTo(17);
        assertThat(problems).allSatisfy(p -> assertThat(p.hasPosition()).isTrue());
    }

    @Test
    void aLockedFieldTheKindLacksIsReportedWhereTheDocumentListsIt() {
        List<DefinitionProblem> problems = problemsOf("""
                id: x
                kind: INCIDENT
                states:
                  - {name: A, category: NEW, initial: true, lockedFields: [title, plannedStart, nonsense]}
                  - {name: B, category: CLOSED, lockedFields: [title, title]}
                transitions:
                  - {name: finish, from: A, to: B}
                """, DefinitionFormat.YAML);
        assertThat(problems).extracting(p -> p.path() + " line " + p.line()).containsExactly("$.states[1].lockedFields[1] line 5");
        List<DefinitionProblem> fields = problemsOf("""
                id: x
                kind: INCIDENT
                states:
                  - {name: A, category: NEW, initial: true, lockedFields: [title, plannedStart, nonsense]}
                  - {name: B, category: CLOSED}
                transitions:
                  - {name: finish, from: A, to: B}
                """, DefinitionFormat.YAML);
        assertThat(fields).extracting(p -> p.path() + " line " + p.line()).containsExactlyInAnyOrder(
                "$.states[0].lockedFields[1] line 4", "$.states[0].lockedFields[2] line 4");
        assertThat(fields).extracting(DefinitionProblem::message).anySatisfy(m -> assertThat(m).contains("CHANGE"))
                .anySatisfy(m -> assertThat(m).contains("neither a built-in field"));
    }

    @Test
    void theExceptionMessageListsEveryProblem() {
        LifecycleDefinitionException e = catchThrowableOfType(LifecycleDefinitionException.class,
                () -> LifecycleDefinitions.read("{\"id\": \"x\", \"kind\": 1, \"states\": {}}", DefinitionFormat.JSON));
        assertThat(e.problems()).hasSize(2);
        assertThat(e.source()).isEqualTo("(json text)");
        assertThat(e.getMessage()).contains("2 problems", "$.kind (line 1, column", "$.states (line 1, column");
    }

    @Test
    void missingKeysAreReportedAtTheirObject() {
        List<DefinitionProblem> problems = problemsOf("""
                kind: INCIDENT
                states:
                  - {category: NEW, initial: true}
                transitions:
                  - {name: go, to: A}
                """, DefinitionFormat.YAML);
        assertThat(problems).extracting(DefinitionProblem::path, DefinitionProblem::message).containsExactly(
                org.assertj.core.groups.Tuple.tuple("$", "the key \"id\" is missing"),
                org.assertj.core.groups.Tuple.tuple("$.states[0]", "the key \"name\" is missing"),
                org.assertj.core.groups.Tuple.tuple("$.transitions[0]", "the key \"from\" is missing"));
        assertThat(problems.get(1).line()).isEqualTo(3);
    }

    @Test
    void theLifecyclesOwnValidationIsReportedAtThePlacesOfTheDocument() {
        String yaml = """
                id: x
                kind: INCIDENT
                states:
                  - {name: A, category: NEW, initial: true}
                  - {name: B, category: OPEN}
                  - {name: LOST, category: OPEN}
                  - {name: DONE, category: CLOSED}
                transitions:
                  - {name: go, from: A, to: B}
                  - {name: go, from: [A], to: DONE}
                  - name: finish
                    from: B
                    to: NOWHERE
                  - name: check
                    from: [B, GHOST]
                    to: DONE
                    guards:
                      - requiresFields: [title, rootCause]
                      - when: {field: mystery, present: true}
                    actions:
                      - setField: {field: workaround, value: x}
                """;
        List<DefinitionProblem> problems = problemsOf(yaml, DefinitionFormat.YAML);
        assertThat(problems).extracting(DefinitionProblem::path).containsExactlyInAnyOrder(
                "$.transitions[1].name", "$.transitions[2].to", "$.transitions[3].from[1]",
                "$.transitions[3].guards[0].requiresFields[1]", "$.transitions[3].guards[1].when",
                "$.transitions[3].actions[0].setField.field", "$.states[2].name", "$.states[2].name");
        DefinitionProblem unknownTarget = problems.stream().filter(p -> p.path().equals("$.transitions[2].to")).findFirst()
                .orElseThrow();
        assertThat(unknownTarget.line()).isEqualTo(13);
        assertThat(unknownTarget.message()).contains("is not a state of the lifecycle", "NOWHERE");
        assertThat(problems.stream().filter(p -> p.path().equals("$.states[2].name")).map(DefinitionProblem::message))
                .anySatisfy(m -> assertThat(m).contains("cannot be reached"))
                .anySatisfy(m -> assertThat(m).contains("no way to a final state"));
        assertThat(problems.stream().filter(p -> p.path().equals("$.states[2].name")).findFirst().orElseThrow().line())
                .isEqualTo(6);
        assertThat(problems.stream().filter(p -> p.path().equals("$.transitions[1].name")).findFirst().orElseThrow()
                .message()).contains("leaves A already");
    }

    @Test
    void aStateNamedTwiceAndAnUndeclaredCustomFieldAreReportedWhereTheyAre() {
        List<DefinitionProblem> problems = problemsOf("""
                {"id": "x", "kind": "PROBLEM", "customFields": ["title", "ok"],
                 "states": [{"name": "A", "category": "NEW", "initial": true}, {"name": "A", "category": "CLOSED"},
                            {"name": "B", "category": "CLOSED"}],
                 "transitions": [{"name": "finish", "from": "A", "to": "B"}]}
                """, DefinitionFormat.JSON);
        assertThat(problems).extracting(DefinitionProblem::path).contains("$.customFields[0]", "$.states[1].name");
    }

    @Test
    void typedValuesAndQuorumsAreChecked() {
        List<DefinitionProblem> problems = problemsOf("""
                id: x
                kind: CHANGE
                states:
                  - {name: A, category: NEW, initial: true}
                  - {name: B, category: CLOSED}
                transitions:
                  - name: finish
                    from: [A, A]
                    to: B
                    guards:
                      - approved: {quorum: 0}
                      - when: {field: risk, equals: {timestamp: yesterday}}
                      - when: {field: risk, equals: {date: "2026-02-30"}}
                      - when: {field: risk, equals: [[1]]}
                      - when: {priority: [P0]}
                      - when: {state: []}
                      - insidePlannedWindow: false
                      - {permission: a, when: {field: risk, present: true}}
                      - childrenFinished: 1
                    actions:
                      - assign: organization:acme
                      - createTask: {title: "  ", group: person:bob}
                """, DefinitionFormat.YAML);
        assertThat(problems).extracting(DefinitionProblem::path).containsExactly(
                "$.transitions[0].from[1]", "$.transitions[0].guards[0].approved.quorum",
                "$.transitions[0].guards[1].when.equals.timestamp", "$.transitions[0].guards[2].when.equals.date",
                "$.transitions[0].guards[3].when.equals[0]", "$.transitions[0].guards[4].when.priority[0]",
                "$.transitions[0].guards[5].when.state", "$.transitions[0].guards[6].insidePlannedWindow",
                "$.transitions[0].guards[7]", "$.transitions[0].guards[8].childrenFinished",
                "$.transitions[0].actions[0].assign",
                "$.transitions[0].actions[1].createTask");
    }

    @Test
    void anUnreadableFileIsReportedAsAProblemOfTheWholeDocument() {
        Path missing = Path.of("target", "no-such-lifecycle.yaml");
        assertThatThrownBy(() -> LifecycleDefinitions.read(missing))
                .isInstanceOfSatisfying(LifecycleDefinitionException.class, e -> {
                    assertThat(e.source()).isEqualTo(missing.toString());
                    assertThat(e.problems()).singleElement().satisfies(p -> {
                        assertThat(p.path()).isEqualTo("$");
                        assertThat(p.hasPosition()).isFalse();
                        assertThat(p.message()).startsWith("cannot read the file");
                    });
                });
    }

    @Test
    void aFailingReaderIsReportedAsAProblem() {
        Reader broken = new Reader() {
            @Override
            public int read(char[] buffer, int offset, int length) throws IOException {
                throw new IOException("disk on fire");
            }

            @Override
            public void close() {}
        };
        assertThatThrownBy(() -> LifecycleDefinitions.read(broken, DefinitionFormat.JSON, "broken"))
                .isInstanceOf(LifecycleDefinitionException.class).hasMessageContaining("disk on fire");
    }

    @Test
    void aProblemNeedsAPositionThatIsZeroOrMore() {
        assertThatThrownBy(() -> new DefinitionProblem("$", -1, 0, "m")).isInstanceOf(IllegalArgumentException.class);
        assertThat(new DefinitionProblem("$.a", 2, 5, "bad")).hasToString("$.a (line 2, column 5): bad");
        assertThat(new DefinitionProblem("$", 0, 0, "bad")).hasToString("$: bad");
        assertThatThrownBy(() -> new LifecycleDefinitionException("x", List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSetFieldValueTheFieldDoesNotTakeIsReportedAtTheValueAndAClearedRequiredFieldAtItsName() {
        String yaml = """
                id: bad-values
                kind: INCIDENT
                states:
                  - {name: A, category: NEW, initial: true}
                  - {name: DONE, category: CLOSED}
                transitions:
                  - name: finish
                    from: A
                    to: DONE
                    actions:
                      - notify: finished
                      - setField: {field: holdReason, value: BOGUS}
                      - clearField: title
                      - setField: {field: major, value: "yes"}
                """;
        List<DefinitionProblem> problems = problemsOf(yaml, DefinitionFormat.YAML);
        assertThat(problems).extracting(DefinitionProblem::path).containsExactly(
                "$.transitions[0].actions[1].setField.value", "$.transitions[0].actions[2].clearField",
                "$.transitions[0].actions[3].setField.value");
        assertThat(problems.get(0).line()).isEqualTo(12);
        assertThat(problems.get(0).message()).contains("is not one of the values of holdReason: [AWAITING_CALLER");
        assertThat(problems.get(1).message()).contains("is required and cannot be removed");
        assertThat(problems.get(2).message()).contains("must be a Bool value, got a Text");
    }

    @Test
    void aConditionReadsTheDerivedNamesButARequiredFieldCannotBeOne() {
        String accepted = """
                id: derived
                kind: SERVICE_REQUEST
                states:
                  - {name: A, category: NEW, initial: true}
                  - {name: DONE, category: CLOSED}
                transitions:
                  - name: finish
                    from: A
                    to: DONE
                    guards:
                      - when: {all: [{field: kind, equals: SERVICE_REQUEST}, {field: requester, in: ["person:alice"]},
                                     {field: service, equals: mail}, {field: lastPublicUpdate, present: true}]}
                """;
        assertThat(LifecycleDefinitions.read(accepted, DefinitionFormat.YAML).transitions().get(0).guards()).hasSize(1);
        DefinitionProblem problem = only(accepted + "      - requiresFields: [requester]\n", DefinitionFormat.YAML);
        assertThat(problem.path()).isEqualTo("$.transitions[0].guards[1].requiresFields[0]");
        assertThat(problem.message()).contains("is a name derived from the ticket", "which only a condition can read");
    }
}
