package com.ringside.domain;

/** How a contact ended. PENDING is a call placed whose wrap-up is not done yet. */
public enum Outcome {
    PENDING, NO_ANSWER, BUSY, VOICEMAIL, ABANDONED, CONVERSATION, REFUSED, WRONG_NUMBER, SALE;

    /** True when a person was reached and spoke with the agent. */
    public boolean isConversation() {
        return this == CONVERSATION || this == REFUSED || this == SALE;
    }

    /** True when somebody answered in person, the right party or not. */
    public boolean isContact() {
        return isConversation() || this == WRONG_NUMBER;
    }
}
