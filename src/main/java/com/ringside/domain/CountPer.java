package com.ringside.domain;

/** Whether an attempt cap counts calls to the customer on any number, or to the dialled number only. */
public enum CountPer { CUSTOMER, NUMBER }
