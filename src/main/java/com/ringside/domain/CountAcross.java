package com.ringside.domain;

/** Which earlier calls an attempt cap counts: from every line of business, the same line, or the same campaign. */
public enum CountAcross { ALL, SAME_LINE_OF_BUSINESS, SAME_CAMPAIGN }
