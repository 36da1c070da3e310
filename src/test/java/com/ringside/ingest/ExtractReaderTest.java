package com.ringside.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** JSON lines read as rows: each line its own fields, whatever the lines around it name. */
class ExtractReaderTest {
    @TempDir
    Path dir;

    @Test
    void eachJsonLineHasItsOwnFieldsInTheirOrderAndALineThatIsNoObjectIsRejected() throws Exception {
        Path file = Files.writeString(dir.resolve("orders.jsonl"), """
                {"id":"O-1","name":"Ana","tags":["a"],"note":null}
                {"id":"O-2","name":"Ben","tags":["b"],"note":"x"}
                {"name":"Cy","id":"O-3"}
                not json
                [1,2]
                {"id":"O-4","name":"Di","tags":[],"note":" y "}
                """);

        List<SourceRow> rows;
        List<Rejection> unreadable;
        try (ExtractReader extract = ExtractReader.open(file)) {
            assertThat(extract.columns()).containsExactly("id", "name", "tags", "note");
            rows = extract.next(100);
            assertThat(extract.next(100)).isEmpty();
            unreadable = extract.unreadable();
            assertThat(extract.rowsRead()).isEqualTo(6);
        }

        assertThat(rows).extracting(SourceRow::line).containsExactly(1L, 2L, 3L, 6L);
        assertThat(rows.get(0).values().keySet()).containsExactly("id", "name", "tags", "note");
        assertThat(rows.get(0).get("tags")).isEqualTo("[\"a\"]");
        assertThat(rows.get(0).get("note")).isNull();
        assertThat(rows.get(1).get("note")).isEqualTo("x");
        assertThat(rows.get(2).values().keySet()).containsExactly("name", "id");
        assertThat(rows.get(2).get("id")).isEqualTo("O-3");
        assertThat(rows.get(2).get("tags")).isNull();
        assertThat(rows.get(2).values().containsKey("tags")).isFalse();
        assertThat(rows.get(3).get("name")).isEqualTo("Di");
        assertThat(rows.get(3).get("note")).isEqualTo("y");
        assertThat(unreadable).extracting(Rejection::line).containsExactly(4L, 5L);
    }

    @Test
    void aBigExtractIsGivenABatchAtATimeInTheOrderOfItsLines() throws Exception {
        StringBuilder csv = new StringBuilder("\uFEFFkey,name\n");
        for (int i = 1; i <= 25_000; i++) {
            csv.append("K-").append(i).append(i % 5_000 == 0 ? ",\"two\nlines\"\n" : ",Name " + i + "\n");
        }
        csv.append("K-short\n");
        Path file = Files.writeString(dir.resolve("big.csv"), csv);

        try (ExtractReader extract = ExtractReader.open(file)) {
            assertThat(extract.columns()).containsExactly("key", "name");
            List<SourceRow> first = extract.next(10_000);
            List<SourceRow> second = extract.next(10_000);
            List<SourceRow> last = extract.next(10_000);

            assertThat(first).hasSize(10_000);
            assertThat(first.get(0).get("key")).isEqualTo("K-1");
            assertThat(first.get(0).line()).isEqualTo(2);
            assertThat(second.get(0).get("key")).isEqualTo("K-10001");
            assertThat(second.get(0).line()).as("two rows before it hold a quoted line break").isEqualTo(10_004);
            assertThat(last).hasSize(5_000);
            assertThat(last.get(last.size() - 1).get("name")).isEqualTo("two\nlines");
            assertThat(extract.next(10_000)).isEmpty();
            assertThat(extract.unreadable()).extracting(Rejection::reason)
                    .containsExactly("the row has 1 fields, the header 2");
            assertThat(extract.rowsRead()).isEqualTo(25_001);
        }
    }

    @Test
    void theColumnsOfJsonLinesAreEveryFieldAnyLineNamesEvenTheLast() throws Exception {
        StringBuilder lines = new StringBuilder();
        for (int i = 1; i <= 30_000; i++) {
            lines.append("{\"id\":\"O-").append(i).append("\",\"items\":[{\"sku\":1}]}\n");
        }
        lines.append("{\"id\":\"O-last\",\"email\":\"ana@example.com\"}\n");
        Path file = Files.writeString(dir.resolve("orders.ndjson"), lines);

        try (ExtractReader extract = ExtractReader.open(file)) {
            assertThat(extract.columns()).containsExactly("id", "items", "email");
            assertThat(extract.next(20_000)).hasSize(20_000);
            List<SourceRow> rest = extract.next(20_000);
            assertThat(rest).hasSize(10_001);
            assertThat(rest.get(10_000).get("email")).isEqualTo("ana@example.com");
            assertThat(rest.get(10_000).line()).isEqualTo(30_001);
        }
    }
}
