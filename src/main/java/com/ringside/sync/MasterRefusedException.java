package com.ringside.sync;

/** The master answered, and refused: {@code detail} is its explanation, meant for the person at the desk. */
public final class MasterRefusedException extends RuntimeException {
    private final int status;
    private final String type;

    public MasterRefusedException(int status, String type, String detail) {
        super(detail);
        this.status = status;
        this.type = type;
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public boolean sessionEnded() {
        return status == 401;
    }
}
