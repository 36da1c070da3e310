package com.ringside.demo;

import com.ringside.domain.LineOfBusiness;
import com.ringside.domain.SourceSystem;
import java.util.List;

/** A demo line of business: its source system, key format, products and campaigns. */
enum DemoLine {
    INSURANCE(LineOfBusiness.INSURANCE, "POLICY_ADMIN", "P-", 100_000,
            List.of("Home", "Auto", "Life", "Travel", "Pet"), List.of("renewals", "claims-follow-up", "cross-sell")),
    FINANCING(LineOfBusiness.FINANCING, "LOAN_SERVICING", "L-", 500_000,
            List.of("Auto loan", "Personal loan", "Equipment lease"), List.of("renewals", "payment-reminder", "top-up")),
    ORDERS(LineOfBusiness.ORDERS, "ORDER_DESK", "O-", 2_000_000,
            List.of("Online order", "Phone order", "Subscription"), List.of("delivery", "satisfaction", "win-back")),
    MARKETING(LineOfBusiness.MARKETING, "CAMPAIGN_HUB", "M-", 7_000_000,
            List.of("Newsletter", "Catalogue request", "Event sign-up"), List.of("spring-offer", "loyalty", "survey"));

    final LineOfBusiness line;
    final SourceSystem system;
    final String keyPrefix;
    final int keyBase;
    final List<String> products;
    final List<String> campaigns;

    DemoLine(LineOfBusiness line, String system, String keyPrefix, int keyBase, List<String> products,
             List<String> campaigns) {
        this.line = line;
        this.system = SourceSystem.of(system);
        this.keyPrefix = keyPrefix;
        this.keyBase = keyBase;
        this.products = products;
        this.campaigns = campaigns;
    }

    String key(int customerIndex) {
        return keyPrefix + (keyBase + customerIndex);
    }
}
