package com.ringside.server;

import static com.ringside.server.MasterServer.API;

import com.ringside.domain.InvalidValueException;
import com.ringside.domain.LineOfBusiness;
import com.ringside.domain.UserRole;
import com.ringside.server.FlaggedCall.Kind;
import com.ringside.server.Reports.CalledCustomer;
import com.ringside.server.Reports.RepeatCalls;
import com.ringside.wire.WireCodec;
import com.ringside.wire.WireRecords.AcknowledgementJson;
import com.ringside.wire.WireRecords.AuditEntryJson;
import com.ringside.wire.WireRecords.CalledCustomerJson;
import com.ringside.wire.WireRecords.ContactRateJson;
import com.ringside.wire.WireRecords.FlaggedCallJson;
import com.ringside.wire.WireRecords.RepeatCallsJson;
import com.ringside.wire.WireRecords.RuleOutcomeJson;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/** The supervisors' console over HTTP: flagged calls and their sign-off, the audit trail, the reports. */
final class SupervisionApi {
    static final int MAX_LIST = 2_000;
    private final MasterStore store;
    private final Clock clock;

    SupervisionApi(MasterStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    void register(Javalin app) {
        for (String path : new String[] {"/flagged-calls", "/flagged-calls/*", "/audit", "/reports/*"}) {
            app.before(API + path, ctx -> MasterServer.require(ctx, UserRole.SUPERVISOR));
        }
        app.get(API + "/flagged-calls", this::flaggedCalls);
        app.post(API + "/flagged-calls/{id}/acknowledgement", ctx -> {
            AcknowledgementJson body = MasterServer.body(ctx, AcknowledgementJson.class);
            store.acknowledge(MasterServer.pathId(ctx), MasterServer.user(ctx).id(), body.comment(), clock.instant());
            ctx.status(204);
        });
        app.get(API + "/audit", ctx -> ctx.json(store.audit(ctx.queryParam("text"), limit(ctx)).stream()
                .map(e -> new AuditEntryJson(e.seq(), e.at().toString(), e.actor() == null ? null : e.actor().toString(),
                        e.actorName(), e.action(), e.subject(), e.detail())).toList()));
        app.get(API + "/reports/repeat-calls", ctx -> ctx.json(repeatCalls(store.reports().repeatCalls(range(ctx)))));
        app.get(API + "/reports/rule-outcomes", ctx -> ctx.json(store.reports().ruleOutcomes(range(ctx)).stream()
                .map(r -> new RuleOutcomeJson(r.ruleId().toString(), r.ruleName(), r.retired(), r.placed(), r.blocked(),
                        r.overridden(), r.violated())).toList()));
        app.get(API + "/reports/contact-rates", ctx -> ctx.json(store.reports().contactRates(range(ctx)).stream()
                .map(r -> new ContactRateJson(r.line().name(), r.hour(), r.attempts(), r.contacts(), r.rightParty()))
                .toList()));
    }

    private void flaggedCalls(Context ctx) {
        String kind = ctx.queryParam("kind");
        String acknowledged = ctx.queryParam("acknowledged");
        FlaggedCall.Query query = new FlaggedCall.Query(
                kind == null ? null : parse("kind", kind, text -> Kind.valueOf(text.toUpperCase(Locale.ROOT))),
                acknowledged == null ? null : parse("acknowledged", acknowledged, SupervisionApi::bool),
                instant(ctx, "from"), instant(ctx, "to"), line(ctx), ctx.queryParam("text"), limit(ctx));
        ctx.json(store.flaggedCalls(query).stream().map(SupervisionApi::json).toList());
    }

    private static FlaggedCallJson json(FlaggedCall call) {
        FlaggedCall.Acknowledgement ack = call.acknowledgement();
        return new FlaggedCallJson(call.eventId().toString(), call.kind().name(), call.customerId().toString(),
                call.customerName(), call.agentId() == null ? null : call.agentId().toString(), call.agentName(),
                call.lineOfBusiness() == null ? null : call.lineOfBusiness().name(), call.occurredAt().toString(),
                call.detectedAt().toString(), call.rules(), call.reason(), ack == null ? null : ack.byName(),
                ack == null ? null : ack.at().toString(), ack == null ? null : ack.comment());
    }

    private static RepeatCallsJson repeatCalls(RepeatCalls report) {
        Map<String, Long> spread = new LinkedHashMap<>();
        report.customersByCallsInAWeek().forEach((calls, customers) -> spread.put(Long.toString(calls), customers));
        return new RepeatCallsJson(report.customers().stream().map(SupervisionApi::calledCustomer).toList(), spread);
    }

    private static CalledCustomerJson calledCustomer(CalledCustomer c) {
        Map<String, Integer> byLine = new LinkedHashMap<>();
        c.byLine().forEach((line, calls) -> byLine.put(line.name(), calls));
        Map<String, Integer> byDay = new LinkedHashMap<>();
        c.byDay().forEach((day, calls) -> byDay.put(day.toString(), calls));
        return new CalledCustomerJson(c.id().toString(), c.name(), c.mostInAWeek(), c.weekOf().toString(), c.calls(),
                byLine, c.byTeam(), byDay);
    }

    /** The range asked for: from and to (default: the last 28 days), line (default: all), zone (default: UTC). */
    private ReportRange range(Context ctx) {
        Instant to = instant(ctx, "to");
        to = to == null ? clock.instant() : to;
        Instant from = instant(ctx, "from");
        from = from == null ? to.minus(Duration.ofDays(28)) : from;
        String zone = ctx.queryParam("zone");
        ZoneId zoneId = zone == null ? ZoneId.of("UTC") : parse("zone", zone, ZoneId::of);
        LineOfBusiness line = line(ctx);
        try {
            return new ReportRange(from, to, line, zoneId);
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("from", e.getMessage().replaceFirst("^report: ", ""));
        }
    }

    private static LineOfBusiness line(Context ctx) {
        String line = ctx.queryParam("line");
        return line == null || line.isBlank() ? null
                : parse("line", line, text -> LineOfBusiness.valueOf(text.strip().toUpperCase(Locale.ROOT)));
    }

    private static Instant instant(Context ctx, String name) {
        String text = ctx.queryParam(name);
        return text == null || text.isBlank() ? null : WireCodec.instant(name, text.strip());
    }

    private static int limit(Context ctx) {
        long limit = MasterServer.longParam(ctx, "limit", 500);
        if (limit < 1 || limit > MAX_LIST) {
            throw new InvalidValueException("limit", "must be between 1 and " + MAX_LIST);
        }
        return (int) limit;
    }

    private static boolean bool(String text) {
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(text);
        };
    }

    private static <T> T parse(String field, String text, Function<String, T> parser) {
        try {
            return parser.apply(text);
        } catch (IllegalArgumentException | DateTimeException e) {
            throw new InvalidValueException(field, "'" + text + "' is not a valid " + field);
        }
    }
}
