package com.ringside.domain;

/** The company's lines of business; each has its own source system and its own callers. */
public enum LineOfBusiness { INSURANCE, FINANCING, ORDERS, MARKETING, COLLECTIONS }
