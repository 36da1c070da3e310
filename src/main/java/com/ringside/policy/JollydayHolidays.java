package com.ringside.policy;

import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.ManagerParameters;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Public holidays from Jollyday's maintained tables, which ship inside the library. */
public final class JollydayHolidays implements HolidayCalendar {
    private final Map<String, HolidayManager> managers = new ConcurrentHashMap<>();
    private final Map<String, Boolean> answers = new ConcurrentHashMap<>();

    @Override
    public boolean isHoliday(String country, LocalDate date) {
        return answers.computeIfAbsent(country + date, key -> managers
                .computeIfAbsent(country, code -> HolidayManager.getInstance(ManagerParameters.create(code)))
                .isHoliday(date));
    }
}
