package com.ringside.domain;

import java.util.Set;

/** Which calls a rule governs; an empty set means every line of business or every campaign. */
public record RuleScope(Set<LineOfBusiness> linesOfBusiness, Set<String> campaigns) {
    public static final RuleScope EVERY_CALL = new RuleScope(Set.of(), Set.of());

    public RuleScope {
        linesOfBusiness = linesOfBusiness == null ? Set.of() : Set.copyOf(linesOfBusiness);
        campaigns = campaigns == null ? Set.of() : Set.copyOf(campaigns);
    }

    public boolean covers(LineOfBusiness line, String campaign) {
        return (linesOfBusiness.isEmpty() || linesOfBusiness.contains(line))
                && (campaigns.isEmpty() || campaigns.contains(campaign));
    }
}
