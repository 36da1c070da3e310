package com.ringside.ingest;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/** The result of an import's work on another thread, its failure thrown as it was thrown there. */
final class Awaited {
    private Awaited() {
    }

    static <T> T result(Future<T> work) {
        try {
            return work.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ImportException("The import was interrupted.");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
