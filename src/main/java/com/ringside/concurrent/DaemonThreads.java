package com.ringside.concurrent;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Threads for background work that must never keep the process alive once the window, the server or the command
 * is done, named so that a thread dump or a profile says whose work it is.
 */
public final class DaemonThreads {
    private DaemonThreads() {
    }

    /** Every thread named {@code name}: for an executor of one thread. */
    public static ThreadFactory named(String name) {
        return work -> daemon(work, name);
    }

    /** Threads named {@code prefix-1}, {@code prefix-2}…: for a pool. */
    public static ThreadFactory numbered(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return work -> daemon(work, prefix + "-" + count.incrementAndGet());
    }

    private static Thread daemon(Runnable work, String name) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        return thread;
    }
}
