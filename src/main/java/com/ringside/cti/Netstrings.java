package com.ringside.cti;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Netstrings ({@code 12:hello world!,}), the framing of baresip's ctrl_tcp. */
final class Netstrings {
    /** Larger than any event baresip sends; a longer frame means the stream is not what we think it is. */
    static final int MAX_FRAME = 1 << 20;

    private Netstrings() {
    }

    static byte[] encode(String payload) {
        byte[] body = payload.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length + 12);
        out.writeBytes((body.length + ":").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(body);
        out.write(',');
        return out.toByteArray();
    }

    /** The next frame's payload; {@link EOFException} at a clean end of stream, {@link IOException} for garbage. */
    static String read(InputStream in) throws IOException {
        int length = 0;
        int digits = 0;
        while (true) {
            int c = in.read();
            if (c < 0) {
                if (digits == 0) {
                    throw new EOFException("The connection was closed");
                }
                throw new IOException("The stream ended inside a frame");
            }
            if (c == ':') {
                break;
            }
            if (c < '0' || c > '9' || ++digits > 7) {
                throw new IOException("Not a netstring (unexpected byte " + c + " in the length)");
            }
            length = length * 10 + (c - '0');
        }
        if (digits == 0 || length > MAX_FRAME) {
            throw new IOException("Not a netstring (length " + length + ")");
        }
        byte[] body = in.readNBytes(length);
        if (body.length < length || in.read() != ',') {
            throw new IOException("The stream ended inside a frame");
        }
        return new String(body, StandardCharsets.UTF_8);
    }
}
