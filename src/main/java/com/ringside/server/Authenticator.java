package com.ringside.server;

import com.ringside.domain.UserRole;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sign-in and bearer tokens. Only a token's SHA-256 is stored, so the session table cannot be replayed; an unknown
 * user costs the same hashing as a wrong password, so answers do not reveal who exists.
 */
public final class Authenticator {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String DECOY = Passwords.hash("decoy-password".toCharArray());

    /** How long a session found valid is believed without asking again (see ADR 0017). */
    private static final Duration REMEMBER = Duration.ofSeconds(2);
    private static final int REMEMBERED_SESSIONS = 10_000;
    private final Map<String, Remembered> remembered = new ConcurrentHashMap<>();
    private final MasterStore store;
    private final Clock clock;
    private final Duration sessionLength;

    public Authenticator(MasterStore store, Clock clock, Duration sessionLength) {
        this.store = store;
        this.clock = clock;
        this.sessionLength = sessionLength;
    }

    public record Session(String token, User user, Instant expiresAt) {
    }

    public Optional<Session> signIn(String username, char[] password) {
        Optional<StoredUser> stored = username == null ? Optional.empty() : store.userByName(username.strip());
        boolean matches = Passwords.matches(password, stored.map(StoredUser::passwordHash).orElse(DECOY));
        if (stored.isEmpty() || !matches) {
            return Optional.empty();
        }
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Instant now = clock.instant();
        Instant expiresAt = now.plus(sessionLength);
        store.openSession(hash(token), stored.get().user().id(), now, expiresAt);
        return Optional.of(new Session(token, stored.get().user(), expiresAt));
    }

    public Optional<User> userOf(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        String hash = hash(token);
        Instant now = clock.instant();
        Remembered known = remembered.get(hash);
        if (known != null && known.stillValid(now)) {
            return Optional.ofNullable(known.user());
        }
        Optional<User> user = store.sessionUser(hash, now);
        if (user.isPresent()) {
            if (remembered.size() >= REMEMBERED_SESSIONS) {
                remembered.clear();
            }
            Remembered valid = new Remembered(user.get(), now, System.nanoTime());
            // A sign-out that landed while the master was being asked wins over what the master said before it.
            Remembered kept = remembered.compute(hash, (key, before) -> before != null && before.user() == null
                    && before.stillValid(now) ? before : valid);
            return Optional.ofNullable(kept.user());
        }
        remembered.remove(hash);
        return user;
    }

    public void signOut(String token) {
        String hash = hash(token);
        store.revokeSession(hash);
        remembered.put(hash, new Remembered(null, clock.instant(), System.nanoTime()));
    }

    /**
     * A session the master found valid (or, with no user, one signed out here), taken as such again for {@link #REMEMBER} (by the clock and by real time,
     * whichever runs out first) without asking the master: every request of every desk would otherwise read it.
     */
    private record Remembered(User user, Instant checkedAt, long checkedAtNanos) {
        boolean stillValid(Instant now) {
            return !now.isBefore(checkedAt) && now.isBefore(checkedAt.plus(REMEMBER))
                    && System.nanoTime() - checkedAtNanos < REMEMBER.toNanos();
        }
    }

    public User addUser(String username, String displayName, UserRole role, char[] password) {
        if (username == null || !username.strip().matches("[A-Za-z0-9._@-]{2,64}")) {
            throw new IllegalArgumentException("username: use 2 to 64 letters, digits or . _ @ -");
        }
        if (password.length < 8) {
            throw new IllegalArgumentException("password: must be at least 8 characters");
        }
        return store.addUser(username.strip(), displayName == null || displayName.isBlank() ? username.strip()
                : displayName.strip(), role, null, Passwords.hash(password), clock.instant());
    }

    private static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
