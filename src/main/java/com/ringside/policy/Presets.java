package com.ringside.policy;

import com.ringside.domain.AttemptCap;
import com.ringside.domain.CallingHours;
import com.ringside.domain.ContactRule;
import com.ringside.domain.ContactWindow;
import com.ringside.domain.CoolDown;
import com.ringside.domain.CountAcross;
import com.ringside.domain.CountPer;
import com.ringside.domain.Ids;
import com.ringside.domain.LineOfBusiness;
import com.ringside.domain.Outcome;
import com.ringside.domain.RuleScope;
import com.ringside.domain.TimeRange;
import com.ringside.domain.UserRole;
import com.ringside.domain.Verdict;
import java.time.DayOfWeek;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** The rules regulations and the company ask for, each expressed exactly. */
public final class Presets {
    /** A telephone conversation: the person was reached, whatever they said. */
    static final Set<Outcome> CONVERSATIONS = Set.of(Outcome.CONVERSATION, Outcome.REFUSED, Outcome.SALE);

    private Presets() {
    }

    public static List<Preset> all() {
        return List.of(
                new Preset("REG_F_7_IN_7", "US Reg F 7-in-7", "12 CFR 1006.14(b)(2): a debt collector is presumed to "
                        + "call too often if it places calls more than seven times within seven consecutive days, or "
                        + "within a period of seven consecutive days after having had a telephone conversation with the "
                        + "person, the date of the conversation being the first day of the seven-day period.",
                        Presets::regF),
                new Preset("TCPA_HOURS", "US TCPA calling hours", "47 CFR 64.1200(c)(1): no telephone solicitation "
                        + "before 8 a.m. or after 9 p.m. local time at the called party's location.", Presets::tcpaHours),
                new Preset("FLORIDA", "Florida telemarketing", "Fla. Stat. 501.616(6): no calls before 8 a.m. or after "
                        + "8 p.m. local time; and no more than 3 calls from any number to a person over a 24-hour "
                        + "period on the same subject matter.", Presets::florida),
                new Preset("FRANCE", "France démarchage téléphonique", "Décret 2022-1313: calls only Monday to Friday "
                        + "10:00–13:00 and 14:00–20:00, never on public holidays; at most 4 calls in 30 calendar days; "
                        + "after a refusal, no new call for 60 days.", Presets::france),
                new Preset("CANADA_CRTC", "Canada CRTC telemarketing hours", "CRTC Unsolicited Telecommunications "
                        + "Rules, Part III, 11: calls only 9:00–21:30 on weekdays and 10:00–18:00 on weekends.",
                        Presets::canada),
                new Preset("UK_OFCOM_ABANDONED", "UK Ofcom abandoned calls", "Ofcom persistent misuse policy: after an "
                        + "abandoned call, no repeat call to that number within 72 hours unless a live operator is "
                        + "guaranteed.", Presets::ukAbandoned),
                new Preset("COMPANY_DEFAULT", "Company default: 3 calls in 7 days", "Company policy: at most 3 "
                        + "outbound calls per customer in any 7 days, counted across every line of business.",
                        Presets::companyDefault));
    }

    /** What a new master starts with: the company default and the regulators' rules most desks need. */
    public static List<ContactRule> starterSet() {
        return List.of(companyDefault(Ids.newId()), tcpaHours(Ids.newId()),
                regF(Ids.newId()), canada(Ids.newId()),
                france(Ids.newId()), ukAbandoned(Ids.newId()));
    }

    public static ContactRule regF(UUID id) {
        return new ContactRule(id, 1, "Reg F 7-in-7", true, Verdict.BLOCK, UserRole.SUPERVISOR,
                new RuleScope(Set.of(LineOfBusiness.COLLECTIONS), Set.of(), Set.of("US")),
                new AttemptCap(7, ContactWindow.days(7), CountPer.CUSTOMER, CountAcross.SAME_LINE_OF_BUSINESS, Set.of()),
                List.of(new CoolDown(CONVERSATIONS, ContactWindow.days(7), true)), null, null, false, null);
    }

    public static ContactRule tcpaHours(UUID id) {
        return hoursRule(id, "TCPA calling hours", RuleScope.countries("US"), everyDay("08:00-21:00"));
    }

    public static ContactRule florida(UUID id) {
        return new ContactRule(id, 1, "Florida 3 per 24 h, 8:00-20:00", true, Verdict.BLOCK, null, RuleScope.countries("US"),
                new AttemptCap(3, ContactWindow.rolling(Duration.ofHours(24)), CountPer.CUSTOMER, CountAcross.SAME_CAMPAIGN,
                        Set.of()),
                List.of(), new CallingHours(everyDay("08:00-20:00")), null, false, null);
    }

    public static ContactRule france(UUID id) {
        Map<DayOfWeek, List<TimeRange>> hours = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                DayOfWeek.FRIDAY)) {
            hours.put(day, List.of(TimeRange.parse("10:00-13:00"), TimeRange.parse("14:00-20:00")));
        }
        return new ContactRule(id, 1, "France démarchage", true, Verdict.BLOCK, null, RuleScope.countries("FR"),
                new AttemptCap(4, ContactWindow.days(30), CountPer.CUSTOMER, CountAcross.ALL, Set.of()),
                List.of(new CoolDown(Set.of(Outcome.REFUSED), ContactWindow.days(60), true)),
                new CallingHours(hours), "FR", false, null);
    }

    public static ContactRule canada(UUID id) {
        Map<DayOfWeek, List<TimeRange>> hours = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            boolean weekend = day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY;
            hours.put(day, List.of(TimeRange.parse(weekend ? "10:00-18:00" : "09:00-21:30")));
        }
        return hoursRule(id, "Canada CRTC hours", RuleScope.countries("CA"), hours);
    }

    public static ContactRule ukAbandoned(UUID id) {
        return new ContactRule(id, 1, "Ofcom 72 h after an abandoned call", true, Verdict.BLOCK, UserRole.SUPERVISOR,
                RuleScope.countries("GB"), null,
                List.of(new CoolDown(Set.of(Outcome.ABANDONED), ContactWindow.rolling(Duration.ofHours(72)), false)),
                null, null, false, null);
    }

    public static ContactRule companyDefault(UUID id) {
        return new ContactRule(id, 1, "Company: 3 calls in 7 days", true, Verdict.BLOCK, UserRole.SUPERVISOR,
                RuleScope.EVERY_CALL,
                new AttemptCap(3, ContactWindow.rolling(Duration.ofDays(7)), CountPer.CUSTOMER, CountAcross.ALL, Set.of()),
                List.of(), null, null, true, null);
    }

    private static ContactRule hoursRule(UUID id, String name, RuleScope scope, Map<DayOfWeek, List<TimeRange>> hours) {
        return new ContactRule(id, 1, name, true, Verdict.BLOCK, null, scope, null, List.of(), new CallingHours(hours), null,
                false, null);
    }

    private static Map<DayOfWeek, List<TimeRange>> everyDay(String range) {
        Map<DayOfWeek, List<TimeRange>> hours = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            hours.put(day, List.of(TimeRange.parse(range)));
        }
        return hours;
    }
}
