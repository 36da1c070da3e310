package com.ringside.domain;

import java.time.LocalDate;

/** What a customer holds with one line of business, keyed as its source system knows it. */
public record Account(LineOfBusiness lineOfBusiness, SourceSystem sourceSystem, String sourceKey,
                      String product, AccountStatus status, LocalDate openedOn) {
    public Account {
        Checks.required("account.lineOfBusiness", lineOfBusiness);
        Checks.required("account.sourceSystem", sourceSystem);
        sourceKey = Checks.requiredText("account.sourceKey", sourceKey);
        product = Checks.optionalText(product);
        status = status == null ? AccountStatus.ACTIVE : status;
    }
}
