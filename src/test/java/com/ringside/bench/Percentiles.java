package com.ringside.bench;

import java.util.Arrays;
import java.util.Locale;

/** Latency samples in nanoseconds, reported in milliseconds. */
final class Percentiles {
    private final long[] samples;
    private int count;

    Percentiles(int capacity) {
        samples = new long[capacity];
    }

    void add(long nanos) {
        samples[count++] = nanos;
    }

    String row(String what, String target) {
        long[] sorted = Arrays.copyOf(samples, count);
        Arrays.sort(sorted);
        return String.format(Locale.ROOT, "| %s | %d | %.2f | %.2f | %.2f | %s |", what, count, ms(sorted, 0.50),
                ms(sorted, 0.99), sorted[count - 1] / 1e6, target);
    }

    void addAll(Percentiles other) {
        for (int i = 0; i < other.count; i++) {
            add(other.samples[i]);
        }
    }

    int size() {
        return count;
    }

    double max() {
        return Arrays.stream(samples, 0, count).max().orElse(0) / 1e6;
    }

    double p50() {
        long[] sorted = Arrays.copyOf(samples, count);
        Arrays.sort(sorted);
        return ms(sorted, 0.50);
    }

    double p99() {
        long[] sorted = Arrays.copyOf(samples, count);
        Arrays.sort(sorted);
        return ms(sorted, 0.99);
    }

    private static double ms(long[] sorted, double quantile) {
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1)] / 1e6;
    }
}
