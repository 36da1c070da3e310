package com.ringside.ingest;

import com.ringside.concurrent.DaemonThreads;
import com.ringside.domain.Customer;
import com.ringside.domain.PhoneNumber;
import com.ringside.domain.SourceSystem;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * What the master holds for each chunk of an import's rows, looked up on a thread of its own ahead of the chunk
 * being matched. A name block, which comes back chunk after chunk, is read once per import: the import's own
 * customers in it, written or not, are known to the matcher already.
 */
final class ChunkLookups implements AutoCloseable {
    private final CustomerDirectory directory;
    private final SourceSystem system;
    /** Touched only on the lookup thread. */
    private final Map<String, List<Customer>> blocksRead = new HashMap<>();
    /**
     * Chunks looked up ahead of the matcher: enough to keep it from waiting, and few enough that what was found
     * for them is still young when it is matched and let go, not copied by a collection on the way.
     */
    static final int AHEAD = 3;
    /** Being looked up, in the order given; guarded by this. */
    private final Deque<Future<CustomerDirectory.Found>> ahead = new ArrayDeque<>();
    /** Given, not started yet; guarded by this. */
    private final Deque<List<PreparedRecord>> waiting = new ArrayDeque<>();
    private final ExecutorService thread = Executors.newSingleThreadExecutor(DaemonThreads.named("import-lookups"));

    ChunkLookups(CustomerDirectory directory, SourceSystem system) {
        this.directory = directory;
        this.system = system;
    }

    /** Looks up a chunk after the ones given before it, once fewer than {@link #AHEAD} are ahead of the matcher. */
    synchronized void submit(List<PreparedRecord> chunk) {
        waiting.addLast(chunk);
        startWaiting();
    }

    /** What the master holds for the next chunk, in the order the chunks were given. */
    CustomerDirectory.Found next() {
        Future<CustomerDirectory.Found> first;
        synchronized (this) {
            first = ahead.removeFirst();
            startWaiting();
        }
        return Awaited.result(first);
    }

    private void startWaiting() {
        while (ahead.size() < AHEAD && !waiting.isEmpty()) {
            List<PreparedRecord> chunk = waiting.removeFirst();
            ahead.addLast(thread.submit(() -> find(chunk)));
        }
    }

    private CustomerDirectory.Found find(List<PreparedRecord> chunk) {
        Set<String> keys = new HashSet<>();
        Set<PhoneNumber> phones = new HashSet<>();
        Set<String> emails = new HashSet<>();
        Set<String> blocks = new HashSet<>();
        Set<String> unread = new HashSet<>();
        for (PreparedRecord prepared : chunk) {
            SourceRecord record = prepared.record();
            keys.add(record.account().sourceKey());
            phones.addAll(record.numbers());
            emails.addAll(record.emails());
            for (String block : prepared.nameBlocks()) {
                blocks.add(block);
                if (!blocksRead.containsKey(block)) {
                    unread.add(block);
                }
            }
        }
        CustomerDirectory.Found found = directory.find(system, keys, phones, emails, unread);
        unread.forEach(block -> blocksRead.put(block, found.byNameBlock().getOrDefault(block, List.of())));
        Map<String, List<Customer>> byNameBlock = new HashMap<>();
        blocks.forEach(block -> byNameBlock.put(block, blocksRead.get(block)));
        return new CustomerDirectory.Found(found.bySourceKey(), found.byPhone(), found.byEmail(), byNameBlock);
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
