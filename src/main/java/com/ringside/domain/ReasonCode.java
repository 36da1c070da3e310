package com.ringside.domain;

public enum ReasonCode { ATTEMPT_CAP, COOL_DOWN, CALLING_HOURS, HOLIDAY, DO_NOT_CALL, OPTED_OUT, STALE_CACHE }
