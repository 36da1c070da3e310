package com.ringside.cli;

import com.ringside.domain.Customer;
import com.ringside.server.CustomerMerge;
import com.ringside.server.MasterException;
import com.ringside.server.MasterStore;
import com.ringside.server.MergeSuggestion;
import java.io.InputStream;
import java.io.PrintStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * `ringside merges`: the possible duplicates imports found — list them, accept one (the new customer is merged
 * into the one it may be) or reject it — and undo a merge.
 */
public final class MergesCommand implements Command {
    @Override
    public String name() {
        return "merges";
    }

    @Override
    public String summary() {
        return "merges list | accept SUGGESTION | reject SUGGESTION | undo MERGE  [--data-dir D | --db jdbc:postgresql://…]";
    }

    @Override
    public int run(List<String> args, InputStream in, PrintStream out, PrintStream err) {
        List<String> rest = new ArrayList<>(args);
        String action = rest.isEmpty() ? "" : rest.remove(0);
        if (!Set.of("list", "accept", "reject", "undo").contains(action)) {
            throw new Options.UsageException("say list, accept, reject or undo");
        }
        UUID id = null;
        if (!action.equals("list")) {
            if (rest.isEmpty() || rest.get(0).startsWith("--")) {
                throw new Options.UsageException(action + " needs the id " + (action.equals("undo") ? "of the merge"
                        : "of the suggestion (ringside merges list shows them)"));
            }
            try {
                id = UUID.fromString(rest.remove(0));
            } catch (IllegalArgumentException e) {
                throw new Options.UsageException("'" + args.get(1) + "' is not an id");
            }
        }
        Options options = Options.parse(rest, Set.of("data-dir", "db"));
        Clock clock = Clock.systemUTC();
        try (MasterStore store = MasterOptions.store(options, clock)) {
            switch (action) {
                case "list" -> list(store.mergeSuggestions(500), out);
                case "accept" -> {
                    CustomerMerge merge = store.acceptSuggestion(id, null, clock.instant());
                    out.println("Merged " + merge.mergedId() + " into " + merge.survivorId() + " (" + merge.movedEvents().size()
                            + " events moved). To undo: ringside merges undo " + merge.id());
                }
                case "reject" -> {
                    store.rejectSuggestion(id, null, clock.instant());
                    out.println("Rejected: they stay two customers.");
                }
                default -> {
                    store.unmerge(id, null, clock.instant());
                    out.println("Undone: both customers are as they were before the merge.");
                }
            }
            return OK;
        } catch (IllegalArgumentException e) {
            err.println("ringside " + e.getMessage());
            return USAGE;
        } catch (MasterException e) {
            err.println("ringside merges: " + e.getMessage());
            return FAILED;
        }
    }

    private static void list(List<MergeSuggestion> suggestions, PrintStream out) {
        if (suggestions.isEmpty()) {
            out.println("No possible duplicates are waiting.");
            return;
        }
        for (MergeSuggestion s : suggestions) {
            out.printf(Locale.ROOT, "%s  score %.2f  %s%n  new:       %s%n  may be:    %s%n", s.id(), s.score(), s.source(),
                    describe(s.customer()), describe(s.candidate()));
        }
    }

    private static String describe(Customer c) {
        List<String> parts = new ArrayList<>(List.of(c.displayName() + (c.birthDate() == null ? "" : ", born " + c.birthDate())));
        c.phones().forEach(phone -> parts.add(phone.number().e164()));
        parts.addAll(c.emails());
        c.accounts().forEach(account -> parts.add(account.sourceSystem() + " " + account.sourceKey()));
        return String.join(" · ", parts);
    }
}
