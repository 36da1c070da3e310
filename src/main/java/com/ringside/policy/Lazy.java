package com.ringside.policy;

import java.util.function.Supplier;

/** A value worked out the first time it is asked for, then remembered; for one decision on one thread. */
final class Lazy<T> implements Supplier<T> {
    private Supplier<T> source;
    private T value;

    private Lazy(Supplier<T> source) {
        this.source = source;
    }

    static <T> Lazy<T> of(Supplier<T> source) {
        return new Lazy<>(source);
    }

    @Override
    public T get() {
        if (source != null) {
            value = source.get();
            source = null;
        }
        return value;
    }
}
