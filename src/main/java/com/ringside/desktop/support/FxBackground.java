package com.ringside.desktop.support;

import com.ringside.concurrent.DaemonThreads;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import javafx.application.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs work on a small pool of daemon threads and answers on the FX thread. */
public final class FxBackground implements Background, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FxBackground.class);
    private final ExecutorService executor = Executors.newFixedThreadPool(2, DaemonThreads.numbered("desk-io"));

    @Override
    public <T> void run(Callable<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure) {
        executor.execute(() -> {
            try {
                T result = work.call();
                Platform.runLater(() -> onSuccess.accept(result));
            } catch (Exception | Error e) {
                LOG.warn("Background work failed", e);
                Platform.runLater(() -> onFailure.accept(e));
            }
        });
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
