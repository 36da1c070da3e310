package com.ringside.domain;

import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Which calls a rule governs: lines of business, campaigns, and the countries of the dialled number (ISO codes,
 * so TCPA hours apply to US numbers). An empty set means every value.
 */
public record RuleScope(Set<LineOfBusiness> linesOfBusiness, Set<String> campaigns, Set<String> countries) {
    public static final RuleScope EVERY_CALL = new RuleScope(Set.of(), Set.of(), Set.of());
    private static final Set<String> ISO = Set.of(Locale.getISOCountries());

    public RuleScope {
        linesOfBusiness = linesOfBusiness == null ? Set.of() : Set.copyOf(linesOfBusiness);
        campaigns = campaigns == null ? Set.of() : Set.copyOf(campaigns);
        countries = countries == null ? Set.of()
                : countries.stream().map(c -> c.strip().toUpperCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        for (String country : countries) {
            if (!ISO.contains(country)) {
                throw new InvalidValueException("appliesTo.countries", "'" + country + "' is not an ISO country code");
            }
        }
    }

    public static RuleScope countries(String... codes) {
        return new RuleScope(Set.of(), Set.of(), Set.of(codes));
    }

    public boolean covers(LineOfBusiness line, String campaign) {
        return (linesOfBusiness.isEmpty() || linesOfBusiness.contains(line))
                && (campaigns.isEmpty() || campaigns.contains(campaign));
    }

    /** {@code country} is asked only when the rule names countries: finding a number's country is not free. */
    public boolean covers(LineOfBusiness line, String campaign, Supplier<String> country) {
        return covers(line, campaign) && (countries.isEmpty() || countries.contains(country.get()));
    }
}
