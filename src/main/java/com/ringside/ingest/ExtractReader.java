package com.ringside.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.RuntimeJsonMappingException;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
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
 * Reads an extract a batch of rows at a time: CSV with a header row (quoted fields may hold commas and newlines) or
 * JSON lines (one object per line, by the file's name ending in .jsonl or .ndjson). The file must be UTF-8, which
 * is checked whole when it is opened; a byte-order mark is skipped. A row that cannot be read is rejected with its
 * line, the rest still read. Rows are read as they are asked for, so that a large file is never held whole.
 */
public abstract sealed class ExtractReader implements AutoCloseable {
    private static final CsvMapper CSV = CsvMapper.builder().enable(CsvParser.Feature.WRAP_AS_ARRAY).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    final BufferedReader text;
    private final List<Rejection> unreadable = new ArrayList<>();
    private long rowsGiven;

    private ExtractReader(BufferedReader text) {
        this.text = text;
    }

    /** Opens the extract; one that is not UTF-8, or a CSV file without a readable header, is refused here. */
    public static ExtractReader open(Path file) {
        checkUtf8(file);
        BufferedReader text = null;
        try {
            text = Files.newBufferedReader(file, StandardCharsets.UTF_8);
            text.mark(1);
            if (text.read() != '\uFEFF') {
                text.reset();
            }
            String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
            return name.endsWith(".jsonl") || name.endsWith(".ndjson") ? new JsonLines(text) : new Csv(text);
        } catch (IOException | RuntimeException e) {
            closeQuietly(text);
            throw e instanceof ImportException refused ? refused
                    : new ImportException("The extract " + file + " cannot be read: " + e.getMessage());
        }
    }

    /** Up to {@code count} more rows, in the file's order; none once the file is read to its end. */
    public final List<SourceRow> next(int count) {
        try {
            List<SourceRow> rows = read(count);
            rowsGiven += rows.size();
            return rows;
        } catch (IOException | UncheckedIOException e) {
            throw new ImportException("The extract cannot be read further: " + firstLine(e.getMessage()));
        }
    }

    /** The rows so far that could not be read, each with its line and why. */
    public final List<Rejection> unreadable() {
        return Collections.unmodifiableList(unreadable);
    }

    /** Rows so far, read or not. */
    public final long rowsRead() {
        return rowsGiven + unreadable.size();
    }

    @Override
    public void close() {
        closeQuietly(text);
    }

    abstract List<SourceRow> read(int count) throws IOException;

    final void reject(long line, String reason) {
        unreadable.add(new Rejection(line, reason));
    }

    /** The whole file decoded once, without keeping it, so that a file in another encoding is refused at once. */
    private static void checkUtf8(Path file) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.allocate(1 << 16);
        CharBuffer out = CharBuffer.allocate(1 << 16);
        long line = 1;
        try (InputStream bytes = Files.newInputStream(file)) {
            boolean end = false;
            while (!end) {
                int read = bytes.read(in.array(), in.position(), in.remaining());
                end = read < 0;
                in.position(in.position() + Math.max(read, 0)).flip();
                int from = in.position();
                CoderResult result = decoder.decode(in, out.clear(), end);
                while (result.isOverflow()) {
                    result = decoder.decode(in, out.clear(), end);
                }
                for (int i = from; i < in.position(); i++) {
                    line += in.get(i) == '\n' ? 1 : 0;
                }
                if (result.isError()) {
                    throw new ImportException("The extract " + file + " is not UTF-8 (line " + line + " holds bytes"
                            + " that are not): save it as UTF-8 and import it again. Nothing was imported.");
                }
                in.compact();
            }
        } catch (IOException e) {
            throw new ImportException("The extract " + file + " cannot be read: " + e.getMessage());
        }
    }

    /** Rows after a header naming the columns, read one after another. */
    private static final class Csv extends ExtractReader {
        private final MappingIterator<List<String>> records;
        private final List<String> header;
        private final Map<String, Integer> columns;

        Csv(BufferedReader text) throws IOException {
            super(text);
            try {
                records = CSV.readerForListOf(String.class).with(CsvSchema.emptySchema()).readValues(text);
                if (!records.hasNext()) {
                    throw new ImportException("The extract is empty: it needs a header row naming its columns.");
                }
                header = records.next().stream().map(String::strip).toList();
            } catch (IOException | RuntimeJsonMappingException e) {
                throw new ImportException("The extract cannot be read as CSV: " + firstLine(e.getMessage()));
            }
            if (header.size() != header.stream().distinct().count()) {
                throw new ImportException("The extract's header names a column twice: " + header);
            }
            columns = positions(header);
        }

        @Override
        List<SourceRow> read(int count) {
            List<SourceRow> rows = new ArrayList<>(Math.min(count, 1 << 16));
            while (rows.size() < count) {
                long line = records.getParser().currentLocation().getLineNr();
                List<String> values;
                try {
                    if (!records.hasNextValue()) {
                        break;
                    }
                    values = records.nextValue();
                } catch (IOException | RuntimeException e) {
                    reject(line, "the row cannot be read as CSV: " + firstLine(e.getMessage()));
                    if (unreadable().size() > 1_000) {
                        throw new ImportException("More than 1,000 rows cannot be read as CSV; is this a CSV file?");
                    }
                    continue;
                }
                if (values.size() == 1 && values.get(0).isBlank()) {
                    continue;
                }
                if (values.size() != header.size()) {
                    reject(line, "the row has " + values.size() + " fields, the header " + header.size());
                    continue;
                }
                rows.add(new SourceRow(line, new Fields(columns, values)));
            }
            return rows;
        }

        @Override
        public void close() {
            try {
                records.close();
            } catch (IOException e) {
                // nothing is written through it
            }
            super.close();
        }
    }

    /** Lines read a batch at a time and parsed on every core: each is an object of its own. */
    private static final class JsonLines extends ExtractReader {
        private final char[] buffer = new char[1 << 16];
        private int at;
        private int filled;
        private final StringBuilder pending = new StringBuilder();
        private long lineNumber;
        private boolean ended;
        /** The field names of the line before, and their positions: lines written by one program name them in turn. */
        private List<String> names;
        private Map<String, Integer> columns = Map.of();

        JsonLines(BufferedReader text) {
            super(text);
        }

        @Override
        List<SourceRow> read(int count) throws IOException {
            List<SourceRow> rows = new ArrayList<>(Math.min(count, 1 << 16));
            while (rows.size() < count && !ended) {
                long first = lineNumber + 1;
                List<String> lines = new ArrayList<>();
                String line;
                while (lines.size() < count - rows.size() && (line = nextLine()) != null) {
                    lines.add(line);
                }
                List<Object> read = IntStream.range(0, lines.size()).parallel()
                        .mapToObj(i -> lines.get(i).isBlank() ? null : jsonLine(first + i, lines.get(i))).toList();
                for (Object parsed : read) {
                    if (parsed instanceof JsonFields fields) {
                        if (!fields.names().equals(names)) {
                            names = fields.names();
                            columns = positions(names);
                        }
                        rows.add(new SourceRow(fields.line(), new Fields(columns, fields.values())));
                    } else if (parsed instanceof Rejection rejection) {
                        reject(rejection.line(), rejection.reason());
                    }
                }
            }
            return rows;
        }

        /** The next line without its \n (or \r\n), or null after the last. */
        private String nextLine() throws IOException {
            if (ended) {
                return null;
            }
            pending.setLength(0);
            while (true) {
                if (at == filled) {
                    filled = text.read(buffer);
                    at = 0;
                    if (filled < 0) {
                        filled = 0;
                        ended = true;
                        break;
                    }
                }
                int from = at;
                while (at < filled && buffer[at] != '\n') {
                    at++;
                }
                pending.append(buffer, from, at - from);
                if (at < filled) {
                    at++; // past the \n
                    break;
                }
            }
            lineNumber++;
            int length = pending.length();
            if (length > 0 && pending.charAt(length - 1) == '\r') {
                length--;
            }
            return pending.substring(0, length);
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

    private static void closeQuietly(BufferedReader text) {
        if (text == null) {
            return;
        }
        try {
            text.close();
        } catch (IOException e) {
            // nothing is written through it
        }
    }

    /**
     * A row's values by column, the column positions shared by every row of a CSV file, and by the JSON lines that
     * name the same fields in the same order: a batch's rows are held until they are mapped, and a map of their own
     * each would double what they take.
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
