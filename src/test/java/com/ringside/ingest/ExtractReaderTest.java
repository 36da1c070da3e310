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

        ExtractReader.Extract extract = ExtractReader.read(file);

        List<SourceRow> rows = extract.rows();
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
        assertThat(extract.unreadable()).extracting(Rejection::line).containsExactly(4L, 5L);
    }
}
