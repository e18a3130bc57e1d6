-- Schema version 3: what the reports group and count, kept in the request's own row, so that each report reads one
-- narrow covering index and joins nothing: the instant it is reported under (its first disclosure, or its decision), its
-- offence categories as bits (bit n for category n), and its deny reason codes as bits (the bit of each code in
-- dp_reason_code). The rows per offence they replace are read into the new columns, then dropped; dp_deny_reason keeps
-- only the codes past the 63rd, which have no bit.

CREATE TABLE dp_reason_code (
    bit  integer PRIMARY KEY CHECK (bit BETWEEN 0 AND 62),
    code text    NOT NULL UNIQUE
);

INSERT INTO dp_reason_code (bit, code)
SELECT n - 1, code FROM (SELECT code, ROW_NUMBER() OVER (ORDER BY code COLLATE "C") AS n FROM (SELECT DISTINCT code FROM dp_deny_reason) c) n WHERE n <= 63;

ALTER TABLE dp_request
    ADD COLUMN report_at timestamptz NULL,
    ADD COLUMN offences bigint NOT NULL DEFAULT 0,
    ADD COLUMN deny_reasons bigint NOT NULL DEFAULT 0;

UPDATE dp_request r SET
    report_at = coalesce(r.first_disclosed_at, r.decided_at),
    offences = coalesce((SELECT bit_or(1::bigint << o.offence) FROM dp_offence o WHERE o.request_seq = r.seq), 0),
    deny_reasons = coalesce((SELECT bit_or(1::bigint << c.bit) FROM dp_deny_reason d JOIN dp_reason_code c ON c.code = d.code WHERE d.request_seq = r.seq), 0);

ALTER TABLE dp_request ALTER COLUMN report_at SET NOT NULL;

DELETE FROM dp_deny_reason WHERE code IN (SELECT code FROM dp_reason_code);
DROP TABLE dp_offence;

-- The facts of a decision, the new ones included, are never changed; report_at moves with an earlier first disclosure.
DROP TRIGGER dp_request_facts_fixed ON dp_request;
CREATE TRIGGER dp_request_facts_fixed
    BEFORE UPDATE OF request_id, country, received_on, received_at, decided_at, version_id, cadence, outcome, permitted, instrument, eu_member,
        offences, deny_reasons ON dp_request
    FOR EACH ROW EXECUTE FUNCTION dp_refuse_change('dp_request: the facts of a recorded decision are never changed');
CREATE TRIGGER dp_reason_code_fixed BEFORE UPDATE OR DELETE ON dp_reason_code
    FOR EACH ROW EXECUTE FUNCTION dp_refuse_change('dp_reason_code: a code keeps its bit');

-- Covering: every column the transparency report groups and counts, after the two it ranges over.
DROP INDEX dp_request_reported;
CREATE INDEX dp_request_reported ON dp_request (cadence, report_at)
    INCLUDE (country, instrument, outcome, permitted, first_disclosed_at, deny_reasons);

-- Covering: every column the DSA report groups, counts and takes medians of.
DROP INDEX dp_request_received;
CREATE INDEX dp_request_received ON dp_request (eu_member, received_at)
    INCLUDE (country, offences, permitted, outcome, acknowledged_at, first_disclosed_at, closed_at);
