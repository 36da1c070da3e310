package com.ringside.ingest;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.ringside.domain.LineOfBusiness;
import com.ringside.domain.SourceSystem;
import java.io.IOException;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How one source system's extract maps onto the master: which column is the record's key, which hold the names,
 * phones, e-mails, birth date, product, status and the date the account was opened. Read from a JSON file, one per
 * system.
 */
public record SourceMapping(String system, String lineOfBusiness, String phoneRegion, String key, String givenName,
                            String familyName, String fullName, List<String> phones, List<String> emails,
                            String birthDate, String birthDateFormat, String product, String status,
                            Map<String, String> statusValues, List<EventMapping> events, String openedOn,
                            String openedOnFormat) {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public SourceMapping {
        phones = phones == null ? List.of() : List.copyOf(phones);
        emails = emails == null ? List.of() : List.copyOf(emails);
        statusValues = statusValues == null ? Map.of() : Map.copyOf(statusValues);
        events = events == null ? List.of() : List.copyOf(events);
        phoneRegion = phoneRegion == null ? "US" : phoneRegion;
    }

    public static SourceMapping read(Path file) {
        SourceMapping mapping;
        try {
            mapping = JSON.readValue(file.toFile(), SourceMapping.class);
        } catch (JsonMappingException e) {
            String field = e.getPath().isEmpty() ? "" : " (field '" + e.getPath().get(0).getFieldName() + "')";
            throw new ImportException("The mapping " + file + " is not valid" + field + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new ImportException("The mapping " + file + " cannot be read: " + e.getMessage());
        }
        mapping.check(file);
        return mapping;
    }

    private void check(Path file) {
        String where = "The mapping " + file + ": ";
        try {
            SourceSystem.of(system);
        } catch (RuntimeException e) {
            throw new ImportException(where + "'system' " + e.getMessage());
        }
        try {
            LineOfBusiness.valueOf(lineOfBusiness == null ? "" : lineOfBusiness.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ImportException(where + "'lineOfBusiness' must be one of " + List.of(LineOfBusiness.values()));
        }
        if (key == null || key.isBlank()) {
            throw new ImportException(where + "'key' must name the column that holds the record's key");
        }
        if (fullName == null && familyName == null) {
            throw new ImportException(where + "give 'familyName' (and 'givenName') or 'fullName'");
        }
        events.forEach(event -> event.check(where));
        checkFormat(where, "birthDateFormat", birthDateFormat);
        checkFormat(where, "openedOnFormat", openedOnFormat);
    }

    private static void checkFormat(String where, String field, String format) {
        if (format != null) {
            try {
                DateTimeFormatter.ofPattern(format);
            } catch (IllegalArgumentException e) {
                throw new ImportException(where + "'" + field + "' " + e.getMessage());
            }
        }
    }

    /** Every column the mapping names. */
    public List<String> columns() {
        List<String> columns = new java.util.ArrayList<>();
        for (String column : new String[] {key, givenName, familyName, fullName, birthDate, product, status, openedOn}) {
            if (column != null) {
                columns.add(column);
            }
        }
        columns.addAll(phones);
        columns.addAll(emails);
        events.forEach(event -> columns.add(event.at()));
        return columns;
    }

    public SourceSystem sourceSystem() {
        return SourceSystem.of(system);
    }

    public LineOfBusiness line() {
        return LineOfBusiness.valueOf(lineOfBusiness.toUpperCase(Locale.ROOT));
    }
}
