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
                               String doNotCallReason, List<AccountJson> accounts, String birthDate, String mergedInto,
                               String createdAt, String updatedAt) {
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
                            Integer durationSeconds, String notes, String sourceSystem, Boolean provisional,
                            String overrideBy, String overrideReason) {
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

    /** POST /sessions. */
    public record LoginJson(String username, String password) {
    }

    /** A signed-in session: the bearer token, who it is for and until when. */
    public record SessionJson(String token, String userId, String username, String displayName, String role,
                              String expiresAt) {
    }

    /** POST /contact-events. */
    public record EventBatchJson(List<EventJson> events) {
    }

    /** The master's answer for one pushed event: ACCEPTED, UPDATED, DUPLICATE or REJECTED. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PushResultJson(String id, String status, String reason, DecisionJson violation) {
    }

    public record PushResultsJson(List<PushResultJson> results) {
    }

    /** POST /dial-permits: a decision request, the id the attempt will have, and an override reason if needed. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PermitRequestJson(String eventId, String customerId, String number, String lineOfBusiness,
                                    String campaign, String overrideReason) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PermitJson(boolean granted, DecisionJson decision, EventJson event) {
    }

    /**
     * POST /dial-permits/{eventId}/withdrawal: a permitted call the desk never dialled, the customer it was for, and
     * why (the master keeps it in the audit trail).
     */
    public record WithdrawalJson(String customerId, String reason) {
        public static final int MAX_REASON = 500;

        /** A reason cut to what the master takes. */
        public static String reasonOf(String text) {
            String reason = text == null || text.isBlank() ? "not dialled" : text.strip();
            return reason.length() <= MAX_REASON ? reason : reason.substring(0, MAX_REASON - 1) + "…";
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ViolationJson(String eventId, String customerId, String agentId, String occurredAt, String detectedAt,
                                DecisionJson decision) {
    }

    /** A possible duplicate for a supervisor: the new record, the customer it may be, how sure, from where. */
    public record MergeSuggestionJson(String id, CustomerJson customer, CustomerJson candidate, double score,
                                      String source, String createdAt) {
    }

    /** A merge done: {@code mergedId} now points at {@code survivorId}; undo it by {@code id}. */
    public record MergeJson(String id, String survivorId, String mergedId, int movedEvents) {
    }

    /** What an import did, as the import report says it; {@code report} is the report's text. */
    public record ImportReportJson(String system, String file, long rowsRead, int created, int matched, int merged,
                                   int suggested, int unchanged, int contacts, List<RejectedRowJson> rejected,
                                   String report) {
    }

    public record RejectedRowJson(long line, String reason) {
    }

    /** One source system's figures in the master; {@code lastImport} is absent when it never came through one. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SourceQualityJson(String system, long customers, long withoutPhone, long possibleDuplicates,
                                    long stale, String lastImport, String lastFile, long lastRows, long lastRejected) {
    }

    public record HealthJson(String status, String masterId, long latestSeq, String store) {
    }

    /** application/problem+json (RFC 9457); {@code field} names the offending field when there is one. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ProblemJson(String type, String title, int status, String detail, String field) {
    }

    /** Someone who appears on timelines: the feed's "agent" kind. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AgentJson(String id, String displayName, String team) {
    }

    /** A call for supervisors to review: an offline breach (VIOLATION) or a call made despite a rule (OVERRIDE). */
    public record FlaggedCallJson(String eventId, String kind, String customerId, String customerName, String agentId,
                                  String agentName, String lineOfBusiness, String occurredAt, String detectedAt,
                                  List<String> rules, String reason, String acknowledgedBy, String acknowledgedAt,
                                  String acknowledgement) {
    }

    /** A supervisor's sign-off on a flagged call. */
    public record AcknowledgementJson(String comment) {
    }

    /** One audit-trail entry; {@code actor} is a user id, null for the command line. */
    public record AuditEntryJson(long seq, String at, String actor, String actorName, String action, String subject,
                                 String detail) {
    }

    /** The repeat-call report: the customers called most within a week, and customers per calls in one week. */
    public record RepeatCallsJson(List<CalledCustomerJson> customers, Map<String, Long> customersByCallsInAWeek) {
    }

    public record CalledCustomerJson(String id, String name, int mostInAWeek, String weekOf, int calls,
                                     Map<String, Integer> byLine, Map<String, Integer> byTeam,
                                     Map<String, Integer> byDay) {
    }

    public record RuleOutcomeJson(String ruleId, String ruleName, boolean retired, long placed, long blocked,
                                  long overridden, long violated) {
    }

    public record ContactRateJson(String lineOfBusiness, int hour, long attempts, long contacts, long rightParty) {
    }
}
