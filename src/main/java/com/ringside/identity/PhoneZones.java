package com.ringside.identity;

import com.google.i18n.phonenumbers.PhoneNumberToTimeZonesMapper;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import com.ringside.domain.PhoneNumber;
import com.ringside.domain.TimeZones;
import com.ringside.policy.ZoneCandidates;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The zones a number may ring in, from libphonenumber's prefix tables (a +1 415 number: America/Los_Angeles).
 * Answers are remembered per number: parsing costs more than the rest of a decision.
 */
public final class PhoneZones implements ZoneCandidates {
    private static final int REMEMBERED = 100_000;
    private final Map<PhoneNumber, List<ZoneId>> zones = new ConcurrentHashMap<>();
    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    private static final PhoneNumberToTimeZonesMapper MAPPER = PhoneNumberToTimeZonesMapper.getInstance();
    /** Zones by the tables' names; empty for a name that is none. */
    private static final Map<String, Optional<ZoneId>> ZONES = new ConcurrentHashMap<>();
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
        return zones(MAPPER.getTimeZonesForNumber(parts));
    }

    /** The zones of a valid number whose type is known, as {@link #zonesFor} gives them. */
    static List<ZoneId> zonesOf(Phonenumber.PhoneNumber number, PhoneNumberUtil.PhoneNumberType type) {
        // What the mapper does for a number of any type, less working the type out again.
        return zones(UTIL.isNumberGeographical(type, number.getCountryCode())
                ? MAPPER.getTimeZonesForGeographicalNumber(number) : MAPPER.getTimeZonesForNumber(number));
    }

    private static List<ZoneId> zones(List<String> ids) {
        List<ZoneId> zones = new ArrayList<>(ids.size());
        for (String id : ids) {
            ZONES.computeIfAbsent(id, PhoneZones::zone).ifPresent(zones::add);
        }
        return List.copyOf(zones);
    }

    private static Optional<ZoneId> zone(String id) {
        try {
            return Optional.of(TimeZones.named(id));
        } catch (DateTimeException unknownZone) {
            return Optional.empty(); // "Etc/Unknown" and the like: no zone to evaluate in.
        }
    }
}
