package com.ringside.server;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Slows password guessing: after {@link #FREE_FAILURES} failed sign-ins in a row for one username, or
 * {@link #FREE_FAILURES_PER_ADDRESS} from one address, further attempts are refused unheard for a pause that doubles
 * with each failure, up to {@link #LONGEST_PAUSE}. A success clears the username's count. Kept in memory per server
 * process, bounded in size; several servers on one database each keep their own.
 */
final class SignInThrottle {
    static final int FREE_FAILURES = 5;
    /** High enough that a call centre behind one address is not locked out by its agents' typing slips. */
    static final int FREE_FAILURES_PER_ADDRESS = 50;
    static final Duration FIRST_PAUSE = Duration.ofSeconds(30);
    static final Duration LONGEST_PAUSE = Duration.ofMinutes(15);
    /** A count older than this with no new failure is forgotten. */
    static final Duration MEMORY = Duration.ofMinutes(15);
    private static final int MAX_KEYS = 100_000;

    private final Clock clock;
    private final Map<String, Failures> failures = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Failures> eldest) {
            return size() > MAX_KEYS;
        }
    };

    SignInThrottle(Clock clock) {
        this.clock = clock;
    }

    /** How long the caller must wait before this attempt will be heard; empty when it may go ahead. */
    synchronized Optional<Duration> wait(String username, String address) {
        Instant now = clock.instant();
        Duration longest = Duration.ZERO;
        for (String key : new String[] {userKey(username), addressKey(address)}) {
            Failures counted = failures.get(key);
            if (counted != null && counted.until.isAfter(now)) {
                Duration left = Duration.between(now, counted.until);
                longest = left.compareTo(longest) > 0 ? left : longest;
            }
        }
        return longest.isZero() ? Optional.empty() : Optional.of(longest);
    }

    synchronized void failed(String username, String address) {
        count(userKey(username), FREE_FAILURES);
        count(addressKey(address), FREE_FAILURES_PER_ADDRESS);
    }

    synchronized void succeeded(String username) {
        failures.remove(userKey(username));
    }

    private void count(String key, int free) {
        Instant now = clock.instant();
        Failures counted = failures.get(key);
        if (counted == null || Duration.between(counted.last, now).compareTo(MEMORY) > 0) {
            counted = new Failures();
        }
        counted.count++;
        counted.last = now;
        if (counted.count >= free) {
            int doublings = Math.min(counted.count - free, 10);
            Duration pause = FIRST_PAUSE.multipliedBy(1L << doublings);
            counted.until = now.plus(pause.compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause);
        }
        failures.put(key, counted);
    }

    private static String userKey(String username) {
        return "user:" + (username == null ? "" : username.strip().toLowerCase(Locale.ROOT));
    }

    private static String addressKey(String address) {
        return "address:" + (address == null ? "" : address);
    }

    private static final class Failures {
        int count;
        Instant last = Instant.EPOCH;
        Instant until = Instant.EPOCH;
    }
}
