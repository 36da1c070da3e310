package com.ringside.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.RuntimeJsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Reads an extract: CSV with a header row (quoted fields may hold commas and newlines) or JSON lines (one object
 * per line, by the file's name ending in .jsonl or .ndjson). The file must be UTF-8; a byte-order mark is
 * skipped. A row that cannot be read is rejected with its line, the rest still read.
 */
public final class ExtractReader {
    private static final CsvMapper CSV = CsvMapper.builder().enable(CsvParser.Feature.WRAP_AS_ARRAY).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What was read: rows, and rows that could not be read. */
    public record Extract(List<SourceRow> rows, List<Rejection> unreadable) {
    }

    private ExtractReader() {
    }

    public static Extract read(Path file) {
        String text = utf8(file);
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".jsonl") || name.endsWith(".ndjson") ? jsonLines(text) : csv(text);
    }

    private static String utf8(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ImportException("The extract " + file + " cannot be read: " + e.getMessage());
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            long line = 1;
            for (int i = 0; i < in.position(); i++) {
                line += bytes[i] == '\n' ? 1 : 0;
            }
            throw new ImportException("The extract " + file + " is not UTF-8 (line " + line + " holds bytes that "
                    + "are not): save it as UTF-8 and import it again. Nothing was imported.");
        }
        decoder.flush(out);
        return out.flip().toString();
    }

    private static Extract csv(String text) {
        List<SourceRow> rows = new ArrayList<>();
        List<Rejection> unreadable = new ArrayList<>();
        try (MappingIterator<List<String>> records = CSV.readerForListOf(String.class)
                .with(CsvSchema.emptySchema()).readValues(text)) {
            if (!records.hasNext()) {
                throw new ImportException("The extract is empty: it needs a header row naming its columns.");
            }
            List<String> header = records.next().stream().map(String::strip).toList();
            if (header.size() != header.stream().distinct().count()) {
                throw new ImportException("The extract's header names a column twice: " + header);
            }
            Map<String, Integer> columns = positions(header);
            while (true) {
                long line = records.getParser().currentLocation().getLineNr();
                List<String> values;
                try {
                    if (!records.hasNextValue()) {
                        break;
                    }
                    values = records.nextValue();
                } catch (IOException | RuntimeException e) {
                    unreadable.add(new Rejection(line, "the row cannot be read as CSV: " + firstLine(e.getMessage())));
                    if (unreadable.size() > 1_000) {
                        throw new ImportException("More than 1,000 rows cannot be read as CSV; is this a CSV file?");
                    }
                    continue;
                }
                if (values.size() == 1 && values.get(0).isBlank()) {
                    continue;
                }
                if (values.size() != header.size()) {
                    unreadable.add(new Rejection(line, "the row has " + values.size() + " fields, the header "
                            + header.size()));
                    continue;
                }
                rows.add(new SourceRow(line, new Fields(columns, values)));
            }
        } catch (IOException | RuntimeJsonMappingException e) {
            // Only the header row gets here: a row after it that cannot be read is rejected on its own.
            throw new ImportException("The extract cannot be read as CSV: " + firstLine(e.getMessage()));
        }
        return new Extract(rows, unreadable);
    }

    /** Lines are read on every core: each is an object of its own. */
    private static Extract jsonLines(String text) {
        String[] lines = text.split("\r?\n", -1);
        List<Object> read = IntStream.range(0, lines.length).parallel()
                .mapToObj(i -> lines[i].isBlank() ? null : jsonLine(i + 1, lines[i])).toList();
        List<SourceRow> rows = new ArrayList<>();
        List<Rejection> unreadable = new ArrayList<>();
        List<String> names = null;
        Map<String, Integer> columns = Map.of();
        for (Object line : read) {
            if (line instanceof JsonFields fields) {
                if (!fields.names().equals(names)) { // lines written by one program name the same fields in turn
                    names = fields.names();
                    columns = positions(names);
                }
                rows.add(new SourceRow(fields.line(), new Fields(columns, fields.values())));
            } else if (line instanceof Rejection rejection) {
                unreadable.add(rejection);
            }
        }
        return new Extract(rows, unreadable);
    }

    /** A JSON line's fields, named in the order they came. */
    private record JsonFields(long line, List<String> names, List<String> values) {
    }

    /** The line's fields, or why the line is none. */
    private static Object jsonLine(long line, String text) {
        try {
            JsonNode node = JSON.readTree(text);
            if (!node.isObject()) {
                return new Rejection(line, "the line is not a JSON object");
            }
            List<String> names = new ArrayList<>(node.size());
            List<String> values = new ArrayList<>(node.size());
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                names.add(field.getKey());
                values.add(field.getValue().isNull() ? null
                        : field.getValue().isValueNode() ? field.getValue().asText() : field.getValue().toString());
            }
            return new JsonFields(line, names, values);
        } catch (IOException e) {
            return new Rejection(line, "the line is not JSON: " + firstLine(e.getMessage()));
        }
    }

    /** Each column's position, in the order named. */
    private static Map<String, Integer> positions(List<String> names) {
        Map<String, Integer> positions = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            positions.put(names.get(i), i);
        }
        return Collections.unmodifiableMap(positions);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        String first = message.lines().findFirst().orElse("");
        return first.length() > 200 ? first.substring(0, 200) + "…" : first;
    }

    /**
     * A row's values by column, the column positions shared by every row of a CSV file, and by the JSON lines that
     * name the same fields in the same order: an extract's rows are held until they are mapped, and a map of their
     * own each would double what they take.
     */
    private static final class Fields extends AbstractMap<String, String> {
        private final Map<String, Integer> columns;
        private final List<String> values;

        Fields(Map<String, Integer> columns, List<String> values) {
            this.columns = columns;
            this.values = values;
        }

        @Override
        public String get(Object column) {
            Integer at = columns.get(column);
            return at == null ? null : values.get(at);
        }

        @Override
        public boolean containsKey(Object column) {
            return columns.containsKey(column);
        }

        @Override
        public Set<String> keySet() {
            return columns.keySet();
        }

        @Override
        public Set<Entry<String, String>> entrySet() {
            Set<Entry<String, String>> entries = new LinkedHashSet<>();
            columns.forEach((column, at) -> entries.add(new SimpleImmutableEntry<>(column, values.get(at))));
            return entries;
        }
    }
}
