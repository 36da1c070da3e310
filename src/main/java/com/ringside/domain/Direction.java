package com.ringside.domain;

public enum Direction { INBOUND, OUTBOUND }
