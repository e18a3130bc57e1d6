-- DisclosurePolicy records, schema version 1: one row per request with the narrow columns reports group and count,
-- its events as their JSON (the decided event holds the whole decision record), and the per-request facts reports join.
-- Instants are microseconds since 1970-01-01T00:00:00Z; dates are ISO yyyy-MM-dd text (which sorts as dates do).

CREATE TABLE dp_request (
    seq                INTEGER PRIMARY KEY,             -- the order decisions were first recorded
    request_id         TEXT    NOT NULL UNIQUE,         -- one decision per request, whatever the writers do
    country            TEXT    NOT NULL,
    received_on        TEXT    NOT NULL,
    received_at        INTEGER NOT NULL,
    decided_at         INTEGER NOT NULL,
    version_id         TEXT    NULL,
    cadence            INTEGER NOT NULL,
    outcome            INTEGER NOT NULL,
    permitted          INTEGER NOT NULL CHECK (permitted IN (0, 1)),
    instrument         INTEGER NOT NULL,
    eu_member          INTEGER NOT NULL CHECK (eu_member IN (0, 1)),
    -- What the events appended so far say, kept with them in the same transaction (the events stay the record).
    event_count        INTEGER NOT NULL CHECK (event_count >= 1),
    acknowledged_at    INTEGER NULL,
    first_disclosed_at INTEGER NULL,
    closed_at          INTEGER NULL
);

CREATE TABLE dp_event (
    request_seq INTEGER NOT NULL REFERENCES dp_request (seq),
    event_no    INTEGER NOT NULL CHECK (event_no >= 1),
    kind        INTEGER NOT NULL,
    at          INTEGER NOT NULL,
    body        TEXT    NOT NULL,
    PRIMARY KEY (request_seq, event_no),
    CHECK ((event_no = 1) = (kind = 1))                 -- the decision comes first, and only once
) WITHOUT ROWID;

-- The two tables below repeat the request's country, cadence and report instant (its first disclosure, or its decision),
-- so the report counts affected users and deny reasons from one index without going back to dp_request.
CREATE TABLE dp_disclosed_account (
    request_seq INTEGER NOT NULL REFERENCES dp_request (seq),
    account     TEXT    NOT NULL,
    country     TEXT    NOT NULL,
    cadence     INTEGER NOT NULL,
    report_at   INTEGER NOT NULL,
    PRIMARY KEY (request_seq, account)
) WITHOUT ROWID;

CREATE TABLE dp_deny_reason (
    request_seq INTEGER NOT NULL REFERENCES dp_request (seq),
    code        TEXT    NOT NULL,
    country     TEXT    NOT NULL,
    cadence     INTEGER NOT NULL,
    report_at   INTEGER NOT NULL,
    PRIMARY KEY (request_seq, code)
) WITHOUT ROWID;

CREATE TABLE dp_offence (
    request_seq INTEGER NOT NULL REFERENCES dp_request (seq),
    offence     INTEGER NOT NULL,
    PRIMARY KEY (request_seq, offence)
) WITHOUT ROWID;
