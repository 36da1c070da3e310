package com.ringside.server;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Writes a page of the change feed as JSON straight from the stored bodies: they are already the wire JSON, so they
 * go out byte for byte. Everything else in the envelope is a number, a UUID or a fixed word, none needing escapes.
 */
final class FeedWriter implements AutoCloseable {
    private final OutputStream out;
    private boolean first = true;

    FeedWriter(OutputStream out, UUID masterId) throws IOException {
        this.out = new BufferedOutputStream(out, 64 * 1024);
        ascii("{\"masterId\":\"" + masterId + "\",\"changes\":[");
    }

    void change(long seq, String kind, String op, byte[] body) throws IOException {
        ascii((first ? "" : ",") + "{\"seq\":" + seq + ",\"kind\":\"" + kind + "\",\"op\":\"" + op + "\",\"body\":");
        first = false;
        if (body == null) {
            ascii("null");
        } else {
            out.write(body);
        }
        out.write('}');
    }

    void finish(MasterStore.FeedPage page) throws IOException {
        ascii("],\"last\":" + page.last() + ",\"more\":" + page.more() + "}");
    }

    private void ascii(String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
