-- Schema version 2: the indexes the queries and reports use, and triggers that keep stored records append-only.

-- Covering (the expression's columns included, or SQLite goes back to the table): the transparency report reads every
-- column it groups and counts from this index alone, and the DSA report from the next one.
CREATE INDEX dp_request_reported
    ON dp_request (cadence, coalesce(first_disclosed_at, decided_at), country, instrument, outcome, permitted, first_disclosed_at, decided_at);
CREATE INDEX dp_disclosed_account_reported ON dp_disclosed_account (cadence, report_at, country, account);
CREATE INDEX dp_deny_reason_reported ON dp_deny_reason (cadence, report_at, country, code);
CREATE INDEX dp_request_received
    ON dp_request (eu_member, received_at, country, permitted, outcome, acknowledged_at, first_disclosed_at, closed_at);
CREATE INDEX dp_request_country ON dp_request (country, received_on);
CREATE INDEX dp_request_version ON dp_request (version_id);

CREATE TRIGGER dp_event_no_update BEFORE UPDATE ON dp_event
BEGIN SELECT RAISE(ABORT, 'dp_event is append-only: a stored event is never changed'); END;

CREATE TRIGGER dp_event_no_delete BEFORE DELETE ON dp_event
BEGIN SELECT RAISE(ABORT, 'dp_event is append-only: a stored event is never removed'); END;

CREATE TRIGGER dp_request_no_delete BEFORE DELETE ON dp_request
BEGIN SELECT RAISE(ABORT, 'dp_request is append-only: a stored request is never removed'); END;

CREATE TRIGGER dp_request_facts_fixed
BEFORE UPDATE OF request_id, country, received_on, received_at, decided_at, version_id, cadence, outcome, permitted, instrument, eu_member ON dp_request
BEGIN SELECT RAISE(ABORT, 'dp_request: the facts of a recorded decision are never changed'); END;
