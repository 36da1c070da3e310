package com.ringside.domain;

public enum Channel { CALL, EMAIL, SMS, LETTER, VISIT, WEB }
