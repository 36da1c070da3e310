package com.ringside.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An extract's lines, read in chunks: every kind of line break, a byte-order mark, and bytes that are not UTF-8. */
class Utf8LinesTest {
    @TempDir
    Path dir;

    @Test
    void linesEndAtEveryKindOfLineBreakAndAByteOrderMarkIsNoPartOfTheFirst() throws Exception {
        Path file = Files.writeString(dir.resolve("mixed.jsonl"), "\uFEFFone\ntwo\r\nthree\rfour\n\nsix");

        assertThat(lines(file)).containsExactly("one", "two", "three", "four", "", "six");
    }

    @Test
    void linesLongerThanAChunkAndCharactersSplitAcrossChunksAreReadWhole() throws Exception {
        String longLine = "é".repeat(100_000); // two bytes each, so chunk borders fall inside characters
        Path file = Files.writeString(dir.resolve("long.csv"), "a\n" + longLine + "\nz\n");

        assertThat(lines(file)).containsExactly("a", longLine, "z");
    }

    @Test
    void bytesThatAreNotUtf8FarIntoAFileAreRefusedWithTheirLineWhenTheFileIsChecked() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int line = 1; line < 40_000; line++) {
            bytes.writeBytes(("row " + line + ",Zoë\r\n").getBytes(StandardCharsets.UTF_8));
        }
        bytes.writeBytes("row 40000,Zo".getBytes(StandardCharsets.UTF_8));
        bytes.write(0xEB); // ë in Latin-1
        bytes.writeBytes("\n".getBytes(StandardCharsets.UTF_8));
        Path file = Files.write(dir.resolve("latin1.csv"), bytes.toByteArray());

        assertThatThrownBy(() -> Utf8Lines.check(file)).isInstanceOf(ImportException.class)
                .hasMessageContaining("is not UTF-8 (line 40000 ").hasMessageContaining("Nothing was imported");
    }

    @Test
    void aCharacterCutOffAtTheEndOfTheFileIsNotUtf8() throws Exception {
        byte[] cut = {'o', 'k', '\n', 'Z', 'o', (byte) 0xC3};
        Path file = Files.write(dir.resolve("cut.csv"), cut);

        assertThatThrownBy(() -> Utf8Lines.check(file)).hasMessageContaining("is not UTF-8 (line 2 ");
    }

    private static List<String> lines(Path file) {
        List<String> lines = new ArrayList<>();
        try (Utf8Lines reader = new Utf8Lines(file)) {
            for (String line = reader.next(); line != null; line = reader.next()) {
                lines.add(line);
                assertThat(reader.lineNumber()).isEqualTo(lines.size());
            }
        }
        return lines;
    }
}
