package com.ringside.ingest;

import com.ringside.domain.Account;
import com.ringside.domain.AccountStatus;
import com.ringside.domain.Phone;
import com.ringside.domain.PhoneNumber;
import com.ringside.domain.PhoneType;
import com.ringside.identity.PersonNames;
import com.ringside.identity.PhoneNormalizer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Turns a row into a source record by its mapping, or says why it cannot be one. */
final class RecordMapper {
    private static final int MAX_FIELD = 1_000;
    private final SourceMapping mapping;
    private final PhoneNormalizer phones;
    private final DateTimeFormatter birthDates;
    private final DateTimeFormatter openedDates;

    /** A record, or the reason there is none; with what was dropped from a record that was kept. */
    record Mapped(SourceRecord record, String rejected, List<String> notes) {
    }

    RecordMapper(SourceMapping mapping) {
        this.mapping = mapping;
        this.phones = new PhoneNormalizer(mapping.phoneRegion());
        this.birthDates = dates(mapping.birthDateFormat());
        this.openedDates = dates(mapping.openedOnFormat());
    }

    Mapped map(SourceRow row) {
        String key = row.get(mapping.key());
        if (key == null) {
            return rejected("no key in column '" + mapping.key() + "'");
        }
        if (key.length() > 100) {
            return rejected("the key in column '" + mapping.key() + "' is longer than 100 characters");
        }
        String given = row.get(mapping.givenName());
        String family = row.get(mapping.familyName());
        if (family == null && row.get(mapping.fullName()) != null) {
            String[] split = splitFullName(row.get(mapping.fullName()));
            given = split[0];
            family = split[1];
        }
        if (family == null && given == null) {
            return rejected("no name");
        }
        if (length(given) > MAX_FIELD || length(family) > MAX_FIELD) {
            return rejected("a name is longer than " + MAX_FIELD + " characters");
        }
        List<String> notes = new ArrayList<>();
        Map<PhoneNumber, Phone> numbers = new LinkedHashMap<>();
        ZoneId zone = null; // of the first number that rings in only one
        for (String column : mapping.phones()) {
            String raw = row.get(column);
            if (raw != null) {
                PhoneNormalizer.Read read = phones.read(raw).orElse(null);
                if (read == null) {
                    notes.add("phone '" + abbreviate(raw) + "' in '" + column + "' is not a valid number");
                } else if (numbers.putIfAbsent(read.number(), new Phone(read.number(), typeOf(column), false)) == null
                        && zone == null && read.zones().size() == 1) {
                    zone = read.zones().get(0);
                }
            }
        }
        Set<String> emails = new LinkedHashSet<>();
        for (String column : mapping.emails()) {
            String raw = row.get(column);
            if (raw != null) {
                String email = PersonNames.email(raw);
                if (email == null) {
                    notes.add("e-mail '" + abbreviate(raw) + "' in '" + column + "' is not an address");
                } else {
                    emails.add(email);
                }
            }
        }
        LocalDate birthDate = date(row, mapping.birthDate(), birthDates, mapping.birthDateFormat(), "birth date", notes);
        LocalDate openedOn = date(row, mapping.openedOn(), openedDates, mapping.openedOnFormat(), "opening date", notes);
        List<SourceRecord.Contact> contacts = new ArrayList<>();
        for (EventMapping event : mapping.events()) {
            String raw = row.get(event.at());
            if (raw != null) {
                Instant at = instant(raw, event.atFormat());
                if (at == null) {
                    notes.add("date '" + abbreviate(raw) + "' in '" + event.at() + "' does not read as "
                            + (event.atFormat() == null ? "yyyy-MM-dd" : event.atFormat()));
                } else {
                    contacts.add(new SourceRecord.Contact(event, at));
                }
            }
        }
        Account account = new Account(mapping.line(), mapping.sourceSystem(), key, row.get(mapping.product()),
                status(row.get(mapping.status())), openedOn);
        return new Mapped(new SourceRecord(row.line(), given, family, birthDate, List.copyOf(numbers.values()),
                List.copyOf(emails), account, List.copyOf(contacts), zone), null, notes);
    }

    private static DateTimeFormatter dates(String format) {
        return DateTimeFormatter.ofPattern(format == null ? "yyyy-MM-dd" : format, Locale.ROOT);
    }

    /** The date in {@code column}, or null: absent, or not in the format (said in {@code notes}). */
    private static LocalDate date(SourceRow row, String column, DateTimeFormatter formatter, String format, String what,
                                  List<String> notes) {
        String raw = row.get(column);
        if (raw == null) {
            return null;
        }
        try {
            return LocalDate.parse(raw, formatter);
        } catch (DateTimeParseException e) {
            notes.add(what + " '" + abbreviate(raw) + "' does not read as " + (format == null ? "yyyy-MM-dd" : format));
            return null;
        }
    }

    /** What a phone column's name says the number is: "mobile_phone" a mobile, "home_phone" a home number. */
    static PhoneType typeOf(String column) {
        String name = column.toLowerCase(Locale.ROOT);
        if (name.contains("mobile") || name.contains("cell")) {
            return PhoneType.MOBILE;
        }
        if (name.contains("home")) {
            return PhoneType.HOME;
        }
        return name.contains("work") || name.contains("office") ? PhoneType.WORK : PhoneType.OTHER;
    }

    /** A date (at noon UTC: the extract does not say the hour) or an ISO date and time; null when neither. */
    private static Instant instant(String raw, String format) {
        try {
            if (format == null && raw.length() > 10) {
                return OffsetDateTime.parse(raw).toInstant();
            }
            LocalDate date = LocalDate.parse(raw, format == null ? DateTimeFormatter.ISO_LOCAL_DATE
                    : DateTimeFormatter.ofPattern(format, Locale.ROOT));
            return date.atTime(LocalTime.NOON).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException | IllegalArgumentException e) {
            return null;
        }
    }

    private AccountStatus status(String raw) {
        if (raw == null) {
            return AccountStatus.ACTIVE;
        }
        String mapped = mapping.statusValues().getOrDefault(raw, raw).toUpperCase(Locale.ROOT);
        try {
            return AccountStatus.valueOf(mapped);
        } catch (IllegalArgumentException e) {
            return AccountStatus.ACTIVE;
        }
    }

    /** "RUIZ, Ana" and "Ana Ruiz" both give Ana / Ruiz. */
    static String[] splitFullName(String full) {
        String name = full.strip();
        int comma = name.indexOf(',');
        if (comma > 0) {
            return new String[] {emptyToNull(name.substring(comma + 1).strip()), name.substring(0, comma).strip()};
        }
        int space = name.lastIndexOf(' ');
        return space < 0 ? new String[] {null, name} : new String[] {name.substring(0, space).strip(), name.substring(space + 1)};
    }

    private static Mapped rejected(String reason) {
        return new Mapped(null, reason, List.of());
    }

    private static String emptyToNull(String text) {
        return text.isEmpty() ? null : text;
    }

    private static int length(String text) {
        return text == null ? 0 : text.length();
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}
