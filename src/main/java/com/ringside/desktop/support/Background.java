package com.ringside.desktop.support;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * The one way the desk does work that may block: {@code work} runs off the FX thread, and its result or
 * failure is handed back on it. Tests use {@link #inline()} to run everything on the calling thread.
 */
public interface Background {
    <T> void run(Callable<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure);

    static Background inline() {
        return new Background() {
            @Override
            public <T> void run(Callable<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure) {
                T result;
                try {
                    result = work.call();
                } catch (Exception | Error e) {
                    onFailure.accept(e);
                    return;
                }
                onSuccess.accept(result);
            }
        };
    }
}
