package com.ringside.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/** The JSON shapes of DESIGN §8, field for field; values stay text until {@link WireCodec} checks them. */
public final class WireRecords {
    private WireRecords() {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RuleJson(String id, Long version, String name, Boolean enabled, String severity, String overrideRole,
                           AppliesToJson appliesTo, AttemptCapJson attemptCap, List<CoolDownJson> coolDowns,
                           Map<String, List<String>> callingHours, String holidays, Boolean doNotCall,
                           String requireFreshCache) {
    }

    public record AppliesToJson(List<String> linesOfBusiness, List<String> campaigns, List<String> countries) {
    }

    public record AttemptCapJson(Integer max, String window, Boolean calendarDays, String per, String countAcross,
                                 List<String> countOutcomes) {
    }

    public record CoolDownJson(List<String> afterOutcomes, String period, Boolean calendarDays, Boolean includeInbound) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CustomerJson(String id, Long version, String displayName, String givenName, String familyName,
                               String timeZone, List<PhoneJson> phones, List<String> emails, Boolean doNotCall,
                               String doNotCallReason, List<AccountJson> accounts) {
    }

    public record PhoneJson(String number, String type, Boolean optedOut) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AccountJson(String lineOfBusiness, String sourceSystem, String sourceKey, String product, String status,
                              String openedOn) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record EventJson(String id, String customerId, String occurredAt, String channel, String direction,
                            String lineOfBusiness, String campaign, String agentId, String number, String outcome,
                            Integer durationSeconds, String notes, String sourceSystem, Boolean provisional) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DecisionRequestJson(String customerId, String number, String lineOfBusiness, String campaign,
                                      String agentId, String at) {
    }

    public record DecisionJson(String verdict, String nextAllowedAt, boolean provisional, List<ReasonJson> reasons,
                               String overrideRole, Map<String, Long> ruleVersions) {
    }

    public record ReasonJson(String ruleId, long ruleVersion, String ruleName, String severity, String code,
                             String message, String until) {
    }

    /** What `ringside decide` reads. */
    public record ScenarioJson(List<RuleJson> rules, CustomerJson customer, List<EventJson> history,
                               DecisionRequestJson request, String syncedAt) {
    }
}
