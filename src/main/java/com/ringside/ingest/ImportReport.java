package com.ringside.ingest;

import java.util.List;
import java.util.UUID;

/**
 * What an import did. {@code matched}: rows found as a customer already known (by key, phone with the same name, or
 * e-mail); {@code merged}: rows that scored as a known customer and were joined to them; {@code suggested}: rows
 * made a new customer that may be a known one, for a supervisor to decide; {@code unchanged}: matched rows that
 * brought nothing new.
 */
public record ImportReport(String system, String file, long rowsRead, int created, int matched, int merged,
                           int suggested, int unchanged, int events, List<Rejection> rejected, List<Rejection> notes,
                           List<Suggestion> suggestions) {
    /** A new customer who may be {@code candidate}, by {@code score}. */
    public record Suggestion(long line, UUID created, UUID candidate, String createdName, String candidateName,
                             double score) {
    }


    /** The report as a plain text file: the figures, then every rejected row with its line and reason. */
    public String text() {
        StringBuilder out = new StringBuilder();
        out.append("Import of ").append(file).append(" from ").append(system).append('\n')
                .append(String.format("rows read %,d · created %,d · matched %,d (unchanged %,d) · merged %,d · "
                        + "suggested %,d · rejected %,d · contacts %,d%n", rowsRead, created, matched, unchanged, merged,
                        suggested, rejected.size(), events));
        if (!rejected.isEmpty()) {
            out.append("\nRejected rows\n");
            rejected.forEach(r -> out.append("  line ").append(r.line()).append(": ").append(r.reason()).append('\n'));
        }
        if (!suggestions.isEmpty()) {
            out.append("\nPossibly the same person (a supervisor decides)\n");
            suggestions.forEach(s -> out.append(String.format("  line %d: %s may be %s (score %.2f)%n", s.line(),
                    s.createdName(), s.candidateName(), s.score())));
        }
        if (!notes.isEmpty()) {
            out.append("\nKept, without what could not be read\n");
            notes.forEach(n -> out.append("  line ").append(n.line()).append(": ").append(n.reason()).append('\n'));
        }
        return out.toString();
    }
}
