package com.ringside.domain;

import java.util.UUID;

/** A decision to call despite a rule, by a user allowed to, with the reason they wrote. */
public record CallOverride(UUID by, String reason) {
    public CallOverride {
        Checks.required("override.by", by);
        reason = Checks.requiredText("override.reason", reason);
    }
}
