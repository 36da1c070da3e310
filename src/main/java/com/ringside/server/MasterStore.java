package com.ringside.server;

import com.ringside.domain.ContactEvent;
import com.ringside.domain.ContactRule;
import com.ringside.domain.Customer;
import com.ringside.domain.DialDecision;
import com.ringside.domain.DialRequest;
import com.ringside.domain.PhoneNumber;
import com.ringside.domain.UserRole;
import com.ringside.ingest.CustomerDirectory;
import java.io.IOException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The system of record: customers, contact events, rules, users and the change feed the desks sync from. The
 * same contract holds on every back end (an embedded SQLite file, or PostgreSQL shared by several servers).
 */
public interface MasterStore extends AutoCloseable {
    /** Names this master; a cursor is only meaningful for the master that issued it. */
    UUID masterId();

    long latestSeq();

    /**
     * Streams up to {@code limit} changes after cursor {@code after} (0: from the beginning) to {@code sink}.
     * A change that commits late is never skipped: it is offered only once nothing before it can still appear.
     *
     * @throws UnknownCursorException when this master never issued {@code after}
     */
    FeedPage changes(long after, int limit, ChangeSink sink) throws IOException;

    Optional<Customer> customer(UUID id);

    /** Everyone who has this number (a household shares one). */
    List<Customer> customersByPhone(PhoneNumber number);

    /** Creates the customer, or stores the next version of it; returns it as stored. */
    Customer saveCustomer(Customer customer, Instant now);

    /** The master as an import by {@code actor} (null: the command line) finds and writes customers. */
    CustomerDirectory directory(UUID actor);

    default CustomerDirectory directory() {
        return directory(null);
    }

    /** Audit entries whose action, subject or detail contains {@code text}, newest first. */
    List<AuditEntry> audit(String text, int limit);

    /** Walks the audit chain and says where, if anywhere, it was tampered with. */
    AuditCheck verifyAudit();

    /** Per source system: customers, without a phone, possible duplicates, not updated since {@code staleBefore}, last import. */
    List<SourceQuality> dataQuality(Instant staleBefore);

    /** Suggested duplicates not yet decided, oldest first. */
    List<MergeSuggestion> mergeSuggestions(int limit);

    /**
     * Joins {@code mergedId} into {@code survivorId}: the survivor takes the other's phones, e-mails, accounts and
     * events; the other stays as a pointer. Refused (IllegalArgumentException) for an unknown or already merged
     * customer, or a customer merged into itself.
     */
    CustomerMerge merge(UUID survivorId, UUID mergedId, UUID by, Instant now);

    /** Accepts a suggestion: the suggested new customer is merged into the candidate. */
    CustomerMerge acceptSuggestion(UUID suggestionId, UUID by, Instant now);

    void rejectSuggestion(UUID suggestionId, UUID by, Instant now);

    /** Undoes a merge: both customers as they were before it, each event back with its customer. */
    void unmerge(UUID mergeId, UUID by, Instant now);

    /** Loads customers and their history in bulk (a call centre's own history, test data); events are not checked. */
    void load(Collection<Customer> customers, Collection<ContactEvent> events, Instant now);

    /**
     * Stores contact events pushed by a desk, each id at most once. An event decided offline is checked against
     * the rules as they stood when it happened; a breach is recorded as a violation.
     */
    List<PushResult> push(List<ContactEvent> events, Instant now);

    /** The customer's timeline at the master, oldest first. */
    List<ContactEvent> events(UUID customerId);

    /** A dry run: what the master would answer, recording nothing. */
    DialDecision decide(DialRequest request);

    /**
     * Decides and, when the call may go ahead, records it as a PENDING attempt with id {@code eventId}, in one
     * transaction per customer: two desks can never both take the last allowed attempt. The decision is taken at
     * the moment the customer is locked (or at {@code request.at}, if later). Asking again with the same event id
     * returns the permit already given.
     */
    Permit permit(DialRequest request, UUID eventId, User user, String overrideReason);

    /**
     * Takes out a permitted call that {@code user}'s desk never dialled, and keeps its id so a permit asked again
     * under it is refused. True when the master held the call; false when it never had it or withdrew it already.
     * Refused for another agent's call, or a call that was placed (completed, or decided offline).
     */
    boolean withdraw(UUID eventId, UUID customerId, User user, String reason, Instant now);

    List<ContactRule> rules();

    Optional<ContactRule> rule(UUID id);

    /** Stores the rule as its next version (version 1 if new) and returns it so. */
    ContactRule saveRule(ContactRule rule, UUID savedBy, Instant now);

    /** Retires a rule; its versions stay readable for decisions that named them. False when there is none. */
    boolean deleteRule(UUID id, UUID deletedBy, Instant now);

    /** Adds a user; {@code passwordHash} "!" makes someone who appears on timelines but cannot sign in. */
    User addUser(String username, String displayName, UserRole role, String team, String passwordHash, Instant now);

    /** As {@link #addUser(String, String, UserRole, String, String, Instant)}, with the id already chosen. */
    User addUser(String username, String displayName, UserRole role, String team, String passwordHash, Instant now,
                 UUID id);

    Optional<StoredUser> userByName(String username);

    void openSession(String tokenHash, UUID userId, Instant now, Instant expiresAt);

    /** The user of a session that is neither expired nor revoked. */
    Optional<User> sessionUser(String tokenHash, Instant now);

    void revokeSession(String tokenHash);

    List<Violation> violations(Instant since, int limit);

    /** Calls supervisors review (breaches found on push, overrides), newest first. */
    List<FlaggedCall> flaggedCalls(FlaggedCall.Query query);

    /** Signs a flagged call off with a comment, audited; refused if unknown or signed off already. */
    void acknowledge(UUID eventId, UUID by, String comment, Instant now);

    /** The supervisors' reports, read from tallies kept as events are stored. */
    Reports reports();

    @Override
    void close();

    /**
     * Receives one change of the feed; {@code body} is the entity's current wire JSON in UTF-8 (null once deleted),
     * as stored, so a page can be sent without decoding and encoding it again.
     */
    @FunctionalInterface
    interface ChangeSink {
        void accept(long seq, String kind, String op, byte[] body) throws IOException;
    }

    /** What a page of the feed held: the cursor to ask from next, how many changes, and whether more wait. */
    record FeedPage(long last, int count, boolean more) {
    }
}
