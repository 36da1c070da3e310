package com.ringside.policy;

import com.ringside.domain.Channel;
import com.ringside.domain.ContactEvent;
import com.ringside.domain.ContactRule;
import com.ringside.domain.CoolDown;
import com.ringside.domain.Direction;
import com.ringside.domain.ReasonCode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * No attempt for a period after a call that ended in one of the listed outcomes. Rolling: blocked while
 * {@code t ≤ now < t + D}. Calendar days: the call's local date is day one; blocked through day D, allowed from
 * local midnight of day D + 1. Only calls within the rule's scope start a cool-down.
 */
final class CoolDownCheck {
    private CoolDownCheck() {
    }

    static Optional<Finding> check(ContactRule rule, CoolDown coolDown, Situation situation, Instant at) {
        Finding strictest = null;
        for (ContactEvent event : situation.history()) {
            if (!starts(rule, coolDown, event) || event.occurredAt().isAfter(at)) {
                continue;
            }
            List<ZoneId> zones = coolDown.period().calendarDays() ? situation.zones() : situation.zones().subList(0, 1);
            for (ZoneId zone : zones) {
                Instant until = until(coolDown, event, zone);
                if (at.isBefore(until) && (strictest == null || until.isAfter(strictest.until()))) {
                    strictest = new Finding(rule, ReasonCode.COOL_DOWN, message(coolDown, event, zone), until);
                }
            }
        }
        return Optional.ofNullable(strictest);
    }

    private static boolean starts(ContactRule rule, CoolDown coolDown, ContactEvent event) {
        return event.channel() == Channel.CALL
                && (event.direction() == Direction.OUTBOUND || coolDown.includeInbound())
                && coolDown.afterOutcomes().contains(event.outcome())
                && rule.appliesTo().covers(event.lineOfBusiness(), event.campaign());
    }

    private static Instant until(CoolDown coolDown, ContactEvent event, ZoneId zone) {
        if (!coolDown.period().calendarDays()) {
            return event.occurredAt().plus(coolDown.period().length());
        }
        LocalDate dayOne = Situation.localDate(event.occurredAt(), zone);
        return Situation.startOfDay(dayOne.plusDays(coolDown.period().days()), zone);
    }

    private static String message(CoolDown coolDown, ContactEvent event, ZoneId zone) {
        String what = event.outcome().name().charAt(0) + event.outcome().name().substring(1).toLowerCase(Locale.ROOT)
                .replace('_', ' ');
        String line = " (" + AttemptCapCheck.lineName(event.lineOfBusiness()) + ")";
        if (coolDown.period().calendarDays()) {
            LocalDate lastDay = Situation.localDate(event.occurredAt(), zone).plusDays(coolDown.period().days() - 1L);
            return what + " on " + Words.day(event.occurredAt(), zone) + line + ": no call through " + Words.day(lastDay);
        }
        return what + " at " + Words.dayTime(event.occurredAt(), zone) + line
                + ": no call within " + Words.span(coolDown.period());
    }
}
