package com.ringside.identity;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber;
import java.util.ArrayList;
import java.util.List;

/** The numbering tables' example number of every type in every region, in E.164: well over a thousand. */
final class ExampleNumbers {
    private ExampleNumbers() {
    }

    static List<String> all() {
        PhoneNumberUtil util = PhoneNumberUtil.getInstance();
        List<String> numbers = new ArrayList<>();
        for (String region : util.getSupportedRegions()) {
            for (PhoneNumberType type : PhoneNumberType.values()) {
                Phonenumber.PhoneNumber example = util.getExampleNumberForType(region, type);
                if (example != null) {
                    String e164 = util.format(example, PhoneNumberFormat.E164);
                    if (e164.matches("\\+[1-9][0-9]{6,14}")) {
                        numbers.add(e164);
                    }
                }
            }
        }
        return numbers;
    }
}
