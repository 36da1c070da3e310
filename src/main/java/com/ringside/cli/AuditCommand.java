package com.ringside.cli;

import com.ringside.server.AuditCheck;
import com.ringside.server.AuditEntry;
import com.ringside.server.MasterException;
import com.ringside.server.MasterStore;
import java.io.InputStream;
import java.io.PrintStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** `ringside audit`: check the audit trail's hash chain, or list its entries. */
public final class AuditCommand implements Command {
    @Override
    public String name() {
        return "audit";
    }

    @Override
    public String summary() {
        return "audit verify | list [--grep TEXT] [--limit N]  [--data-dir D | --db jdbc:postgresql://…]";
    }

    @Override
    public int run(List<String> args, InputStream in, PrintStream out, PrintStream err) {
        List<String> rest = new ArrayList<>(args);
        String action = rest.isEmpty() ? "" : rest.remove(0);
        if (!action.equals("verify") && !action.equals("list")) {
            throw new Options.UsageException("say verify or list");
        }
        Options options = Options.parse(rest, Set.of("grep", "limit", "data-dir", "db"));
        int limit = options.intValue("limit", 100, 1, 100_000);
        try (MasterStore store = MasterOptions.store(options, Clock.systemUTC())) {
            if (action.equals("list")) {
                for (AuditEntry entry : store.audit(options.get("grep", ""), limit)) {
                    out.printf("%6d  %s  %s  %s  %s — %s%n", entry.seq(), entry.at(),
                            actor(entry), entry.action(), entry.subject(), entry.detail());
                }
                return OK;
            }
            AuditCheck check = store.verifyAudit();
            if (check.intact()) {
                out.println("The audit trail is intact: " + check.entries() + " entries, each linked to the one before.");
                return OK;
            }
            err.println("The audit trail is broken at entry " + check.brokenAt() + ": " + check.problem() + ". The "
                    + check.entries() + " entries before it are intact.");
            return FAILED;
        } catch (MasterException e) {
            err.println("ringside audit: " + e.getMessage());
            return FAILED;
        }
    }

    private static String actor(AuditEntry entry) {
        if (entry.actor() == null) {
            return "command line";
        }
        return entry.actorName() == null ? entry.actor().toString() : entry.actorName();
    }
}
