package com.ringside.testing;

import com.ringside.desktop.support.Background;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/** Holds background work until the test says to finish it, in any order, to show what happens when answers race. */
public final class QueuedBackground implements Background {
    private final Deque<Runnable> pending = new ArrayDeque<>();

    @Override
    public <T> void run(Callable<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure) {
        pending.add(() -> Background.inline().run(work, onSuccess, onFailure));
    }

    public void finishNewest() {
        pending.removeLast().run();
    }

    public void finishOldest() {
        pending.removeFirst().run();
    }

    public int pending() {
        return pending.size();
    }
}
