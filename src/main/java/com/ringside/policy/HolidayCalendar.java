package com.ringside.policy;

import java.time.LocalDate;

/** Public holidays by ISO country code. */
public interface HolidayCalendar {
    boolean isHoliday(String country, LocalDate date);
}
