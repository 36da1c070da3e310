package com.ringside.server;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Writes a page of the change feed as JSON straight from the stored bodies: they are already the wire JSON, so they
 * go out byte for byte. Everything else in the envelope is a number, a UUID or a fixed word, none needing escapes.
 */
final class FeedWriter implements AutoCloseable {
    private static final byte[] NULL = "null".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] FIRST = "{\"seq\":".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NEXT = ",{\"seq\":".getBytes(StandardCharsets.US_ASCII);
    private final OutputStream out;
    /** What follows the seq of a change, by kind and operation: written once per writer, not once per change. */
    private final Map<String, Map<String, byte[]>> heads = new HashMap<>();
    private boolean first = true;

    FeedWriter(OutputStream out, UUID masterId) throws IOException {
        this.out = new BufferedOutputStream(out, 64 * 1024);
        ascii("{\"masterId\":\"" + masterId + "\",\"changes\":[");
    }

    void change(long seq, String kind, String op, byte[] body) throws IOException {
        out.write(first ? FIRST : NEXT);
        first = false;
        ascii(Long.toString(seq));
        out.write(heads.computeIfAbsent(kind, k -> new HashMap<>()).computeIfAbsent(op,
                o -> (",\"kind\":\"" + kind + "\",\"op\":\"" + o + "\",\"body\":").getBytes(StandardCharsets.US_ASCII)));
        out.write(body == null ? NULL : body);
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
