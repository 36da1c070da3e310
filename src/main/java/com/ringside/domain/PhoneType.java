package com.ringside.domain;

public enum PhoneType { MOBILE, HOME, WORK, OTHER }
