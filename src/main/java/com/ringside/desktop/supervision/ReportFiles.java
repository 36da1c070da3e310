package com.ringside.desktop.supervision;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import javax.imageio.ImageIO;
import javafx.scene.Node;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

/**
 * Writes an exported report: CSV (RFC 4180, UTF-8 with a byte-order mark so spreadsheets read accents) or a PNG of
 * what the supervisor sees. A file is written beside its target and moved into place, so a failed export never
 * leaves half a file where an earlier export was.
 */
final class ReportFiles {
    private ReportFiles() {
    }

    static void writeCsv(Path target, List<List<String>> rows) {
        write(target, temporary -> {
            try (Writer out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                out.write('\uFEFF');
                for (List<String> row : rows) {
                    for (int i = 0; i < row.size(); i++) {
                        out.write((i == 0 ? "" : ",") + cell(row.get(i)));
                    }
                    out.write("\r\n");
                }
            }
        });
    }

    /** Pixels of {@code node} as it is drawn now; must be called on the FX thread. */
    static Pixels snapshot(Node node) {
        WritableImage image = node.snapshot(null, null);
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        int[] argb = new int[width * height];
        image.getPixelReader().getPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(), argb, 0, width);
        return new Pixels(width, height, argb);
    }

    static void writePng(Path target, Pixels pixels) {
        write(target, temporary -> {
            BufferedImage image = new BufferedImage(pixels.width(), pixels.height(), BufferedImage.TYPE_INT_ARGB);
            image.setRGB(0, 0, pixels.width(), pixels.height(), pixels.argb(), 0, pixels.width());
            if (!ImageIO.write(image, "png", temporary.toFile())) {
                throw new IOException("This Java runtime cannot write PNG images.");
            }
        });
    }

    /** A cell as CSV: quoted when needed, and never read as a formula by a spreadsheet. */
    static String cell(String value) {
        String text = value == null ? "" : value;
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 && !text.matches("-?[0-9.,]+")) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            text = "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }

    private static void write(Path target, FileWork work) {
        Path temporary = target.resolveSibling(target.getFileName() + ".part");
        try {
            work.write(temporary);
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException ignored) {
                // the export failed already; that is what the supervisor is told
            }
            throw new UncheckedIOException("Could not write " + target.getFileName() + ": " + e.getMessage(), e);
        }
    }

    record Pixels(int width, int height, int[] argb) {
    }

    @FunctionalInterface
    private interface FileWork {
        void write(Path temporary) throws IOException;
    }
}
