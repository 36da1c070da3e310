package com.ringside.domain;

/** What a decision says about a call, from mildest to strictest. */
public enum Verdict {
    ALLOW, WARN, BLOCK;

    public Verdict strictest(Verdict other) {
        return compareTo(other) >= 0 ? this : other;
    }
}
