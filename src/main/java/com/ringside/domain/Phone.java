package com.ringside.domain;

/** A number a customer can be reached on; a number may be shared by a household. */
public record Phone(PhoneNumber number, PhoneType type, boolean optedOut) {
    public Phone {
        Checks.required("phone.number", number);
        type = type == null ? PhoneType.OTHER : type;
    }
}
