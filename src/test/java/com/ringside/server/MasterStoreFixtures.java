package com.ringside.server;

import com.ringside.domain.ContactRule;

/** Rules and data that tests outside this package set up masters with. */
public final class MasterStoreFixtures {
    private MasterStoreFixtures() {
    }

    public static ContactRule threePerWeek() {
        return MasterStoreTest.threePerWeek();
    }
}
