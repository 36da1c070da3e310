package com.ringside.desktop.supervision;

import com.ringside.sync.MasterClient;
import com.ringside.sync.MasterRefusedException;
import com.ringside.sync.MasterUnreachableException;
import com.ringside.wire.WireRecords.AuditEntryJson;
import com.ringside.wire.WireRecords.ContactRateJson;
import com.ringside.wire.WireRecords.FlaggedCallJson;
import com.ringside.wire.WireRecords.RepeatCallsJson;
import com.ringside.wire.WireRecords.RuleOutcomeJson;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** The supervisor's console at the master: each call goes there, and a refusal comes back in the master's words. */
public final class SupervisionService {
    static final int LIST_LIMIT = 500;
    private final MasterClient client;

    public SupervisionService(MasterClient client) {
        this.client = client;
    }

    /** {@code filters}: kind, acknowledged, from, to, line, text, as the master takes them. */
    public List<FlaggedCallJson> flaggedCalls(Map<String, String> filters) {
        return call(() -> client.flaggedCalls(filters));
    }

    public void acknowledge(String eventId, String comment) {
        call(() -> {
            client.acknowledge(eventId, comment);
            return null;
        });
    }

    public List<AuditEntryJson> audit(String text) {
        return call(() -> client.audit(text, LIST_LIMIT));
    }

    public RepeatCallsJson repeatCalls(ReportPeriod period) {
        return call(() -> client.repeatCalls(period.query()));
    }

    public List<RuleOutcomeJson> ruleOutcomes(ReportPeriod period) {
        return call(() -> client.ruleOutcomes(period.query()));
    }

    public List<ContactRateJson> contactRates(ReportPeriod period) {
        return call(() -> client.contactRates(period.query()));
    }

    private static <T> T call(Supplier<T> request) {
        try {
            return request.get();
        } catch (MasterRefusedException | MasterUnreachableException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
