-- Every import, with its figures: when each source system last delivered, and how much of it was refused.
CREATE TABLE import_run (
    id          TEXT   PRIMARY KEY,
    system      TEXT   NOT NULL,
    file        TEXT   NOT NULL,
    rows_read   BIGINT NOT NULL,
    created     INTEGER NOT NULL,
    matched     INTEGER NOT NULL,
    merged      INTEGER NOT NULL,
    suggested   INTEGER NOT NULL,
    rejected    INTEGER NOT NULL,
    imported_at BIGINT NOT NULL
);
CREATE INDEX import_run_by_system ON import_run (system, imported_at);
