package com.ringside.wire;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.ringside.domain.Account;
import com.ringside.domain.CallOverride;
import com.ringside.domain.AccountStatus;
import com.ringside.domain.AttemptCap;
import com.ringside.domain.CallingHours;
import com.ringside.domain.Channel;
import com.ringside.domain.Checks;
import com.ringside.domain.ContactEvent;
import com.ringside.domain.ContactRule;
import com.ringside.domain.ContactWindow;
import com.ringside.domain.CoolDown;
import com.ringside.domain.CountAcross;
import com.ringside.domain.CountPer;
import com.ringside.domain.Customer;
import com.ringside.domain.DecisionReason;
import com.ringside.domain.DialDecision;
import com.ringside.domain.DialRequest;
import com.ringside.domain.Direction;
import com.ringside.domain.InvalidValueException;
import com.ringside.domain.LineOfBusiness;
import com.ringside.domain.Outcome;
import com.ringside.domain.Phone;
import com.ringside.domain.PhoneNumber;
import com.ringside.domain.PhoneType;
import com.ringside.domain.ReasonCode;
import com.ringside.domain.RuleScope;
import com.ringside.domain.SourceSystem;
import com.ringside.domain.TimeZones;
import com.ringside.domain.TimeRange;
import com.ringside.domain.UserRole;
import com.ringside.domain.Verdict;
import com.ringside.wire.WireRecords.AccountJson;
import com.ringside.wire.WireRecords.AppliesToJson;
import com.ringside.wire.WireRecords.AttemptCapJson;
import com.ringside.wire.WireRecords.CoolDownJson;
import com.ringside.wire.WireRecords.CustomerJson;
import com.ringside.wire.WireRecords.DecisionJson;
import com.ringside.wire.WireRecords.DecisionRequestJson;
import com.ringside.wire.WireRecords.EventJson;
import com.ringside.wire.WireRecords.PhoneJson;
import com.ringside.wire.WireRecords.ReasonJson;
import com.ringside.wire.WireRecords.RuleJson;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Between the wire shapes and the domain, in both directions. Every error names the field by its path in the
 * document ("rules[0].attemptCap.max: must be at least 1"), so whoever wrote the JSON can find it.
 */
public final class WireCodec {
    public static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .configure(DeserializationFeature.ACCEPT_FLOAT_AS_INT, false);

    private WireCodec() {
    }

    /** Parses JSON into a wire record; malformed JSON or a value of the wrong type names where it is. */
    public static <T> T read(String json, Class<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonMappingException e) {
            if (e.getOriginalMessage().contains("end-of-input")) {
                throw new InvalidValueException("(document)", "is not valid JSON: it ends too early");
            }
            throw new InvalidValueException(path(e), "expected " + expected(e));
        } catch (JsonProcessingException e) {
            throw new InvalidValueException("(document)", "is not valid JSON: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr()));
        }
    }

    /** Compact JSON, for storage and the wire. */
    public static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName(), e);
        }
    }

    /** Indented JSON, for people reading a terminal. */
    public static String writeIndented(Object value) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName(), e);
        }
    }

    public static ContactRule rule(RuleJson json, String path) {
        return at(path, () -> {
            required(path, "rule", json);
            return new ContactRule(uuid(path + ".id", json.id()), json.version() == null ? 1 : json.version(),
                    json.name(), json.enabled() == null || json.enabled(),
                    json.severity() == null ? Verdict.BLOCK : parse(path + ".severity", Verdict.class, json.severity()),
                    json.overrideRole() == null ? null : parse(path + ".overrideRole", UserRole.class, json.overrideRole()),
                    scope(json.appliesTo(), path + ".appliesTo"), cap(json.attemptCap(), path + ".attemptCap"),
                    list(json.coolDowns(), path + ".coolDowns", WireCodec::coolDown),
                    hours(json.callingHours(), path + ".callingHours"), json.holidays(),
                    Boolean.TRUE.equals(json.doNotCall()),
                    json.requireFreshCache() == null ? null : duration(path + ".requireFreshCache", json.requireFreshCache()));
        });
    }

    public static RuleJson rule(ContactRule rule) {
        AttemptCap cap = rule.attemptCap();
        return new RuleJson(rule.id().toString(), rule.version(), rule.name(), rule.enabled(), rule.severity().name(),
                rule.overrideRole() == null ? null : rule.overrideRole().name(),
                new AppliesToJson(names(rule.appliesTo().linesOfBusiness()), List.copyOf(rule.appliesTo().campaigns()),
                        rule.appliesTo().countries().stream().sorted().toList()),
                cap == null ? null : new AttemptCapJson(cap.max(), cap.window().length().toString(),
                        cap.window().calendarDays(), cap.per().name(), cap.countAcross().name(), names(cap.countOutcomes())),
                rule.coolDowns().stream().map(c -> new CoolDownJson(names(c.afterOutcomes()), c.period().length().toString(),
                        c.period().calendarDays(), c.includeInbound())).toList(),
                rule.callingHours() == null ? null : hours(rule.callingHours()), rule.holidays(),
                rule.doNotCall() ? Boolean.TRUE : null,
                rule.requireFreshCache() == null ? null : rule.requireFreshCache().toString());
    }

    public static Customer customer(CustomerJson json, String path) {
        return at(path, () -> {
            required(path, "customer", json);
            return new Customer(uuid(path + ".id", json.id()), json.version() == null ? 1 : json.version(),
                    json.givenName(), json.familyName(), json.displayName(),
                    json.birthDate() == null ? null : date(path + ".birthDate", json.birthDate()),
                    json.timeZone() == null ? null : zone(path + ".timeZone", json.timeZone()),
                    Boolean.TRUE.equals(json.doNotCall()), json.doNotCallReason(),
                    json.mergedInto() == null ? null : uuid(path + ".mergedInto", json.mergedInto()),
                    list(json.phones(), path + ".phones", WireCodec::phone),
                    texts(path + ".emails", json.emails()),
                    accounts(json.accounts(), path + ".accounts"),
                    json.createdAt() == null ? Instant.EPOCH : instant(path + ".createdAt", json.createdAt()),
                    json.updatedAt() == null ? null : instant(path + ".updatedAt", json.updatedAt()));
        }, "customer.");
    }

    public static ContactEvent event(EventJson json, String path) {
        return at(path, () -> {
            required(path, "event", json);
            return new ContactEvent(uuid(path + ".id", json.id()), uuid(path + ".customerId", json.customerId()),
                    instant(path + ".occurredAt", json.occurredAt()), parse(path + ".channel", Channel.class, json.channel()),
                    parse(path + ".direction", Direction.class, json.direction()),
                    parse(path + ".lineOfBusiness", LineOfBusiness.class, json.lineOfBusiness()), json.campaign(),
                    json.agentId() == null ? null : uuid(path + ".agentId", json.agentId()),
                    json.number() == null ? null : number(path + ".number", json.number()),
                    json.outcome() == null ? null : parse(path + ".outcome", Outcome.class, json.outcome()),
                    json.durationSeconds() == null ? 0 : json.durationSeconds(), json.notes(),
                    json.sourceSystem() == null ? null : SourceSystem.of(json.sourceSystem()),
                    Boolean.TRUE.equals(json.provisional()), override(json, path));
        }, "event.");
    }

    private static CallOverride override(EventJson json, String path) {
        if (json.overrideBy() == null && json.overrideReason() == null) {
            return null;
        }
        return new CallOverride(uuid(path + ".overrideBy", json.overrideBy()), json.overrideReason());
    }

    public static CustomerJson customer(Customer customer) {
        return new CustomerJson(customer.id().toString(), customer.version(), customer.displayName(),
                customer.givenName(), customer.familyName(),
                customer.timeZone() == null ? null : customer.timeZone().getId(),
                customer.phones().stream().map(p -> new PhoneJson(p.number().e164(), p.type().name(), p.optedOut())).toList(),
                customer.emails(), customer.doNotCall(), customer.doNotCallReason(),
                accounts(customer.accounts()),
                customer.birthDate() == null ? null : customer.birthDate().toString(),
                customer.mergedInto() == null ? null : customer.mergedInto().toString(),
                customer.createdAt() == null ? null : customer.createdAt().toString(),
                customer.updatedAt() == null ? null : customer.updatedAt().toString());
    }

    public static List<AccountJson> accounts(List<Account> accounts) {
        return accounts.stream().map(a -> new AccountJson(a.lineOfBusiness().name(), a.sourceSystem().code(),
                a.sourceKey(), a.product(), a.status().name(), a.openedOn() == null ? null : a.openedOn().toString()))
                .toList();
    }

    public static List<Account> accounts(List<AccountJson> json, String path) {
        return list(json, path, WireCodec::account);
    }

    public static EventJson event(ContactEvent event) {
        return new EventJson(event.id().toString(), event.customerId().toString(), event.occurredAt().toString(),
                event.channel().name(), event.direction().name(), event.lineOfBusiness().name(), event.campaign(),
                event.agentId() == null ? null : event.agentId().toString(),
                event.number() == null ? null : event.number().e164(), event.outcome() == null ? null : event.outcome().name(),
                event.durationSeconds(), event.notes(), event.sourceSystem().code(), event.provisional(),
                event.override() == null ? null : event.override().by().toString(),
                event.override() == null ? null : event.override().reason());
    }

    /** A decision request; {@code at} defaults to {@code now}. */
    public static DialRequest request(DecisionRequestJson json, String path, Instant now) {
        return at(path, () -> {
            required(path, "request", json);
            return new DialRequest(uuid(path + ".customerId", json.customerId()), number(path + ".number", json.number()),
                    parse(path + ".lineOfBusiness", LineOfBusiness.class, json.lineOfBusiness()), json.campaign(),
                    json.agentId() == null ? null : uuid(path + ".agentId", json.agentId()),
                    json.at() == null ? now : instant(path + ".at", json.at()));
        });
    }

    public static DecisionJson decision(DialDecision decision) {
        Map<String, Long> versions = new LinkedHashMap<>();
        decision.ruleVersions().forEach((id, version) -> versions.put(id.toString(), version));
        return new DecisionJson(decision.verdict().name(),
                decision.nextAllowedAt() == null ? null : decision.nextAllowedAt().toString(), decision.provisional(),
                decision.reasons().stream().map(WireCodec::reason).toList(),
                decision.overrideRole() == null ? null : decision.overrideRole().name(), versions);
    }

    public static Instant instant(String field, String text) {
        Checks.requiredText(field, text);
        Instant canonical = canonicalInstant(text);
        if (canonical != null) {
            return canonical;
        }
        try {
            return Instant.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidValueException(field, "'" + text + "' is not a UTC instant like 2026-03-02T15:04:05Z");
        }
    }

    /**
     * The form every Ringside part writes ({@code 2026-03-02T15:04:05Z}, optionally with milliseconds), read without
     * the general parser, which a first sync would otherwise call millions of times; null for any other form.
     */
    private static Instant canonicalInstant(String text) {
        int length = text.length();
        int fraction = length - 21; // digits after the point: 3, 6 or 9 as Instant.toString writes them
        if ((length != 20 && fraction != 3 && fraction != 6 && fraction != 9) || text.charAt(4) != '-'
                || text.charAt(7) != '-' || text.charAt(10) != 'T' || text.charAt(13) != ':' || text.charAt(16) != ':'
                || text.charAt(length - 1) != 'Z' || (length > 20 && text.charAt(19) != '.')) {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        int day = digits(text, 8, 10);
        int hour = digits(text, 11, 13);
        int minute = digits(text, 14, 16);
        int second = digits(text, 17, 19);
        int nanos = length == 20 ? 0 : digits(text, 20, length - 1);
        for (int scale = fraction; scale > 0 && scale < 9; scale++) {
            nanos *= 10;
        }
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > 28 && day > YearMonth.of(year, month).lengthOfMonth()
                || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59 || nanos < 0) {
            return null;
        }
        long days = LocalDate.of(year, month, day).toEpochDay();
        return Instant.ofEpochSecond(days * 86_400 + hour * 3_600L + minute * 60L + second, nanos);
    }

    /** A date as every Ringside part writes it ({@code 2021-04-12}), read without the general parser; else null. */
    private static LocalDate canonicalDate(String text) {
        if (text.length() != 10 || text.charAt(4) != '-' || text.charAt(7) != '-') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        int day = digits(text, 8, 10);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > 28 && day > YearMonth.of(year, month).lengthOfMonth()) {
            return null;
        }
        return LocalDate.of(year, month, day);
    }

    /** The number written with the digits from {@code from} to {@code to}, or -1 if any is not a digit. */
    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /** A decision as the master sent it. */
    public static DialDecision decision(DecisionJson json, String path) {
        return at(path, () -> {
            required(path, "decision", json);
            Map<UUID, Long> versions = new LinkedHashMap<>();
            (json.ruleVersions() == null ? Map.<String, Long>of() : json.ruleVersions())
                    .forEach((id, version) -> versions.put(uuid(path + ".ruleVersions", id), version));
            List<DecisionReason> reasons = new ArrayList<>();
            List<ReasonJson> given = json.reasons() == null ? List.of() : json.reasons();
            for (int i = 0; i < given.size(); i++) {
                ReasonJson r = given.get(i);
                String at = path + ".reasons[" + i + "]";
                reasons.add(new DecisionReason(uuid(at + ".ruleId", r.ruleId()), r.ruleVersion(), r.ruleName(),
                        parse(at + ".severity", Verdict.class, r.severity()), parse(at + ".code", ReasonCode.class, r.code()),
                        r.message(), r.until() == null ? null : instant(at + ".until", r.until())));
            }
            return new DialDecision(parse(path + ".verdict", Verdict.class, json.verdict()),
                    json.nextAllowedAt() == null ? null : instant(path + ".nextAllowedAt", json.nextAllowedAt()),
                    json.provisional(), reasons,
                    json.overrideRole() == null ? null : parse(path + ".overrideRole", UserRole.class, json.overrideRole()),
                    versions);
        });
    }

    private static ReasonJson reason(DecisionReason reason) {
        return new ReasonJson(reason.ruleId().toString(), reason.ruleVersion(), reason.ruleName(), reason.severity().name(),
                reason.code().name(), reason.message(), reason.until() == null ? null : reason.until().toString());
    }

    private static RuleScope scope(AppliesToJson json, String path) {
        if (json == null) {
            return RuleScope.EVERY_CALL;
        }
        return at(path, () -> new RuleScope(enums(path + ".linesOfBusiness", LineOfBusiness.class, json.linesOfBusiness()),
                Set.copyOf(texts(path + ".campaigns", json.campaigns())),
                Set.copyOf(texts(path + ".countries", json.countries()))), "appliesTo.");
    }

    private static AttemptCap cap(AttemptCapJson json, String path) {
        if (json == null) {
            return null;
        }
        return at(path, () -> new AttemptCap(json.max() == null ? 0 : json.max(),
                window(path + ".window", json.window(), json.calendarDays()),
                json.per() == null ? null : parse(path + ".per", CountPer.class, json.per()),
                json.countAcross() == null ? null : parse(path + ".countAcross", CountAcross.class, json.countAcross()),
                enums(path + ".countOutcomes", Outcome.class, json.countOutcomes())), "attemptCap.");
    }

    private static CoolDown coolDown(CoolDownJson json, String path) {
        return at(path, () -> new CoolDown(enums(path + ".afterOutcomes", Outcome.class, json.afterOutcomes()),
                window(path + ".period", json.period(), json.calendarDays()), Boolean.TRUE.equals(json.includeInbound())),
                "coolDowns.");
    }

    private static CallingHours hours(Map<String, List<String>> json, String path) {
        if (json == null) {
            return null;
        }
        Map<DayOfWeek, List<TimeRange>> days = new EnumMap<>(DayOfWeek.class);
        json.forEach((day, ranges) -> {
            String dayPath = path + "." + day;
            DayOfWeek weekday = parse(dayPath, DayOfWeek.class, day);
            days.put(weekday, at(dayPath, () -> texts(dayPath, ranges).stream()
                    .map(TimeRange::parse).toList(), "callingHours"));
        });
        return at(path, () -> new CallingHours(days), "callingHours");
    }

    private static Map<String, List<String>> hours(CallingHours hours) {
        Map<String, List<String>> json = new LinkedHashMap<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            if (!hours.on(day).isEmpty()) {
                json.put(day.name(), hours.on(day).stream().map(TimeRange::toString).toList());
            }
        }
        return json;
    }

    private static Phone phone(PhoneJson json, String path) {
        return new Phone(number(path + ".number", json.number()),
                json.type() == null ? null : parse(path + ".type", PhoneType.class, json.type()),
                Boolean.TRUE.equals(json.optedOut()));
    }

    private static Account account(AccountJson json, String path) {
        return at(path, () -> new Account(parse(path + ".lineOfBusiness", LineOfBusiness.class, json.lineOfBusiness()),
                SourceSystem.of(Checks.requiredText(path + ".sourceSystem", json.sourceSystem())), json.sourceKey(),
                json.product(), json.status() == null ? null : parse(path + ".status", AccountStatus.class, json.status()),
                json.openedOn() == null ? null : date(path + ".openedOn", json.openedOn())), "account.");
    }

    private static ContactWindow window(String field, String text, Boolean calendarDays) {
        return at(field, () -> new ContactWindow(duration(field, text), Boolean.TRUE.equals(calendarDays)), "window");
    }

    private static Duration duration(String field, String text) {
        Checks.requiredText(field, text);
        try {
            return Duration.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidValueException(field, "'" + text + "' is not an ISO-8601 duration like P7D or PT72H");
        }
    }

    public static UUID uuid(String field, String text) {
        Checks.requiredText(field, text);
        try {
            return UUID.fromString(text.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException(field, "'" + text + "' is not a UUID");
        }
    }

    private static ZoneId zone(String field, String text) {
        try {
            return TimeZones.named(text.strip());
        } catch (DateTimeException e) {
            throw new InvalidValueException(field, "'" + text + "' is not a time zone such as America/New_York");
        }
    }

    private static LocalDate date(String field, String text) {
        LocalDate canonical = canonicalDate(text);
        if (canonical != null) {
            return canonical;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidValueException(field, "'" + text + "' is not a date like 2021-04-12");
        }
    }

    private static PhoneNumber number(String field, String text) {
        Checks.requiredText(field, text);
        return at(field, () -> PhoneNumber.of(text.strip()), "number");
    }

    private static <E extends Enum<E>> E parse(String field, Class<E> type, String value) {
        return Checks.parseEnum(field, type, value);
    }

    private static <E extends Enum<E>> Set<E> enums(String field, Class<E> type, List<String> values) {
        if (values == null) {
            return Set.of();
        }
        List<E> parsed = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            parsed.add(parse(field + "[" + i + "]", type, values.get(i)));
        }
        return Set.copyOf(parsed);
    }

    private static <J, T> List<T> list(List<J> json, String path, Converter<J, T> converter) {
        List<T> items = new ArrayList<>();
        if (json != null) {
            for (int i = 0; i < json.size(); i++) {
                String itemPath = path + "[" + i + "]";
                required(itemPath, "entry", json.get(i));
                items.add(converter.convert(json.get(i), itemPath));
            }
        }
        return items;
    }

    /** A list of texts from a document: absent is empty, a null entry is refused with its place. */
    private static List<String> texts(String path, List<String> values) {
        if (values == null) {
            return List.of();
        }
        for (int i = 0; i < values.size(); i++) {
            required(path + "[" + i + "]", "text", values.get(i));
        }
        return values;
    }

    private static List<String> names(Set<? extends Enum<?>> values) {
        return values.stream().map(Enum::name).sorted().collect(Collectors.toList());
    }

    private static void required(String path, String what, Object value) {
        if (value == null) {
            throw new InvalidValueException(path, "is required (" + what + ")");
        }
    }

    /**
     * Runs a conversion, giving a domain error the document path: a field the domain names "attemptCap.max" is
     * reported as "rules[0].attemptCap.max". Errors that already carry a document path pass through.
     */
    private static <T> T at(String path, Supplier<T> conversion) {
        return at(path, conversion, "");
    }

    private static <T> T at(String path, Supplier<T> conversion, String domainPrefix) {
        try {
            return conversion.get();
        } catch (InvalidValueException e) {
            if (e.field().startsWith(path) || e.field().contains("[") || e.field().contains("(document)")) {
                throw e;
            }
            String field = e.field().startsWith(domainPrefix) ? e.field().substring(domainPrefix.length()) : e.field();
            field = field.startsWith(".") ? field.substring(1) : field;
            String message = e.getMessage().substring(e.field().length() + 2);
            throw new InvalidValueException(field.isEmpty() ? path : path + "." + field, message);
        }
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "(document)" : path.toString();
    }

    private static String expected(JsonMappingException e) {
        String message = e.getOriginalMessage();
        if (message.contains("Integer") || message.contains("int") || message.contains("Long")) {
            return "a whole number";
        }
        if (message.contains("Boolean")) {
            return "true or false";
        }
        if (message.contains("List") || message.contains("ArrayList")) {
            return "a list";
        }
        if (message.contains("String")) {
            return "text";
        }
        return "another kind of value";
    }

    @FunctionalInterface
    private interface Converter<J, T> {
        T convert(J json, String path);
    }
}
