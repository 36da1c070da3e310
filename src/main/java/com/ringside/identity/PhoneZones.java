package com.ringside.identity;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberToTimeZonesMapper;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.ringside.domain.PhoneNumber;
import com.ringside.policy.ZoneCandidates;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The zones a number may ring in, from libphonenumber's prefix tables (a +1 415 number: America/Los_Angeles).
 * Answers are remembered per number: parsing costs more than the rest of a decision.
 */
public final class PhoneZones implements ZoneCandidates {
    private static final int REMEMBERED = 100_000;
    private final Map<PhoneNumber, List<ZoneId>> zones = new ConcurrentHashMap<>();
    private final Map<PhoneNumber, String> countries = new ConcurrentHashMap<>();

    @Override
    public List<ZoneId> zonesFor(PhoneNumber number) {
        if (zones.size() > REMEMBERED) {
            zones.clear();
        }
        return zones.computeIfAbsent(number, PhoneZones::lookUpZones);
    }

    @Override
    public String countryOf(PhoneNumber number) {
        if (countries.size() > REMEMBERED) {
            countries.clear();
        }
        return countries.computeIfAbsent(number, PhoneNormalizer::regionOf);
    }

    private static List<ZoneId> lookUpZones(PhoneNumber number) {
        List<ZoneId> zones = new ArrayList<>();
        try {
            for (String id : PhoneNumberToTimeZonesMapper.getInstance()
                    .getTimeZonesForNumber(PhoneNumberUtil.getInstance().parse(number.e164(), "ZZ"))) {
                try {
                    zones.add(ZoneId.of(id));
                } catch (DateTimeException unknownZone) {
                    // "Etc/Unknown" and the like: no zone to evaluate in.
                }
            }
        } catch (NumberParseException unparsable) {
            return List.of();
        }
        return List.copyOf(zones);
    }
}
