package dev.itsmkit.testkit;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.itsmkit.core.FieldValue;
import dev.itsmkit.core.Identifier;
import dev.itsmkit.core.Priority;
import dev.itsmkit.core.StateCategory;
import dev.itsmkit.core.TicketState;
import dev.itsmkit.core.timing.ClockStatus;
import dev.itsmkit.core.timing.ThresholdCrossing;
import dev.itsmkit.sla.BusinessCalendar;
import dev.itsmkit.sla.BusinessCalendars;
import dev.itsmkit.sla.Condition;
import dev.itsmkit.sla.Goals;
import dev.itsmkit.sla.OpeningHours;
import dev.itsmkit.sla.PriorityChangeRule;
import dev.itsmkit.sla.SlaPolicy;
import dev.itsmkit.sla.SlaTarget;
import dev.itsmkit.sla.SlaTimeline;
import dev.itsmkit.sla.TicketView;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.MonthDay;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads SLA scenario files (format 1) strictly: every fault is reported with the JSON path where it
 * is and what is wrong. Unknown keys are faults, except keys that start with {@code x-}, which are
 * ignored wherever they are. JSON is read as is; YAML is read into the same tree (a file whose name
 * ends in {@code .yaml} or {@code .yml}), so both say exactly the same things.
 *
 * <p>Values of event fields and of the {@code equals} and {@code in} conditions map to field values by
 * their JSON type: a string to {@link FieldValue.Text} (an ISO instant in a string stays text), a number
 * to {@link FieldValue.Number}, a boolean to {@link FieldValue.Bool}, an array to
 * {@link FieldValue.Multi}; {@code null} in an event's fields removes the field. Thread-safe.
 */
public final class ScenarioParser {
    /** The one format version this parser reads. */
    public static final int FORMAT = 1;
    /** The id of the policy built from a file's {@code policy}; its version is 1. */
    public static final String POLICY_ID = "scenario";

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private static final Pattern SIMPLE_KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern HOURS = Pattern.compile("([01]\\d|2[0-3]):[0-5]\\d-(([01]\\d|2[0-3]):[0-5]\\d|24:00)");
    private static final Pattern DURATION =
            Pattern.compile("-?P(?=\\d|T\\d)(\\d+D)?(T(?=\\d)(\\d+H)?(\\d+M)?(\\d+([.,]\\d{1,9})?S)?)?");
    private static final Pattern MONTH_DAY = Pattern.compile("\\d\\d-\\d\\d");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d\\d-\\d\\d");
    private static final Map<String, DayOfWeek> WEEKDAYS = weekdays();

    private static final List<String> TOP_KEYS =
            List.of("format", "name", "calendars", "checks", "policy", "timeline", "at", "expect");
    private static final List<String> CALENDAR_KEYS = List.of("zone", "hours", "holidays", "yearly", "exceptions");
    private static final List<String> CHECK_KEYS = List.of("calendar", "add", "to", "between", "open", "expect");
    private static final List<String> POLICY_KEYS = List.of("targets");
    private static final List<String> TARGET_KEYS = List.of("name", "calendar", "goal", "start", "pause", "stop",
            "cancel", "restart", "onPriorityChange", "warn");
    private static final List<String> CONDITION_FORMS =
            List.of("category", "state", "priority", "field", "all", "any", "not");
    private static final List<String> FIELD_CONDITION_KEYS = List.of("field", "equals", "in", "present");
    private static final List<String> EVENT_KEYS = List.of("at", "state", "category", "priority", "fields");
    private static final List<String> OUTCOME_KEYS = List.of("cycle", "status", "elapsed", "remaining", "due",
            "breachedAt", "warnings", "cycles");
    private static final List<String> WARNING_KEYS = List.of("percent", "at");

    private final String source;

    private ScenarioParser(String source) {
        this.source = source;
    }

    /**
     * Reads a scenario file: YAML if its name ends in {@code .yaml} or {@code .yml}, JSON otherwise.
     *
     * @param file the file
     * @return the scenario, with the file's path as its source
     * @throws ScenarioFormatException if the file cannot be read or does not follow the format
     */
    public static Scenario parse(Path file) {
        requireNonNull(file, "file");
        String source = file.toString();
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            throw new ScenarioFormatException(source, "$", "cannot read the file: " + e);
        }
        String name = String.valueOf(file.getFileName()).toLowerCase(Locale.ROOT);
        return name.endsWith(".yaml") || name.endsWith(".yml") ? parseYaml(text, source) : parseJson(text, source);
    }

    /**
     * Reads a scenario written in JSON.
     *
     * @param json the document
     * @param source a name for the document in reports and errors
     * @return the scenario
     * @throws ScenarioFormatException if the document does not follow the format
     */
    public static Scenario parseJson(String json, String source) {
        return new ScenarioParser(requireNonNull(source, "source")).read(JSON, requireNonNull(json, "json"));
    }

    /**
     * Reads a scenario written in YAML.
     *
     * @param yaml the document
     * @param source a name for the document in reports and errors
     * @return the scenario
     * @throws ScenarioFormatException if the document does not follow the format
     */
    public static Scenario parseYaml(String yaml, String source) {
        return new ScenarioParser(requireNonNull(source, "source")).read(YAML, requireNonNull(yaml, "yaml"));
    }

    private Scenario read(ObjectMapper mapper, String text) {
        JsonNode root;
        try {
            root = mapper.readTree(text);
        } catch (JacksonException e) {
            JsonLocation where = e.getLocation();
            String at = where == null ? "" : " (line " + where.getLineNr() + ", column " + where.getColumnNr() + ")";
            String message = String.valueOf(e.getOriginalMessage()).strip();
            int lineBreak = message.indexOf('\n');
            throw fault("$", "not well-formed" + at + ": " + (lineBreak < 0 ? message : message.substring(0, lineBreak)));
        }
        if (root == null || root.isMissingNode()) {
            throw fault("$", "the document is empty; a scenario is an object with \"format\": 1");
        }
        return scenario(root);
    }

    // ---------------------------------------------------------------- top level

    private Scenario scenario(JsonNode root) {
        Obj top = object(root, "$", TOP_KEYS);
        JsonNode format = top.required("format");
        if (!format.isIntegralNumber() || !format.canConvertToInt() || format.intValue() != FORMAT) {
            throw fault(top.path("format"), "this runner reads format " + FORMAT + ", got " + describe(format)
                    + "; a file of another format needs a runner that knows it");
        }
        String name = top.optional("name").map(n -> text(n, top.path("name"))).orElse("");

        Map<String, BusinessCalendar> defined = new TreeMap<>();
        top.optional("calendars").ifPresent(node -> {
            Obj calendars = object(node, top.path("calendars"), null);
            for (String calendarName : calendars.keys()) {
                String path = calendars.path(calendarName);
                if (BusinessCalendars.ALWAYS.equals(calendarName)) {
                    throw fault(path, "the calendar " + BusinessCalendars.ALWAYS
                            + " is built in (every instant counts) and cannot be redefined");
                }
                identifier(calendarName, path, "calendar name");
                defined.put(calendarName, calendar(calendars.get(calendarName), path));
            }
        });
        BusinessCalendars calendars = BusinessCalendars.of(defined);

        List<CalendarCheck> checks = new ArrayList<>();
        top.optional("checks").ifPresent(node -> {
            List<JsonNode> items = array(node, top.path("checks"), true);
            for (int i = 0; i < items.size(); i++) {
                checks.add(check(items.get(i), top.path("checks") + "[" + i + "]", calendars));
            }
        });

        Optional<JsonNode> policyNode = top.optional("policy");
        Optional<JsonNode> timelineNode = top.optional("timeline");
        if (policyNode.isEmpty() && timelineNode.isPresent()) {
            throw fault("$", "a timeline is replayed against a policy: add \"policy\"");
        }
        if (policyNode.isPresent() && timelineNode.isEmpty()) {
            throw fault("$", "a policy is evaluated on a timeline: add \"timeline\"");
        }
        for (String key : List.of("at", "expect")) {
            if (top.has(key) && policyNode.isEmpty()) {
                throw fault(top.path(key), "\"" + key + "\" belongs with \"policy\" and \"timeline\", which this file lacks");
            }
        }
        if (checks.isEmpty() && policyNode.isEmpty()) {
            throw fault("$", "a scenario holds checks, a timeline (with its policy), or both; this file has neither");
        }

        SlaPolicy policy = null;
        List<SlaTimeline.Change> timeline = List.of();
        Instant at = null;
        List<ExpectedOutcome> expectations = new ArrayList<>();
        if (policyNode.isPresent() && timelineNode.isPresent()) {
            policy = policy(policyNode.get(), top.path("policy"), calendars);
            timeline = timeline(timelineNode.get(), top.path("timeline"));
            at = top.optional("at").map(n -> instant(n, top.path("at")))
                    .orElse(timeline.get(timeline.size() - 1).at());
            SlaPolicy known = policy;
            top.optional("expect").ifPresent(node -> expectations.addAll(expectations(node, top.path("expect"), known)));
        }
        return new Scenario(source, name, calendars, checks, policy, timeline, at, expectations);
    }

    // ---------------------------------------------------------------- calendars

    private BusinessCalendar calendar(JsonNode node, String path) {
        Obj cal = object(node, path, CALENDAR_KEYS);
        String zoneText = text(cal.required("zone"), cal.path("zone"));
        ZoneId zone;
        try {
            zone = ZoneId.of(zoneText);
        } catch (DateTimeException e) {
            throw fault(cal.path("zone"), "unknown time zone '" + Identifier.printable(zoneText)
                    + "'; give an IANA time-zone id such as Europe/Berlin");
        }
        if (zone instanceof ZoneOffset || zoneText.matches("(UTC|GMT|UT)[+-].*")) {
            throw fault(cal.path("zone"), "a zone is an IANA time-zone id such as Europe/Berlin or UTC, not an offset; got '"
                    + zoneText + "'");
        }
        BusinessCalendar.Builder builder = BusinessCalendar.builder().zone(zone);
        cal.optional("hours").ifPresent(hoursNode -> {
            Obj hours = object(hoursNode, cal.path("hours"), null);
            for (String day : hours.keys()) {
                DayOfWeek weekday = WEEKDAYS.get(day);
                if (weekday == null) {
                    throw fault(hours.path(day), "unknown weekday '" + Identifier.printable(day)
                            + "'; weekdays are " + WEEKDAYS.keySet());
                }
                builder.hours(weekday, intervals(hours.get(day), hours.path(day)));
            }
        });
        cal.optional("holidays").ifPresent(list -> {
            List<JsonNode> items = array(list, cal.path("holidays"), false);
            for (int i = 0; i < items.size(); i++) {
                builder.holiday(date(items.get(i), cal.path("holidays") + "[" + i + "]"));
            }
        });
        cal.optional("yearly").ifPresent(list -> {
            List<JsonNode> items = array(list, cal.path("yearly"), false);
            for (int i = 0; i < items.size(); i++) {
                String itemPath = cal.path("yearly") + "[" + i + "]";
                String text = text(items.get(i), itemPath);
                try {
                    if (!MONTH_DAY.matcher(text).matches()) {
                        throw new DateTimeException("not MM-DD");
                    }
                    builder.yearlyHoliday(MonthDay.parse("--" + text));
                } catch (DateTimeException e) {
                    throw fault(itemPath, "a yearly holiday is written MM-DD, for example 12-25, got '"
                            + Identifier.printable(text) + "'");
                }
            }
        });
        cal.optional("exceptions").ifPresent(exceptionsNode -> {
            Obj exceptions = object(exceptionsNode, cal.path("exceptions"), null);
            for (String day : exceptions.keys()) {
                LocalDate date = date(day, exceptions.path(day));
                builder.exception(date, intervals(exceptions.get(day), exceptions.path(day)));
            }
        });
        return builder.build();
    }

    private List<OpeningHours> intervals(JsonNode node, String path) {
        List<JsonNode> items = array(node, path, false);
        List<OpeningHours> hours = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            String itemPath = path + "[" + i + "]";
            String text = text(items.get(i), itemPath);
            OpeningHours interval;
            try {
                if (!HOURS.matcher(text).matches()) {
                    throw new IllegalArgumentException("not HH:MM-HH:MM");
                }
                interval = OpeningHours.parse(text);
            } catch (IllegalArgumentException e) {
                throw fault(itemPath, "opening hours are written HH:MM-HH:MM with an end after the start (end 24:00 "
                        + "means midnight), for example 09:00-17:00; got '" + Identifier.printable(text) + "'");
            }
            for (int j = 0; j < hours.size(); j++) {
                if (hours.get(j).overlaps(interval)) {
                    throw fault(itemPath, "opening hours " + text + " overlap " + hours.get(j) + " (" + path + "[" + j
                            + "]); intervals of one day must not overlap");
                }
            }
            hours.add(interval);
        }
        return hours;
    }

    // ---------------------------------------------------------------- checks

    private CalendarCheck check(JsonNode node, String path, BusinessCalendars calendars) {
        Obj check = object(node, path, CHECK_KEYS);
        String calendar = calendarName(check.required("calendar"), check.path("calendar"), calendars);
        List<String> forms = new ArrayList<>();
        for (String form : List.of("add", "between", "open")) {
            if (check.has(form)) {
                forms.add(form);
            }
        }
        if (forms.size() != 1) {
            throw fault(path, "a check has exactly one of \"add\" (with \"to\"), \"between\" and \"open\"; got "
                    + (forms.isEmpty() ? "none" : forms));
        }
        if (check.has("to") && !forms.get(0).equals("add")) {
            throw fault(check.path("to"), "\"to\" belongs with \"add\"");
        }
        JsonNode expect = check.required("expect");
        switch (forms.get(0)) {
            case "add" -> {
                Duration add = duration(check.required("add"), check.path("add"));
                if (add.isNegative()) {
                    throw fault(check.path("add"), "only zero or positive business time can be added, got " + check.get("add"));
                }
                Instant to = instant(check.required("to"), check.path("to"));
                return new CalendarCheck.Add(path, calendar, add, to, instant(expect, check.path("expect")));
            }
            case "between" -> {
                List<JsonNode> pair = array(check.get("between"), check.path("between"), false);
                if (pair.size() != 2) {
                    throw fault(check.path("between"), "\"between\" is a list of two instants, got " + pair.size());
                }
                return new CalendarCheck.Between(path, calendar, instant(pair.get(0), check.path("between") + "[0]"),
                        instant(pair.get(1), check.path("between") + "[1]"), duration(expect, check.path("expect")));
            }
            default -> {
                Instant at = instant(check.get("open"), check.path("open"));
                if (!expect.isBoolean()) {
                    throw fault(check.path("expect"), "an \"open\" check expects true or false, got " + describe(expect));
                }
                return new CalendarCheck.Open(path, calendar, at, expect.booleanValue());
            }
        }
    }

    // ---------------------------------------------------------------- policy

    private SlaPolicy policy(JsonNode node, String path, BusinessCalendars calendars) {
        Obj policy = object(node, path, POLICY_KEYS);
        List<JsonNode> items = array(policy.required("targets"), policy.path("targets"), true);
        List<SlaTarget> targets = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            SlaTarget target = target(items.get(i), policy.path("targets") + "[" + i + "]", calendars);
            if (!names.add(target.name())) {
                throw fault(policy.path("targets") + "[" + i + "].name", "two targets are named " + target.name()
                        + "; target names must differ");
            }
            targets.add(target);
        }
        return SlaPolicy.of(POLICY_ID, 1, targets);
    }

    private SlaTarget target(JsonNode node, String path, BusinessCalendars calendars) {
        Obj target = object(node, path, TARGET_KEYS);
        String name = identifier(text(target.required("name"), target.path("name")), target.path("name"), "target name");
        SlaTarget.Builder builder = SlaTarget.builder(name)
                .goals(goals(target.required("goal"), target.path("goal")));
        target.optional("calendar").ifPresent(c -> builder.calendar(calendarName(c, target.path("calendar"), calendars)));
        target.optional("start").ifPresent(c -> builder.start(condition(c, target.path("start"))));
        target.optional("pause").ifPresent(c -> builder.pause(condition(c, target.path("pause"))));
        if (target.has("stop")) {
            builder.stop(condition(target.get("stop"), target.path("stop")));
        }
        target.optional("cancel").ifPresent(c -> builder.cancel(condition(c, target.path("cancel"))));
        target.optional("restart").ifPresent(c -> builder.restart(condition(c, target.path("restart"))));
        target.optional("onPriorityChange").ifPresent(rule -> {
            String text = text(rule, target.path("onPriorityChange"));
            switch (text) {
                case "retarget" -> builder.onPriorityChange(PriorityChangeRule.RETARGET);
                case "restart" -> builder.onPriorityChange(PriorityChangeRule.RESTART);
                default -> throw fault(target.path("onPriorityChange"), "\"onPriorityChange\" is \"retarget\" or "
                        + "\"restart\", got '" + Identifier.printable(text) + "'");
            }
        });
        target.optional("warn").ifPresent(list -> {
            List<JsonNode> items = array(list, target.path("warn"), false);
            int[] percents = new int[items.size()];
            Set<Integer> seen = new HashSet<>();
            for (int i = 0; i < items.size(); i++) {
                String itemPath = target.path("warn") + "[" + i + "]";
                JsonNode item = items.get(i);
                if (!item.isIntegralNumber() || !item.canConvertToInt() || item.intValue() < 1 || item.intValue() > 99) {
                    throw fault(itemPath, "a warning is a whole percentage of the goal from 1 to 99, got " + describe(item));
                }
                if (!seen.add(item.intValue())) {
                    throw fault(itemPath, "the warning at " + item.intValue() + "% is listed twice");
                }
                percents[i] = item.intValue();
            }
            builder.warnAt(percents);
        });
        try {
            return builder.build();
        } catch (IllegalArgumentException e) {
            throw fault(path, e.getMessage());
        }
    }

    private Goals goals(JsonNode node, String path) {
        if (node.isTextual()) {
            return Goals.always(positive(duration(node, path), path));
        }
        Obj goals = object(node, path, null);
        if (goals.keys().isEmpty()) {
            throw fault(path, "a goal map needs at least one priority (P1 to P9) or \"*\"");
        }
        Map<Priority, Duration> byPriority = new TreeMap<>();
        Optional<Duration> otherwise = Optional.empty();
        for (String key : goals.keys()) {
            Duration goal = positive(duration(goals.get(key), goals.path(key)), goals.path(key));
            if (key.equals("*")) {
                otherwise = Optional.of(goal);
            } else {
                byPriority.put(priority(key, goals.path(key)), goal);
            }
        }
        Goals parsed = byPriority.isEmpty() ? Goals.always(otherwise.orElseThrow()) : Goals.of(byPriority);
        return otherwise.isPresent() ? parsed.otherwise(otherwise.get()) : parsed;
    }

    private Duration positive(Duration goal, String path) {
        if (goal.isNegative() || goal.isZero()) {
            throw fault(path, "a goal is a positive duration, got " + ScenarioValues.duration(goal));
        }
        return goal;
    }

    // ---------------------------------------------------------------- conditions

    private Condition condition(JsonNode node, String path) {
        Obj condition = object(node, path, null);
        List<String> keys = condition.keys();
        if (keys.contains("field")) {
            condition.onlyKeys(FIELD_CONDITION_KEYS, "a field condition has \"field\" and one of \"equals\", \"in\" "
                    + "and \"present\"");
            String field = identifier(text(condition.get("field"), condition.path("field")), condition.path("field"),
                    "field name");
            List<String> tests = keys.stream().filter(k -> !k.equals("field")).toList();
            if (tests.size() != 1) {
                throw fault(path, "a field condition has exactly one of \"equals\", \"in\" and \"present\"; got "
                        + (tests.isEmpty() ? "none" : tests));
            }
            String test = tests.get(0);
            JsonNode value = condition.get(test);
            String valuePath = condition.path(test);
            return switch (test) {
                case "equals" -> Condition.fieldEquals(field, value(value, valuePath, false));
                case "in" -> {
                    List<JsonNode> items = array(value, valuePath, true);
                    List<FieldValue> values = new ArrayList<>();
                    for (int i = 0; i < items.size(); i++) {
                        values.add(value(items.get(i), valuePath + "[" + i + "]", false));
                    }
                    yield Condition.fieldIn(field, values);
                }
                default -> {
                    if (!value.isBoolean()) {
                        throw fault(valuePath, "\"present\" is true or false, got " + describe(value));
                    }
                    yield Condition.fieldPresent(field, value.booleanValue());
                }
            };
        }
        if (keys.size() != 1) {
            for (String key : keys) {
                if (!CONDITION_FORMS.contains(key)) {
                    throw condition.unknown(key, CONDITION_FORMS);
                }
            }
            throw fault(path, "a condition has exactly one form of " + CONDITION_FORMS + "; got "
                    + (keys.isEmpty() ? "none" : keys + " (combine several with \"all\")"));
        }
        String form = keys.get(0);
        String formPath = condition.path(form);
        JsonNode value = condition.get(form);
        return switch (form) {
            case "category" -> Condition.category(distinct(value, formPath, this::category)
                    .toArray(StateCategory[]::new));
            case "state" -> Condition.state(distinct(value, formPath,
                    (n, p) -> identifier(text(n, p), p, "state name")).toArray(String[]::new));
            case "priority" -> Condition.priority(distinct(value, formPath,
                    (n, p) -> priority(text(n, p), p)).toArray(Priority[]::new));
            case "all", "any" -> {
                List<JsonNode> items = array(value, formPath, true);
                Condition[] parts = new Condition[items.size()];
                for (int i = 0; i < items.size(); i++) {
                    parts[i] = condition(items.get(i), formPath + "[" + i + "]");
                }
                yield form.equals("all") ? Condition.all(parts) : Condition.any(parts);
            }
            case "not" -> Condition.not(condition(value, formPath));
            default -> throw condition.unknown(form, CONDITION_FORMS);
        };
    }

    private interface ItemReader<T> {
        T read(JsonNode node, String path);
    }

    private <T> List<T> distinct(JsonNode node, String path, ItemReader<T> reader) {
        List<JsonNode> items = array(node, path, true);
        List<T> values = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            T value = reader.read(items.get(i), path + "[" + i + "]");
            if (values.contains(value)) {
                throw fault(path + "[" + i + "]", value + " is listed twice");
            }
            values.add(value);
        }
        return values;
    }

    private StateCategory category(JsonNode node, String path) {
        String text = text(node, path);
        try {
            return StateCategory.valueOf(text);
        } catch (IllegalArgumentException e) {
            throw fault(path, "unknown state category '" + Identifier.printable(text) + "'; categories are "
                    + Arrays.toString(StateCategory.values()));
        }
    }

    private Priority priority(String text, String path) {
        try {
            return Priority.parse(text);
        } catch (IllegalArgumentException e) {
            throw fault(path, "a priority is written P1 to P" + Priority.MAX_LEVEL + ", got '"
                    + Identifier.printable(text) + "'");
        }
    }

    /** Maps a JSON value to a field value by its type; {@code null} only where {@code nullAllowed}. */
    private @Nullable FieldValue value(JsonNode node, String path, boolean nullAllowed) {
        if (node.isNull()) {
            if (nullAllowed) {
                return null;
            }
            throw fault(path, "null is no value to compare with; to test that a field is not set, use "
                    + "{\"field\": NAME, \"present\": false}");
        }
        return nonNullValue(node, path, true);
    }

    private FieldValue nonNullValue(JsonNode node, String path, boolean listAllowed) {
        if (node.isTextual()) {
            try {
                return new FieldValue.Text(node.textValue());
            } catch (IllegalArgumentException e) {
                throw fault(path, e.getMessage());
            }
        }
        if (node.isNumber()) {
            return new FieldValue.Number(node.decimalValue());
        }
        if (node.isBoolean()) {
            return new FieldValue.Bool(node.booleanValue());
        }
        if (node.isArray() && listAllowed) {
            List<FieldValue> elements = new ArrayList<>();
            for (int i = 0; i < node.size(); i++) {
                JsonNode element = node.get(i);
                if (element.isNull()) {
                    throw fault(path + "[" + i + "]", "a list value holds no null");
                }
                elements.add(nonNullValue(element, path + "[" + i + "]", false));
            }
            return new FieldValue.Multi(elements);
        }
        throw fault(path, "a field value is a string, a number, a boolean or a list of those"
                + (listAllowed ? "" : " (lists do not nest)") + ", got " + describe(node));
    }

    // ---------------------------------------------------------------- timeline

    private List<SlaTimeline.Change> timeline(JsonNode node, String path) {
        List<JsonNode> items = array(node, path, true);
        List<SlaTimeline.Change> changes = new ArrayList<>();
        TicketState state = null;
        Priority priority = null;
        Map<String, FieldValue> fields = new LinkedHashMap<>();
        Instant previous = null;
        for (int i = 0; i < items.size(); i++) {
            String eventPath = path + "[" + i + "]";
            Obj event = object(items.get(i), eventPath, EVENT_KEYS);
            Instant at = instant(event.required("at"), event.path("at"));
            if (previous != null && at.isBefore(previous)) {
                throw fault(event.path("at"), "events are in time order, but this one (" + event.get("at").asText()
                        + ") comes before the previous one (" + ScenarioValues.instant(previous, ZoneOffset.UTC) + ")");
            }
            previous = at;
            if (event.has("state") != event.has("category")) {
                throw fault(eventPath, "\"state\" and \"category\" come together: a state is named with its category");
            }
            if (event.has("state")) {
                String name = identifier(text(event.get("state"), event.path("state")), event.path("state"), "state name");
                state = TicketState.of(name, category(event.get("category"), event.path("category")));
            }
            if (event.has("priority")) {
                priority = priority(text(event.get("priority"), event.path("priority")), event.path("priority"));
            }
            if (state == null || priority == null) {
                throw fault(eventPath, "the first event creates the ticket and gives its \"state\", \"category\" "
                        + "and \"priority\"");
            }
            if (event.has("fields")) {
                Obj changed = object(event.get("fields"), event.path("fields"), null);
                for (String field : changed.keys()) {
                    identifier(field, changed.path(field), "field name");
                    FieldValue value = value(changed.get(field), changed.path(field), true);
                    if (value == null) {
                        fields.remove(field);
                    } else {
                        fields.put(field, value);
                    }
                }
            }
            changes.add(new SlaTimeline.Change(at, TicketView.of(state, priority, fields)));
        }
        return changes;
    }

    // ---------------------------------------------------------------- expectations

    private List<ExpectedOutcome> expectations(JsonNode node, String path, SlaPolicy policy) {
        Obj expect = object(node, path, null);
        List<ExpectedOutcome> expectations = new ArrayList<>();
        for (String target : expect.keys()) {
            String targetPath = expect.path(target);
            if (policy.target(target).isEmpty()) {
                throw fault(targetPath, "the policy has no target named '" + Identifier.printable(target)
                        + "'; its targets are " + policy.targets().stream().map(SlaTarget::name).toList());
            }
            JsonNode value = expect.get(target);
            if (value.isArray()) {
                List<JsonNode> items = array(value, targetPath, true);
                for (int i = 0; i < items.size(); i++) {
                    expectations.add(outcome(items.get(i), targetPath + "[" + i + "]", target));
                }
            } else {
                expectations.add(outcome(value, targetPath, target));
            }
        }
        return expectations;
    }

    private ExpectedOutcome outcome(JsonNode node, String path, String target) {
        Obj outcome = object(node, path, OUTCOME_KEYS);
        if (outcome.keys().isEmpty()) {
            throw fault(path, "an expected outcome lists what it checks, at least one of " + OUTCOME_KEYS);
        }
        OptionalInt cycle = OptionalInt.empty();
        if (outcome.has("cycle")) {
            cycle = OptionalInt.of(count(outcome.get("cycle"), outcome.path("cycle"), 1, "a cycle, counting from 1"));
        }
        Map<OutcomeField, Optional<?>> fields = new EnumMap<>(OutcomeField.class);
        for (OutcomeField field : OutcomeField.values()) {
            if (!outcome.has(field.key())) {
                continue;
            }
            JsonNode value = outcome.get(field.key());
            String valuePath = outcome.path(field.key());
            Optional<?> expected = switch (field) {
                case STATUS -> Optional.of(status(value, valuePath));
                case ELAPSED -> Optional.of(duration(value, valuePath));
                case REMAINING -> value.isNull() ? Optional.empty() : Optional.of(duration(value, valuePath));
                case DUE, BREACHED_AT -> value.isNull() ? Optional.empty() : Optional.of(instant(value, valuePath));
                case WARNINGS -> Optional.of(warnings(value, valuePath));
                case CYCLES -> Optional.of(count(value, valuePath, 0, "a number of cycles"));
            };
            fields.put(field, expected);
        }
        return new ExpectedOutcome(path, target, cycle, fields);
    }

    private ClockStatus status(JsonNode node, String path) {
        String text = text(node, path);
        try {
            return ClockStatus.valueOf(text);
        } catch (IllegalArgumentException e) {
            throw fault(path, "unknown status '" + Identifier.printable(text) + "'; a status is one of "
                    + Arrays.toString(ClockStatus.values()));
        }
    }

    private List<ThresholdCrossing> warnings(JsonNode node, String path) {
        List<JsonNode> items = array(node, path, false);
        List<ThresholdCrossing> warnings = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Obj warning = object(items.get(i), path + "[" + i + "]", WARNING_KEYS);
            int percent = count(warning.required("percent"), warning.path("percent"), 1, "a percentage from 1 to 99");
            if (percent > 99) {
                throw fault(warning.path("percent"), "a warning is a percentage from 1 to 99, got " + percent);
            }
            warnings.add(new ThresholdCrossing(percent, instant(warning.required("at"), warning.path("at"))));
        }
        return warnings;
    }

    // ---------------------------------------------------------------- values

    private String calendarName(JsonNode node, String path, BusinessCalendars calendars) {
        String name = text(node, path);
        if (calendars.find(name).isEmpty()) {
            throw fault(path, "unknown calendar '" + Identifier.printable(name) + "'; calendars are "
                    + new TreeSet<>(calendars.names()));
        }
        return name;
    }

    private Instant instant(JsonNode node, String path) {
        String text = text(node, path);
        Instant instant;
        try {
            instant = OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            String hint = "";
            try {
                LocalDateTime.parse(text);
                hint = " (it has no offset: add Z or one such as +01:00)";
            } catch (DateTimeParseException notLocal) {
                // not even a local date-time: the general message says enough
            }
            throw fault(path, "an instant is ISO-8601 with an offset, such as 2026-12-23T15:00:00+01:00, got '"
                    + Identifier.printable(text) + "'" + hint);
        }
        if (instant.isBefore(BusinessCalendar.SUPPORTED_FROM) || !instant.isBefore(BusinessCalendar.SUPPORTED_UNTIL)) {
            throw fault(path, "instants from " + BusinessCalendar.SUPPORTED_FROM + " until "
                    + BusinessCalendar.SUPPORTED_UNTIL + " are supported, got " + text);
        }
        return instant;
    }

    private Duration duration(JsonNode node, String path) {
        String text = text(node, path);
        try {
            if (!DURATION.matcher(text).matches()) {
                throw new DateTimeParseException("not of the form", text, 0);
            }
            return Duration.parse(text);
        } catch (DateTimeParseException e) {
            throw fault(path, "a duration is ISO-8601 with days at most, such as PT4H, PT1H30M or P2DT3H (51 hours), "
                    + "got '" + Identifier.printable(text) + "'");
        }
    }

    private LocalDate date(JsonNode node, String path) {
        return date(text(node, path), path);
    }

    private LocalDate date(String text, String path) {
        try {
            if (!DATE.matcher(text).matches()) {
                throw new DateTimeParseException("not YYYY-MM-DD", text, 0);
            }
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw fault(path, "a date is written YYYY-MM-DD, for example 2026-12-25, got '"
                    + Identifier.printable(text) + "'");
        }
    }

    private int count(JsonNode node, String path, int min, String what) {
        if (!node.isIntegralNumber() || !node.canConvertToInt() || node.intValue() < min) {
            throw fault(path, "expected " + what + " (a whole number of at least " + min + "), got " + describe(node));
        }
        return node.intValue();
    }

    private String identifier(String value, String path, String kind) {
        try {
            return Identifier.check(kind, value);
        } catch (IllegalArgumentException e) {
            throw fault(path, e.getMessage());
        }
    }

    private String text(JsonNode node, String path) {
        if (!node.isTextual()) {
            throw fault(path, "expected a string, got " + describe(node));
        }
        return node.textValue();
    }

    private List<JsonNode> array(JsonNode node, String path, boolean nonEmpty) {
        if (!node.isArray()) {
            throw fault(path, "expected a list, got " + describe(node));
        }
        if (nonEmpty && node.isEmpty()) {
            throw fault(path, "expected a list of at least one element, got []");
        }
        List<JsonNode> items = new ArrayList<>(node.size());
        node.elements().forEachRemaining(items::add);
        return items;
    }

    private Obj object(JsonNode node, String path, @Nullable List<String> allowed) {
        if (!node.isObject()) {
            throw fault(path, "expected an object, got " + describe(node));
        }
        Obj obj = new Obj(node, path);
        if (allowed != null) {
            obj.onlyKeys(allowed, null);
        }
        return obj;
    }

    private static String describe(JsonNode node) {
        String shown = node.toString();
        if (shown.length() > 60) {
            shown = shown.substring(0, 57) + "...";
        }
        String type = switch (node.getNodeType()) {
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case ARRAY -> "a list";
            case OBJECT -> "an object";
            case NULL -> "null";
            default -> node.getNodeType().toString().toLowerCase(Locale.ROOT);
        };
        return node.isNull() ? "null" : type + " " + shown;
    }

    /** Appends a key to a JSON path: {@code .key} when it is a plain name, {@code ['key']} otherwise. */
    static String child(String path, String key) {
        return SIMPLE_KEY.matcher(key).matches() ? path + "." + key
                : path + "['" + key.replace("\\", "\\\\").replace("'", "\\'") + "']";
    }

    private ScenarioFormatException fault(String path, String problem) {
        return new ScenarioFormatException(source, path, problem);
    }

    private static Map<String, DayOfWeek> weekdays() {
        Map<String, DayOfWeek> days = new LinkedHashMap<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            days.put(day.name().substring(0, 3), day);
        }
        return Map.copyOf(days);
    }

    /** An object of the tree with its path; keys starting with {@code x-} are invisible. */
    private final class Obj {
        private final JsonNode node;
        private final String path;
        private final List<String> keys = new ArrayList<>();

        Obj(JsonNode node, String path) {
            this.node = node;
            this.path = path;
            for (Iterator<String> names = node.fieldNames(); names.hasNext();) {
                String key = names.next();
                if (!key.startsWith("x-")) {
                    keys.add(key);
                }
            }
        }

        void onlyKeys(List<String> allowed, @Nullable String context) {
            for (String key : keys) {
                if (!allowed.contains(key)) {
                    ScenarioFormatException unknown = unknown(key, allowed);
                    throw context == null ? unknown : fault(path(key), unknown.problem() + "; " + context);
                }
            }
        }

        ScenarioFormatException unknown(String key, List<String> allowed) {
            return fault(path(key), "unknown key '" + Identifier.printable(key) + "'; keys here are " + allowed
                    + " (or \"x-...\" for notes)");
        }

        List<String> keys() {
            return keys;
        }

        boolean has(String key) {
            return keys.contains(key);
        }

        JsonNode get(String key) {
            return requireNonNull(node.get(key), key);
        }

        JsonNode required(String key) {
            if (!has(key)) {
                throw fault(path, "\"" + key + "\" is required here");
            }
            return get(key);
        }

        Optional<JsonNode> optional(String key) {
            return has(key) ? Optional.of(get(key)) : Optional.empty();
        }

        String path(String key) {
            return child(path, key);
        }
    }
}
