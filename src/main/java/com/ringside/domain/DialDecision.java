package com.ringside.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The answer to a {@link DialRequest}: the verdict, every reason, the earliest instant the call would not be
 * blocked ({@code null} when no passage of time helps), whether it was decided from a possibly stale cache,
 * the least role that may override a block (null: nobody), and the rule versions it used.
 */
public record DialDecision(Verdict verdict, Instant nextAllowedAt, boolean provisional, List<DecisionReason> reasons,
                           UserRole overrideRole, Map<UUID, Long> ruleVersions) {
    public DialDecision {
        reasons = List.copyOf(reasons);
        ruleVersions = Map.copyOf(ruleVersions);
    }

    public boolean mayOverride(UserRole role) {
        return verdict == Verdict.BLOCK && overrideRole != null && role.atLeast(overrideRole);
    }
}
