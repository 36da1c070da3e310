package com.ringside.ingest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.RuntimeJsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
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
 * Reads an extract a batch of rows at a time, so a file of any size is read in a fixed amount of memory: CSV with a
 * header row (quoted fields may hold commas and newlines) or JSON lines (one object per line, by the file's name
 * ending in .jsonl or .ndjson). The file must be UTF-8, which {@link #open} checks throughout before a row is given;
 * a byte-order mark is skipped. A row that cannot be read is rejected with its line, the rest still read.
 */
public final class ExtractReader implements AutoCloseable {
    private static final CsvMapper CSV = CsvMapper.builder().enable(CsvParser.Feature.WRAP_AS_ARRAY).build();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_UNREADABLE_CSV_ROWS = 1_000;

    private final Rows rows;
    private final Set<String> columns;
    private final List<Rejection> unreadable = new ArrayList<>();
    private long read;

    private ExtractReader(Rows rows, Set<String> columns) {
        this.rows = rows;
        this.columns = columns;
    }

    /**
     * Opens an extract, having checked that it is UTF-8 and, for CSV, read its header; the columns of a JSON-lines
     * extract are every field any of its lines names.
     */
    public static ExtractReader open(Path file) {
        Utf8Lines.check(file);
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
            return new ExtractReader(new JsonLines(file), JsonLines.fieldNames(file));
        }
        CsvRows csv = new CsvRows(file);
        return new ExtractReader(csv, csv.columns.keySet());
    }

    /** The columns the extract has, for a check that it is the file a mapping expects. */
    public Set<String> columns() {
        return columns;
    }

    /** Up to {@code max} more rows in the order of the file; none once it is read to its end. */
    public List<SourceRow> next(int max) {
        List<SourceRow> batch = rows.next(max, unreadable);
        read += batch.size();
        return batch;
    }

    /** The rows read so far that could not be read as rows. */
    public List<Rejection> unreadable() {
        return unreadable;
    }

    /** Rows read so far, those that could not be read included. */
    public long rowsRead() {
        return read + unreadable.size();
    }

    @Override
    public void close() {
        rows.close();
    }

    private interface Rows extends AutoCloseable {
        List<SourceRow> next(int max, List<Rejection> unreadable);

        @Override
        void close();
    }

    private static final class CsvRows implements Rows {
        private final Path file;
        private final Reader text;
        private MappingIterator<List<String>> records;
        private Map<String, Integer> columns;
        private int width;

        CsvRows(Path file) {
            this.file = file;
            try {
                text = withoutByteOrderMark(Files.newBufferedReader(file, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw Utf8Lines.unreadable(file, e);
            }
            try {
                records = CSV.readerForListOf(String.class).with(CsvSchema.emptySchema()).readValues(text);
                if (!records.hasNext()) {
                    throw new ImportException("The extract is empty: it needs a header row naming its columns.");
                }
                List<String> header = records.next().stream().map(String::strip).toList();
                if (header.size() != header.stream().distinct().count()) {
                    throw new ImportException("The extract's header names a column twice: " + header);
                }
                columns = positions(header);
                width = header.size();
            } catch (IOException | RuntimeException e) {
                close();
                throw e instanceof ImportException refused ? refused
                        : new ImportException("The extract cannot be read as CSV: " + firstLine(e.getMessage()));
            }
        }

        @Override
        public List<SourceRow> next(int max, List<Rejection> unreadable) {
            List<SourceRow> rows = new ArrayList<>();
            while (rows.size() < max) {
                long line = records.getParser().currentLocation().getLineNr();
                List<String> values;
                try {
                    if (!records.hasNextValue()) {
                        break;
                    }
                    values = records.nextValue();
                } catch (IOException | RuntimeException e) {
                    unreadable.add(new Rejection(line, "the row cannot be read as CSV: " + firstLine(e.getMessage())));
                    if (unreadable.size() > MAX_UNREADABLE_CSV_ROWS) {
                        throw new ImportException("More than 1,000 rows cannot be read as CSV; is this a CSV file?");
                    }
                    continue;
                }
                if (values.size() == 1 && values.get(0).isBlank()) {
                    continue;
                }
                if (values.size() != width) {
                    unreadable.add(new Rejection(line, "the row has " + values.size() + " fields, the header "
                            + width));
                    continue;
                }
                rows.add(new SourceRow(line, new Fields(columns, values)));
            }
            return rows;
        }

        @Override
        public void close() {
            try (Reader closing = text) {
                if (records != null) {
                    records.close();
                }
            } catch (IOException e) {
                throw Utf8Lines.unreadable(file, e);
            }
        }

        private static Reader withoutByteOrderMark(BufferedReader reader) throws IOException {
            reader.mark(1);
            if (reader.read() != '\uFEFF') {
                reader.reset();
            }
            return reader;
        }
    }

    /** Lines are read a batch at a time and parsed on every core: each is an object of its own. */
    private static final class JsonLines implements Rows {
        private final Utf8Lines lines;
        private List<String> names;
        private Map<String, Integer> columns = Map.of();

        JsonLines(Path file) {
            lines = new Utf8Lines(file);
        }

        /** Every field the file's lines name, read with the file's values skipped. */
        static Set<String> fieldNames(Path file) {
            Set<String> names = new LinkedHashSet<>();
            try (Utf8Lines lines = new Utf8Lines(file)) {
                for (String line = lines.next(); line != null; line = lines.next()) {
                    try (JsonParser parser = JSON.getFactory().createParser(line)) {
                        if (parser.nextToken() != JsonToken.START_OBJECT) {
                            continue;
                        }
                        while (parser.nextToken() == JsonToken.FIELD_NAME) {
                            names.add(parser.currentName());
                            parser.nextToken();
                            parser.skipChildren();
                        }
                    } catch (IOException e) {
                        // a line that is not JSON is rejected when it is read
                    }
                }
            }
            return Collections.unmodifiableSet(names);
        }

        @Override
        public List<SourceRow> next(int max, List<Rejection> unreadable) {
            List<SourceRow> rows = new ArrayList<>();
            while (rows.size() < max) {
                List<String> texts = new ArrayList<>();
                long first = lines.lineNumber() + 1;
                for (String text; texts.size() < max - rows.size() && (text = lines.next()) != null; ) {
                    texts.add(text);
                }
                if (texts.isEmpty()) {
                    break;
                }
                List<Object> read = IntStream.range(0, texts.size()).parallel()
                        .mapToObj(i -> texts.get(i).isBlank() ? null : jsonLine(first + i, texts.get(i))).toList();
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
            }
            return rows;
        }

        @Override
        public void close() {
            lines.close();
        }
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
