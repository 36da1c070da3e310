package com.ringside.desktop.merges;

import com.ringside.domain.Customer;
import com.ringside.sync.MasterClient;
import com.ringside.sync.MasterLink;
import com.ringside.sync.MasterRefusedException;
import com.ringside.sync.MasterUnreachableException;
import com.ringside.wire.WireCodec;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The possible duplicates at the master, and a supervisor's decisions on them; each call goes to the master. */
public final class DuplicatesService {
    private static final Logger LOG = LoggerFactory.getLogger(DuplicatesService.class);
    private final MasterClient client;
    private final Runnable afterChange;

    /** A new record and the customer it may be. */
    public record Pair(String id, Customer newRecord, Customer candidate, double score, String source) {
    }

    /** {@code afterChange} runs after a merge or an undo, to bring the desk's cache up to date. */
    public DuplicatesService(MasterClient client, Runnable afterChange) {
        this.client = client;
        this.afterChange = afterChange;
    }

    /** Through the desk's link to its master; after a change the desk syncs at once (else at the next notice). */
    public static DuplicatesService of(MasterLink link) {
        return new DuplicatesService(link.client(), () -> {
            try {
                link.engine().syncNow();
            } catch (Exception e) {
                LOG.warn("The desk will show the merge at its next sync: {}", e.getMessage());
            }
        });
    }

    public List<Pair> waiting() {
        return call(() -> client.mergeSuggestions().stream().map(json -> new Pair(json.id(),
                WireCodec.customer(json.customer(), "customer"), WireCodec.customer(json.candidate(), "candidate"),
                json.score(), json.source())).toList());
    }

    /** Merges the new record into the candidate; returns the merge's id, to undo it. */
    public String merge(Pair pair) {
        String mergeId = call(() -> client.acceptSuggestion(pair.id()).id());
        afterChange.run();
        return mergeId;
    }

    public void keepApart(Pair pair) {
        call(() -> {
            client.rejectSuggestion(pair.id());
            return null;
        });
    }

    public void undo(String mergeId) {
        call(() -> {
            client.undoMerge(mergeId);
            return null;
        });
        afterChange.run();
    }

    private static <T> T call(Supplier<T> request) {
        try {
            return request.get();
        } catch (MasterRefusedException | MasterUnreachableException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
