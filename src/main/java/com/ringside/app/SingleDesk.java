package com.ringside.app;

import com.ringside.cti.DeskEndpoint;
import com.ringside.cti.DeskForwarder;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * One desk per data directory. The desk holds a lock on a file there for as long as it runs; a second start finds it
 * held and hands its number (or just "come forward") to the running desk through its screen-pop URL, then exits.
 */
final class SingleDesk {
    static final String LOCK_FILE = "desk.lock";
    /** A desk that has just started may need this long to sign in its screen-pop URL. */
    private static final Duration WAIT_FOR_DESK = Duration.ofSeconds(20);
    private static final long RETRY_MILLIS = 250;

    /** The running desk's claim; held in a field so it lasts as long as the process. */
    private static FileLock claimed;

    private SingleDesk() {
    }

    /** Claims {@code dataDirectory} for this process; false when another desk already has it. */
    static synchronized boolean claim(Path dataDirectory) {
        if (claimed != null && claimed.isValid()) {
            return true;
        }
        return lock(dataDirectory).map(lock -> {
            claimed = lock;
            return true;
        }).orElse(false);
    }

    /** Locks the desk's file in {@code dataDirectory}, or empty when another desk (in any process) holds it. */
    static Optional<FileLock> lock(Path dataDirectory) {
        try {
            Files.createDirectories(dataDirectory);
            FileChannel channel = FileChannel.open(dataDirectory.resolve(LOCK_FILE), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            try {
                FileLock lock = channel.tryLock();
                if (lock == null) {
                    channel.close();
                }
                return Optional.ofNullable(lock);
            } catch (OverlappingFileLockException e) {
                channel.close();
                return Optional.empty();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The desk could not claim its data directory " + dataDirectory, e);
        }
    }

    /**
     * Hands {@code fields} to the running desk at {@code path}, waiting a little for a desk still starting. Returns
     * the exit status: 0 delivered, 1 the desk did not answer or refused.
     */
    static int handOver(Path dataDirectory, String path, Map<String, String> fields, String what, PrintStream out,
                        PrintStream err) {
        long deadline = System.nanoTime() + WAIT_FOR_DESK.toNanos();
        String lastProblem = "it has not opened its screen-pop URL";
        while (System.nanoTime() < deadline) {
            Optional<DeskEndpoint> endpoint = DeskEndpoint.read(dataDirectory).filter(found -> found.port() > 0);
            if (endpoint.isPresent()) {
                try {
                    DeskForwarder.Answer answer = new DeskForwarder(endpoint.get()).post(path, fields);
                    if (answer.accepted()) {
                        out.println("ringside: " + what);
                        return 0;
                    }
                    err.println("ringside: the desk refused this (" + answer.status() + "): " + answer.detail());
                    return 1;
                } catch (DeskForwarder.NotRunningException e) {
                    lastProblem = e.getMessage();
                }
            }
            try {
                Thread.sleep(RETRY_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        err.println("ringside: a desk is open on " + dataDirectory + " but did not answer (" + lastProblem
                + "). Close it and start Ringside again.");
        return 1;
    }
}
