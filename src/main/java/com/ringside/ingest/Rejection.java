package com.ringside.ingest;

/** A row that was not imported: the line of the extract it starts on, and why, in words. */
public record Rejection(long line, String reason) {
}
