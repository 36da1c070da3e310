package com.ringside.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A file's lines, decoded as strict UTF-8 a chunk at a time, so a file of any size is read in a fixed amount of
 * memory. A line ends at \n, \r or \r\n; a byte-order mark at the start is skipped. Bytes that are not UTF-8 stop the
 * reading with the number of the line that holds them.
 */
final class Utf8Lines implements AutoCloseable {
    private static final int CHUNK = 1 << 16;
    private final Path file;
    private final InputStream in;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteBuffer bytes = ByteBuffer.allocate(CHUNK).flip();
    private final CharBuffer chars = CharBuffer.allocate(CHUNK).flip();
    private final StringBuilder line = new StringBuilder();
    private long lines;
    private boolean started;
    private boolean endOfBytes;
    private boolean decoded;
    private boolean malformed;
    private boolean afterCarriageReturn;

    Utf8Lines(Path file) {
        this.file = file;
        try {
            this.in = Files.newInputStream(file);
        } catch (IOException e) {
            throw unreadable(file, e);
        }
    }

    /** Reads the whole file only to check that it is UTF-8 throughout, before anything of it is stored. */
    static void check(Path file) {
        try (Utf8Lines lines = new Utf8Lines(file)) {
            while (lines.advance(false)) {
                // each line decoded is a line checked
            }
        }
    }

    static ImportException unreadable(Path file, IOException e) {
        return new ImportException("The extract " + file + " cannot be read: " + e.getMessage(), e);
    }

    /** The next line without its line break, or null after the last. */
    String next() {
        return advance(true) ? line.toString() : null;
    }

    /** The number of the line {@link #next} gave last. */
    long lineNumber() {
        return lines;
    }

    /** Reads up to the end of the next line, keeping its text when asked; false after the last line. */
    private boolean advance(boolean keep) {
        line.setLength(0);
        boolean any = false;
        while (true) {
            while (chars.hasRemaining()) {
                char c = chars.get();
                if (afterCarriageReturn) {
                    afterCarriageReturn = false;
                    if (c == '\n') {
                        continue;
                    }
                }
                if (c == '\n' || c == '\r') {
                    afterCarriageReturn = c == '\r';
                    lines++;
                    return true;
                }
                any = true;
                if (keep) {
                    line.append(c);
                }
            }
            if (!fill()) {
                if (any) {
                    lines++;
                }
                return any;
            }
        }
    }

    /** Decodes the next chunk; false at the end of the file. */
    private boolean fill() {
        if (malformed) {
            throw notUtf8();
        }
        chars.clear();
        try {
            while (!decoded) {
                CoderResult result = decoder.decode(bytes, chars, endOfBytes);
                if (result.isError()) {
                    malformed = true; // the text before the bad bytes is read first, to count the lines before them
                    break;
                }
                if (result.isOverflow()) {
                    break;
                }
                if (endOfBytes) {
                    decoder.flush(chars);
                    decoded = true;
                    break;
                }
                bytes.compact();
                int read = in.read(bytes.array(), bytes.position(), bytes.remaining());
                if (read < 0) {
                    endOfBytes = true;
                } else {
                    bytes.position(bytes.position() + read);
                }
                bytes.flip();
            }
        } catch (IOException e) {
            throw unreadable(file, e);
        }
        chars.flip();
        if (!started && chars.hasRemaining()) {
            started = true;
            if (chars.get(chars.position()) == '\uFEFF') {
                chars.get();
            }
        }
        if (chars.hasRemaining()) {
            return true;
        }
        if (malformed) {
            throw notUtf8();
        }
        return false;
    }

    private ImportException notUtf8() {
        return new ImportException("The extract " + file + " is not UTF-8 (line " + (lines + 1) + " holds bytes "
                + "that are not): save it as UTF-8 and import it again. Nothing was imported.");
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            throw unreadable(file, e);
        }
    }
}
