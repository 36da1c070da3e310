package com.ringside.domain;

import java.security.SecureRandom;
import java.util.Random;
import java.util.UUID;

/**
 * Time-ordered UUIDs (RFC 9562 version 7). Ids are made where a thing is born, offline included; being
 * time-ordered keeps B-tree inserts at the right-hand edge of the index.
 */
public final class Ids {
    private static final Random RANDOM = new SecureRandom();

    private Ids() {
    }

    public static UUID newId() {
        return v7(System.currentTimeMillis(), RANDOM);
    }

    /** A version-7 UUID for the given millisecond, with random bits from {@code random}. */
    public static UUID v7(long epochMillis, Random random) {
        long msb = (epochMillis << 16) | 0x7000L | (random.nextInt() & 0x0FFFL);
        long lsb = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb);
    }
}
