-- Schema version 2: the indexes the queries and reports use, and triggers that keep stored records append-only.

-- Covering: the transparency report can read every column it groups and counts from this index alone.
CREATE INDEX dp_request_reported ON dp_request (cadence, (coalesce(first_disclosed_at, decided_at)))
    INCLUDE (country, instrument, outcome, permitted, first_disclosed_at, decided_at, seq);
CREATE INDEX dp_disclosed_account_reported ON dp_disclosed_account (cadence, report_at) INCLUDE (country, account);
CREATE INDEX dp_deny_reason_reported ON dp_deny_reason (cadence, report_at) INCLUDE (country, code);
CREATE INDEX dp_request_received ON dp_request (eu_member, received_at)
    INCLUDE (country, permitted, outcome, acknowledged_at, first_disclosed_at, closed_at, seq);
CREATE INDEX dp_request_country ON dp_request (country, received_on);
CREATE INDEX dp_request_version ON dp_request (version_id);

CREATE FUNCTION dp_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '%', TG_ARGV[0] USING ERRCODE = 'integrity_constraint_violation';
END;
$$;

CREATE TRIGGER dp_event_no_update BEFORE UPDATE ON dp_event
    FOR EACH ROW EXECUTE FUNCTION dp_refuse_change('dp_event is append-only: a stored event is never changed');
CREATE TRIGGER dp_event_no_delete BEFORE DELETE ON dp_event
    FOR EACH ROW EXECUTE FUNCTION dp_refuse_change('dp_event is append-only: a stored event is never removed');
CREATE TRIGGER dp_request_no_delete BEFORE DELETE ON dp_request
    FOR EACH ROW EXECUTE FUNCTION dp_refuse_change('dp_request is append-only: a stored request is never removed');
CREATE TRIGGER dp_request_facts_fixed
    BEFORE UPDATE OF request_id, country, received_on, received_at, decided_at, version_id, cadence, outcome, permitted, instrument, eu_member ON dp_request
    FOR EACH ROW EXECUTE FUNCTION dp_refuse_change('dp_request: the facts of a recorded decision are never changed');
