package com.ringside.identity;

import com.google.i18n.phonenumbers.PhoneNumberToTimeZonesMapper;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
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
    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    private final Map<String, String> countries = new ConcurrentHashMap<>();

    @Override
    public List<ZoneId> zonesFor(PhoneNumber number) {
        if (zones.size() > REMEMBERED) {
            zones.clear();
        }
        return zones.computeIfAbsent(number, PhoneZones::lookUpZones);
    }

    /**
     * Remembered per calling code where only one country uses it, and per area code in the North American plan
     * (an area code belongs to one country or territory); elsewhere per number, since Guernsey shares +44 with
     * Britain by longer prefixes. Only known answers are shared: an invalid number does not decide for its neighbours.
     */
    @Override
    public String countryOf(PhoneNumber number) {
        String key = countryKey(number);
        String known = countries.get(key);
        if (known != null) {
            return known;
        }
        String region = PhoneNormalizer.regionOf(number);
        if (!"ZZ".equals(region)) {
            if (countries.size() > REMEMBERED) {
                countries.clear();
            }
            countries.put(key, region);
        }
        return region;
    }

    private static String countryKey(PhoneNumber number) {
        String e164 = number.e164();
        if (e164.startsWith("+1")) {
            return e164.substring(0, Math.min(5, e164.length()));
        }
        Phonenumber.PhoneNumber parts = PhoneNormalizer.parts(number);
        if (parts == null) {
            return e164;
        }
        int code = parts.getCountryCode();
        return UTIL.getRegionCodesForCountryCode(code).size() == 1 ? "+" + code : e164;
    }

    private static List<ZoneId> lookUpZones(PhoneNumber number) {
        Phonenumber.PhoneNumber parts = PhoneNormalizer.parts(number);
        if (parts == null) {
            return List.of();
        }
        List<ZoneId> zones = new ArrayList<>();
        for (String id : PhoneNumberToTimeZonesMapper.getInstance().getTimeZonesForNumber(parts)) {
            try {
                zones.add(ZoneId.of(id));
            } catch (DateTimeException unknownZone) {
                // "Etc/Unknown" and the like: no zone to evaluate in.
            }
        }
        return List.copyOf(zones);
    }
}
