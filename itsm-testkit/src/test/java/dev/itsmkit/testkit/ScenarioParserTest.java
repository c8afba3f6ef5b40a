package dev.itsmkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.itsmkit.core.FieldValue;
import dev.itsmkit.core.Priority;
import dev.itsmkit.core.StateCategory;
import dev.itsmkit.core.timing.ClockStatus;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenarioParserTest {
    /** A valid file with a calendar, a check, a policy, a timeline and an expectation; tests break one thing. */
    private static final String VALID = """
            {
              "format": 1,
              "name": "base",
              "calendars": { "office": { "zone": "Europe/Berlin", "hours": { "MON": ["09:00-17:00"] },
                                         "holidays": ["2026-12-25"], "yearly": ["01-01"],
                                         "exceptions": { "2026-12-24": ["09:00-12:00"] } } },
              "checks": [ { "calendar": "office", "open": "2026-12-28T10:00:00+01:00", "expect": true } ],
              "policy": { "targets": [ {
                "name": "resolution", "calendar": "office",
                "goal": { "P1": "PT4H", "*": "PT8H" },
                "start": { "category": ["NEW"] },
                "stop": { "category": ["RESOLVED"] },
                "warn": [50] } ] },
              "timeline": [
                { "at": "2026-12-28T09:00:00+01:00", "state": "NEW", "category": "NEW", "priority": "P2" },
                { "at": "2026-12-28T10:00:00+01:00", "fields": { "note": "x" } }
              ],
              "expect": { "resolution": { "status": "RUNNING" } }
            }
            """;

    private static Scenario parse(String json) {
        return ScenarioParser.parseJson(json, "test.json");
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> fault(String json, String jsonPath) {
        return assertThatThrownBy(() -> parse(json))
                .isInstanceOfSatisfying(ScenarioFormatException.class, e -> {
                    assertThat(e.jsonPath()).isEqualTo(jsonPath);
                    assertThat(e.source()).isEqualTo("test.json");
                    assertThat(e.getMessage()).startsWith("test.json: " + jsonPath + ": ");
                });
    }

    private static String replace(String target, String replacement) {
        assertThat(VALID).contains(target);
        return VALID.replace(target, replacement);
    }

    @Test
    void theValidBaseFileReadsIntoItsModel() {
        Scenario scenario = parse(VALID);
        assertThat(scenario.name()).isEqualTo("base");
        assertThat(scenario.calendars().names()).containsExactlyInAnyOrder("office", "24x7");
        assertThat(scenario.checks()).containsExactly(new CalendarCheck.Open("$.checks[0]", "office",
                Instant.parse("2026-12-28T09:00:00Z"), true));
        assertThat(scenario.policy().orElseThrow().target("resolution").orElseThrow().goals().goalFor(Priority.of(1)))
                .contains(dev.itsmkit.sla.Goal.businessTime(Duration.ofHours(4)));
        assertThat(scenario.timeline()).hasSize(2);
        assertThat(scenario.timeline().get(1).ticket().state().category()).isEqualTo(StateCategory.NEW);
        assertThat(scenario.timeline().get(1).ticket().field("note")).contains(FieldValue.of("x"));
        assertThat(scenario.at()).contains(Instant.parse("2026-12-28T09:00:00Z"));
        assertThat(scenario.expectations()).singleElement().satisfies(e -> {
            assertThat(e.path()).isEqualTo("$.expect.resolution");
            assertThat(e.status()).contains(ClockStatus.RUNNING);
            assertThat(e.fields()).containsExactly(OutcomeField.STATUS);
        });
    }

    @Test
    void anUnknownKeyIsAFaultAtItsPath() {
        fault(replace("\"warn\": [50]", "\"warn\": [50], \"wran\": [75]"), "$.policy.targets[0].wran")
                .hasMessageContaining("unknown key 'wran'");
        fault(replace("\"name\": \"base\",", "\"name\": \"base\", \"checkz\": [],"), "$.checkz");
        fault(replace("{ \"status\": \"RUNNING\" }", "{ \"status\": \"RUNNING\", \"elapse\": \"PT1H\" }"),
                "$.expect.resolution.elapse");
    }

    @Test
    void keysStartingWithXDashAreIgnoredEverywhere() {
        Scenario scenario = parse(replace("\"warn\": [50]", "\"warn\": [50], \"x-note\": { \"anything\": [1, 2] }")
                .replace("\"name\": \"base\",", "\"name\": \"base\", \"x-owner\": \"team\",")
                .replace("{ \"category\": [\"RESOLVED\"] }", "{ \"category\": [\"RESOLVED\"], \"x-why\": \"done\" }"));
        assertThat(scenario.name()).isEqualTo("base");
    }

    @Test
    void aWrongTypeIsAFaultThatSaysWhatWasGiven() {
        fault(replace("\"warn\": [50]", "\"warn\": 50"), "$.policy.targets[0].warn")
                .hasMessageContaining("expected a list, got a number 50");
        fault(replace("\"state\": \"NEW\", \"category\": \"NEW\"", "\"state\": 7, \"category\": \"NEW\""),
                "$.timeline[0].state").hasMessageContaining("expected a string");
    }

    @Test
    void anInstantWithoutAnOffsetIsAFault() {
        fault(replace("\"at\": \"2026-12-28T10:00:00+01:00\"", "\"at\": \"2026-12-28T10:00:00\""), "$.timeline[1].at")
                .hasMessageContaining("no offset");
        fault(replace("\"open\": \"2026-12-28T10:00:00+01:00\"", "\"open\": \"tomorrow\""), "$.checks[0].open")
                .hasMessageContaining("ISO-8601 with an offset");
    }

    @Test
    void aBadDurationIsAFault() {
        fault(replace("\"P1\": \"PT4H\"", "\"P1\": \"4 hours\""), "$.policy.targets[0].goal.P1")
                .hasMessageContaining("a duration is ISO-8601");
        fault(replace("\"P1\": \"PT4H\"", "\"P1\": \"P1M\""), "$.policy.targets[0].goal.P1");
        fault(replace("\"P1\": \"PT4H\"", "\"P1\": \"PT0S\""), "$.policy.targets[0].goal.P1")
                .hasMessageContaining("positive");
    }

    @Test
    void aBadPriorityInAGoalIsAFaultAtItsKey() {
        fault(replace("\"P1\": \"PT4H\"", "\"P10\": \"PT4H\""), "$.policy.targets[0].goal.P10")
                .hasMessageContaining("P1 to P9");
        fault(replace("\"*\": \"PT8H\"", "\"any\": \"PT8H\""), "$.policy.targets[0].goal.any");
    }

    @Test
    void anUnknownCalendarIsAFault() {
        fault(replace("\"calendar\": \"office\",\n", "\"calendar\": \"ofice\",\n"), "$.policy.targets[0].calendar")
                .hasMessageContaining("unknown calendar 'ofice'").hasMessageContaining("[24x7, office]");
        fault(replace("{ \"calendar\": \"office\", \"open\"", "{ \"calendar\": \"night\", \"open\""),
                "$.checks[0].calendar");
    }

    @Test
    void aFormatOtherThanOneIsAFault() {
        fault(replace("\"format\": 1", "\"format\": 2"), "$.format").hasMessageContaining("format 1");
        fault(replace("\"format\": 1", "\"format\": \"1\""), "$.format");
        fault(replace("\"format\": 1,", ""), "$").hasMessageContaining("\"format\" is required");
    }

    @Test
    void aBadZoneIsAFault() {
        fault(replace("Europe/Berlin", "Europe/Bonn"), "$.calendars.office.zone").hasMessageContaining("IANA");
        fault(replace("Europe/Berlin", "+01:00"), "$.calendars.office.zone").hasMessageContaining("not an offset");
    }

    @Test
    void overlappingOrMalformedHoursAreAFault() {
        fault(replace("[\"09:00-17:00\"]", "[\"09:00-12:00\", \"11:00-17:00\"]"), "$.calendars.office.hours.MON[1]")
                .hasMessageContaining("overlap");
        fault(replace("[\"09:00-17:00\"]", "[\"9-17\"]"), "$.calendars.office.hours.MON[0]");
        fault(replace("[\"09:00-17:00\"]", "[\"17:00-09:00\"]"), "$.calendars.office.hours.MON[0]");
        fault(replace("\"MON\":", "\"MONDAY\":"), "$.calendars.office.hours.MONDAY");
        fault(replace("\"2026-12-24\": [", "\"2026-12-32\": ["), "$.calendars.office.exceptions['2026-12-32']");
        fault(replace("[\"01-01\"]", "[\"1-1\"]"), "$.calendars.office.yearly[0]");
    }

    @Test
    void theBuiltInCalendarCannotBeRedefined() {
        fault(replace("\"office\": { \"zone\"", "\"24x7\": { \"zone\""), "$.calendars['24x7']")
                .hasMessageContaining("built in");
    }

    @Test
    void conditionsHaveExactlyOneForm() {
        fault(replace("\"start\": { \"category\": [\"NEW\"] }", "\"start\": { \"category\": [\"NEW\"], \"state\": [\"X\"] }"),
                "$.policy.targets[0].start").hasMessageContaining("exactly one form");
        fault(replace("\"start\": { \"category\": [\"NEW\"] }", "\"start\": { \"categories\": [\"NEW\"] }"),
                "$.policy.targets[0].start.categories").hasMessageContaining("unknown key");
        fault(replace("\"start\": { \"category\": [\"NEW\"] }", "\"start\": { \"category\": [\"NEWISH\"] }"),
                "$.policy.targets[0].start.category[0]").hasMessageContaining("categories are");
        fault(replace("\"start\": { \"category\": [\"NEW\"] }", "\"start\": { \"field\": \"f\", \"equals\": 1, \"in\": [1] }"),
                "$.policy.targets[0].start");
        fault(replace("\"start\": { \"category\": [\"NEW\"] }", "\"start\": { \"field\": \"f\", \"equals\": null }"),
                "$.policy.targets[0].start.equals").hasMessageContaining("present");
        fault(replace("\"start\": { \"category\": [\"NEW\"] }", "\"start\": { \"any\": [ { \"not\": { \"priority\": [\"P0\"] } } ] }"),
                "$.policy.targets[0].start.any[0].not.priority[0]");
    }

    @Test
    void eventFieldsMapJsonTypesExactlyAndNullRemovesAField() {
        Scenario scenario = parse(replace("\"fields\": { \"note\": \"x\" }",
                "\"fields\": { \"note\": null, \"n\": 1.50, \"b\": true, \"s\": \"1\", "
                        + "\"when\": \"2026-12-28T10:00:00+01:00\", \"tags\": [\"a\", 2, false] }")
                .replace("\"priority\": \"P2\" }", "\"priority\": \"P2\", \"fields\": { \"note\": \"x\" } }"));
        var first = scenario.timeline().get(0).ticket();
        var second = scenario.timeline().get(1).ticket();
        assertThat(first.field("note")).contains(FieldValue.of("x"));
        assertThat(second.field("note")).isEmpty();
        assertThat(second.field("n")).contains(FieldValue.of(new BigDecimal("1.5")));
        assertThat(second.field("b")).contains(FieldValue.of(true));
        assertThat(second.field("s")).contains(FieldValue.of("1"));
        assertThat(second.field("when")).contains(FieldValue.of("2026-12-28T10:00:00+01:00"));
        assertThat(second.field("tags")).contains(new FieldValue.Multi(
                List.of(FieldValue.of("a"), FieldValue.of(2), FieldValue.of(false))));
    }

    @Test
    void theTimelineIsInTimeOrderAndItsFirstEventCreatesTheTicket() {
        fault(replace("\"at\": \"2026-12-28T10:00:00+01:00\"", "\"at\": \"2026-12-28T08:00:00+01:00\""),
                "$.timeline[1].at").hasMessageContaining("time order");
        fault(replace(", \"priority\": \"P2\" }", " }"), "$.timeline[0]").hasMessageContaining("priority");
        fault(replace("\"state\": \"NEW\", \"category\": \"NEW\",", "\"state\": \"NEW\","), "$.timeline[0]")
                .hasMessageContaining("come together");
    }

    @Test
    void anExpectationNamesATargetOfThePolicy() {
        fault(replace("\"expect\": { \"resolution\"", "\"expect\": { \"response\""), "$.expect.response")
                .hasMessageContaining("[resolution]");
        fault(replace("{ \"status\": \"RUNNING\" }", "{ \"status\": \"LATE\" }"), "$.expect.resolution.status");
        fault(replace("{ \"status\": \"RUNNING\" }", "[ { \"cycle\": 0 } ]"), "$.expect.resolution[0].cycle");
    }

    @Test
    void theDocumentMustBeWellFormedWithoutDuplicateKeys() {
        fault("{ \"format\": 1, ", "$").hasMessageContaining("not well-formed");
        fault(replace("\"name\": \"base\",", "\"name\": \"base\", \"name\": \"again\","), "$")
                .hasMessageContaining("name");
        fault("[]", "$").hasMessageContaining("expected an object");
        fault("{ \"format\": 1, \"name\": \"nothing\" }", "$").hasMessageContaining("neither");
    }

    @Test
    void yamlReadsIntoTheSameScenarioAsJson(@TempDir Path folder) throws Exception {
        Path yaml = folder.resolve("s.yaml");
        Files.writeString(yaml, """
                format: 1
                calendars:
                  office: { zone: Europe/Berlin, hours: { MON: ["09:00-17:00"] } }
                checks:
                  - { calendar: office, add: PT1H, to: "2026-12-28T09:00:00+01:00", expect: "2026-12-28T10:00:00+01:00" }
                """);
        Scenario scenario = ScenarioParser.parse(yaml);
        assertThat(scenario.source()).isEqualTo(yaml.toString());
        assertThat(scenario.checks()).containsExactly(new CalendarCheck.Add("$.checks[0]", "office", Duration.ofHours(1),
                Instant.parse("2026-12-28T08:00:00Z"), Instant.parse("2026-12-28T09:00:00Z")));
        Files.writeString(yaml, "format: 1\nchecks:\n  - { calendar: office }\n");
        assertThatThrownBy(() -> ScenarioParser.parse(yaml)).isInstanceOfSatisfying(ScenarioFormatException.class,
                e -> assertThat(e.jsonPath()).isEqualTo("$.checks[0].calendar"));
    }

    @Test
    void aMissingFileIsReportedAsInvalid(@TempDir Path folder) {
        assertThatThrownBy(() -> ScenarioParser.parse(folder.resolve("missing.json")))
                .isInstanceOfSatisfying(ScenarioFormatException.class, e -> {
                    assertThat(e.jsonPath()).isEqualTo("$");
                    assertThat(e.problem()).contains("cannot read");
                });
    }
}
