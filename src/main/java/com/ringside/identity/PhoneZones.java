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

/** The zones a number may ring in, from libphonenumber's prefix tables (a +1 415 number: America/Los_Angeles). */
public final class PhoneZones implements ZoneCandidates {
    @Override
    public List<ZoneId> zonesFor(PhoneNumber number) {
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
        return zones;
    }

    @Override
    public String countryOf(PhoneNumber number) {
        return PhoneNormalizer.regionOf(number);
    }
}
