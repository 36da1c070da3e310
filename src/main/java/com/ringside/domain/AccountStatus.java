package com.ringside.domain;

public enum AccountStatus { ACTIVE, PROSPECT, LAPSED, CLOSED }
