package com.ringside.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Extracts read a batch of rows at a time: each row with its line and its own fields, in the file's order. */
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
    void aCsvFileIsReadInBatchesWithTheLinesItsRowsStartOnAcrossQuotedNewlines() throws Exception {
        Path file = Files.writeString(dir.resolve("people.csv"), "\uFEFFid,name\r\n"
                + "P-1,\"Ada\nMarie\"\r\n"
                + "P-2,Ben,extra\r\n"
                + "P-3,Cy\r\n"
                + "P-4,Di\r\n"
                + "P-5,\"Ed\nEdgar\nEddie\"\n"
                + "P-6,Flo\n");

        try (ExtractReader extract = ExtractReader.open(file)) {
            List<SourceRow> first = extract.next(2);
            List<SourceRow> second = extract.next(2);
            List<SourceRow> third = extract.next(2);

            assertThat(first).extracting(row -> row.get("id"), SourceRow::line)
                    .containsExactly(tuple("P-1", 2L), tuple("P-3", 5L));
            assertThat(first.get(0).get("name")).isEqualTo("Ada\nMarie");
            assertThat(second).extracting(row -> row.get("id"), SourceRow::line)
                    .containsExactly(tuple("P-4", 6L), tuple("P-5", 7L));
            assertThat(third).extracting(row -> row.get("id"), SourceRow::line).containsExactly(tuple("P-6", 10L));
            assertThat(extract.next(2)).isEmpty();
            assertThat(extract.unreadable()).containsExactly(new Rejection(4, "the row has 3 fields, the header 2"));
            assertThat(extract.rowsRead()).isEqualTo(6);
        }
    }

    @Test
    void jsonLinesAreReadInBatchesWithTheirLineNumbersWhateverTheLineEndings() throws Exception {
        Path file = Files.writeString(dir.resolve("orders.ndjson"),
                "\uFEFF{\"id\":\"O-1\"}\r\n\r\n{\"id\":\"O-2\"}\n{oops\n{\"id\":\"O-3\"}\n{\"id\":\"O-4\"}");

        try (ExtractReader extract = ExtractReader.open(file)) {
            List<SourceRow> first = extract.next(2);
            List<SourceRow> rest = extract.next(10);

            assertThat(first).extracting(row -> row.get("id"), SourceRow::line)
                    .containsExactly(tuple("O-1", 1L), tuple("O-2", 3L));
            assertThat(rest).extracting(row -> row.get("id"), SourceRow::line)
                    .containsExactly(tuple("O-3", 5L), tuple("O-4", 6L));
            assertThat(extract.next(10)).isEmpty();
            assertThat(extract.unreadable()).extracting(Rejection::line).containsExactly(4L);
        }
    }

    @Test
    void aFileInAnotherEncodingIsRefusedWhenOpenedWithTheLineOfItsFirstWrongBytesEvenPastTheFirstBlock()
            throws Exception {
        StringBuilder text = new StringBuilder("id,name\n");
        for (int i = 1; i <= 20_000; i++) {
            text.append("P-").append(i).append(",Zoë\n");
        }
        byte[] utf8 = text.toString().getBytes(StandardCharsets.UTF_8);
        byte[] latin1 = "P-x,Ren\u00e9e\n".getBytes(StandardCharsets.ISO_8859_1);
        byte[] bytes = java.util.Arrays.copyOf(utf8, utf8.length + latin1.length);
        System.arraycopy(latin1, 0, bytes, utf8.length, latin1.length);
        Path file = Files.write(dir.resolve("mixed.csv"), bytes);

        assertThatThrownBy(() -> ExtractReader.open(file)).isInstanceOf(ImportException.class)
                .hasMessageContaining("is not UTF-8 (line 20002 ").hasMessageContaining("Nothing was imported");
    }
}
