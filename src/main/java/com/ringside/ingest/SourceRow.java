package com.ringside.ingest;

import java.util.Map;

/** One record of an extract, by column name, with the line of the file it starts on; values trimmed, lines ending in \n. */
public record SourceRow(long line, Map<String, String> values) {
    public String get(String column) {
        if (column == null) {
            return null;
        }
        String value = values.get(column);
        return value == null || value.isBlank() ? null : value.strip().replace("\r\n", "\n");
    }
}
