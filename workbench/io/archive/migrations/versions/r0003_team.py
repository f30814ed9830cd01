"""Team review: members, assignments, the team's live values and log, the offline queue; and
on a PostgreSQL server the roles, grants, row-level security and triggers that make the
server, not the window, the judge of who may change what.

Revision ID: 0003

What the server enforces (every statement below is standard PostgreSQL):
- two NOLOGIN group roles, `workbench_reviewer` and `workbench_lead` (a member of reviewer);
  roles belong to the whole server, so they are created only when missing;
- reviewers read everything and write only live_values and team_log, and there only rows
  of their assignments (`workbench_may_edit`), never on an approved version; leads write
  any row; only leads may insert assignments or update versions' approval columns;
- `who` and `at` (and assigned_by/added_by, approved_by) are stamped from the server's
  session user by triggers, whatever the client sends;
- an approved version is read-only for everyone, its owner included (triggers);
- an applied change in team_log notifies channel `workbench_team` with {"v": version, "id"}.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

REVIEWER = "workbench_reviewer"
LEAD = "workbench_lead"
CHANNEL = "workbench_team"
# SQLSTATE raised when an approved version would change (a class of its own, so the client
# tells it from a missing grant without reading the server's localized message)
APPROVED_STATE = "WB001"


def _team_tables() -> None:
    op.create_table(
        "team_members",
        sa.Column("role_name", sa.String(63), primary_key=True),
        sa.Column("is_lead", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.Column("added_by", sa.String(200), nullable=False, server_default=""),
        sa.Column("added_at", sa.String(40), nullable=False, server_default=""),
    )
    op.create_table(
        "assignments",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("version_id", sa.Integer, sa.ForeignKey("versions.id"), nullable=False),
        sa.Column("table_id", sa.String(100), nullable=False),
        sa.Column("sector", sa.String(200)),
        sa.Column("row_key", sa.String(100)),
        sa.Column("role_name", sa.String(63), nullable=False),
        sa.Column("assigned_by", sa.String(200), nullable=False, server_default=""),
        sa.Column("assigned_at", sa.String(40), nullable=False, server_default=""),
    )
    op.create_index("ix_assignments_version_id", "assignments", ["version_id"])
    op.create_table(
        "live_values",
        sa.Column("version_id", sa.Integer, sa.ForeignKey("versions.id"), primary_key=True),
        sa.Column("table_id", sa.String(100), primary_key=True),
        sa.Column("row_key", sa.String(100), primary_key=True),
        sa.Column("field", sa.String(100), primary_key=True),
        sa.Column("value", sa.Text),
        sa.Column("rev", sa.Integer, nullable=False, server_default="1"),
        sa.Column("who", sa.String(200), nullable=False, server_default=""),
        sa.Column("at", sa.String(40), nullable=False, server_default=""),
    )
    op.create_table(
        "team_log",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer, "sqlite"), primary_key=True),
        sa.Column("change_id", sa.String(64), nullable=False, unique=True),
        sa.Column("version_id", sa.Integer, sa.ForeignKey("versions.id"), nullable=False),
        sa.Column("table_id", sa.String(100), nullable=False),
        sa.Column("row_key", sa.String(100), nullable=False),
        sa.Column("field", sa.String(100), nullable=False),
        sa.Column("expected", sa.Text),
        sa.Column("value", sa.Text),
        sa.Column("outcome", sa.String(20), nullable=False),
        sa.Column("who", sa.String(200), nullable=False, server_default=""),
        sa.Column("at", sa.String(40), nullable=False, server_default=""),
    )
    op.create_index("ix_team_log_version_id", "team_log", ["version_id", "id"])
    op.create_table(
        "outbox",
        sa.Column("seq", sa.Integer, primary_key=True),
        sa.Column("server", sa.Text, nullable=False),
        sa.Column("version_id", sa.Integer, nullable=False),
        sa.Column("table_id", sa.String(100), nullable=False),
        sa.Column("row_key", sa.String(100), nullable=False),
        sa.Column("field", sa.String(100), nullable=False),
        sa.Column("expected", sa.Text),
        sa.Column("value", sa.Text),
        sa.Column("change_id", sa.String(64), nullable=False, unique=True),
        sa.Column("at", sa.String(40), nullable=False),
        sa.Column("state", sa.String(20), nullable=False),
        sa.Column("outcome_message", sa.Text),
    )


_NOW = """to_char(statement_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"+00:00"')"""

_ROLES = f"""
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{REVIEWER}') THEN
        CREATE ROLE {REVIEWER} NOLOGIN;
    END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;  -- made meanwhile elsewhere
END $$;
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{LEAD}') THEN
        CREATE ROLE {LEAD} NOLOGIN;
    END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
END $$;
DO $$
BEGIN
    IF NOT pg_has_role('{LEAD}', '{REVIEWER}', 'MEMBER') THEN
        GRANT {REVIEWER} TO {LEAD};
    END IF;
END $$;
"""

_FUNCTIONS = f"""
CREATE FUNCTION workbench_stamp() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- TG_ARGV names the "who" and "when" columns of the table; the client's values are
    -- replaced by the server's session user and clock
    NEW := jsonb_populate_record(
        NEW, jsonb_build_object(TG_ARGV[0], session_user::text, TG_ARGV[1], {_NOW}));
    RETURN NEW;
END $$;

CREATE FUNCTION workbench_refuse_approved() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    v integer;
BEGIN
    IF TG_OP = 'DELETE' THEN v := OLD.version_id; ELSE v := NEW.version_id; END IF;
    IF EXISTS (SELECT 1 FROM versions WHERE id = v AND approved) THEN
        RAISE EXCEPTION '版本 % 已审定，只读', v USING ERRCODE = '{APPROVED_STATE}';
    END IF;
    IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
    RETURN NEW;
END $$;

CREATE FUNCTION workbench_version_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.approved THEN
        RAISE EXCEPTION '版本 % 已审定，只读', OLD.id USING ERRCODE = '{APPROVED_STATE}';
    END IF;
    IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
    IF NEW.approved THEN
        NEW.approved_by := session_user::text;
        NEW.approved_at := {_NOW};
    END IF;
    RETURN NEW;
END $$;

CREATE FUNCTION workbench_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('{CHANNEL}',
                      json_build_object('v', NEW.version_id, 'id', NEW.id)::text);
    RETURN NULL;
END $$;

-- the sector a row of an archived table belongs to (the query row's sector); plpgsql, whose
-- plans are kept per session (a SQL function's would be planned at every call of a policy)
CREATE FUNCTION workbench_row_sector(v integer, t text, r text) RETURNS text
LANGUAGE plpgsql STABLE AS $$
BEGIN
    RETURN (SELECT e.sector FROM entries e JOIN version_tables vt ON vt.id = e.vtable_id
            WHERE vt.version_id = v AND vt.table_id = t AND e.row_key = r
            LIMIT 1);
END $$;

-- may the current role change this row of this version? (leads: any row; reviewers: the
-- rows of their assignments; nobody: a row of an approved version)
CREATE FUNCTION workbench_may_edit(v integer, t text, r text) RETURNS boolean
LANGUAGE plpgsql STABLE AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM versions WHERE id = v AND approved) THEN
        RETURN false;
    END IF;
    IF pg_has_role('{LEAD}', 'MEMBER') THEN
        RETURN true;
    END IF;
    RETURN EXISTS (
        SELECT 1 FROM assignments a
        WHERE a.version_id = v AND a.table_id = t AND a.role_name = current_user::text
          AND (a.row_key IS NULL OR a.row_key = r)
          AND (a.sector IS NULL OR a.sector = workbench_row_sector(v, t, r)));
END $$;

-- two JSON values equal as values (8 and 8.0 one figure; null and "" one empty cell)
CREATE FUNCTION workbench_same(a text, b text) RETURNS boolean
LANGUAGE sql IMMUTABLE AS $$
    SELECT coalesce(nullif(coalesce(a, 'null')::jsonb, '""'::jsonb), 'null'::jsonb)
         = coalesce(nullif(coalesce(b, 'null')::jsonb, '""'::jsonb), 'null'::jsonb)
$$;

-- One team change, as the calling role (SECURITY INVOKER: row-level security and grants
-- judge it): a change id seen before is 'duplicate'; a field whose value (the live one,
-- else p_original, the archived document's) is not p_expected is a 'conflict' with
-- theirs; else it is written with rev + 1 and 'applied'. The server's refusals are caught
-- here, the change's own writes undone, and returned as 'refused' with the reason:
-- 'approved', 'no_grant' (the role lost its grants) or 'not_assigned'.
CREATE FUNCTION workbench_apply(
    p_change text, p_version integer, p_table text, p_row text, p_field text,
    p_expected text, p_value text, p_original text)
RETURNS TABLE (o_outcome text, o_theirs text, o_who text, o_at text, o_reason text)
LANGUAGE plpgsql AS $$
DECLARE
    seen text;
    cur_value text;
    cur_rev integer;
    cur_who text;
    cur_at text;
    written integer;
BEGIN
    SELECT l.outcome INTO seen FROM team_log l WHERE l.change_id = p_change;
    IF FOUND THEN
        RETURN QUERY SELECT 'duplicate'::text, NULL::text, NULL::text, NULL::text, seen;
        RETURN;
    END IF;
    BEGIN
        SELECT lv.value, lv.rev, lv.who, lv.at INTO cur_value, cur_rev, cur_who, cur_at
        FROM live_values lv
        WHERE lv.version_id = p_version AND lv.table_id = p_table AND lv.row_key = p_row
          AND lv.field = p_field;
        IF NOT FOUND THEN
            cur_value := p_original;
            cur_rev := 0;
        END IF;
        IF workbench_same(cur_value, p_expected) THEN
            INSERT INTO live_values (version_id, table_id, row_key, field, value, rev)
            VALUES (p_version, p_table, p_row, p_field, p_value, 1)
            ON CONFLICT (version_id, table_id, row_key, field)
            DO UPDATE SET value = EXCLUDED.value, rev = live_values.rev + 1
            WHERE live_values.rev = cur_rev
            RETURNING live_values.rev INTO written;
            IF written IS NULL THEN  -- written by someone else since it was read
                SELECT lv.value, lv.who, lv.at INTO cur_value, cur_who, cur_at
                FROM live_values lv
                WHERE lv.version_id = p_version AND lv.table_id = p_table
                  AND lv.row_key = p_row AND lv.field = p_field;
            END IF;
        END IF;
        INSERT INTO team_log (change_id, version_id, table_id, row_key, field, expected,
                              value, outcome)
        VALUES (p_change, p_version, p_table, p_row, p_field, p_expected, p_value,
                CASE WHEN written IS NULL THEN 'conflict' ELSE 'applied' END);
        IF written IS NULL THEN
            RETURN QUERY SELECT 'conflict'::text, cur_value, cur_who, cur_at, NULL::text;
        ELSE
            RETURN QUERY SELECT 'applied'::text, NULL::text, NULL::text, NULL::text, NULL::text;
        END IF;
    EXCEPTION
        WHEN insufficient_privilege THEN
            RETURN QUERY SELECT 'refused'::text, NULL::text, NULL::text, NULL::text,
                CASE WHEN has_table_privilege('live_values', 'INSERT') THEN 'not_assigned'
                     ELSE 'no_grant' END;
        WHEN unique_violation THEN  -- the same change id pushed at once elsewhere
            RETURN QUERY SELECT 'duplicate'::text, NULL::text, NULL::text, NULL::text,
                NULL::text;
        WHEN SQLSTATE '{APPROVED_STATE}' THEN
            RETURN QUERY SELECT 'refused'::text, NULL::text, NULL::text, NULL::text,
                'approved'::text;
    END;
END $$;
"""

_TRIGGERS = """
CREATE TRIGGER live_values_stamp BEFORE INSERT OR UPDATE ON live_values
    FOR EACH ROW EXECUTE FUNCTION workbench_stamp('who', 'at');
CREATE TRIGGER team_log_stamp BEFORE INSERT OR UPDATE ON team_log
    FOR EACH ROW EXECUTE FUNCTION workbench_stamp('who', 'at');
CREATE TRIGGER assignments_stamp BEFORE INSERT OR UPDATE ON assignments
    FOR EACH ROW EXECUTE FUNCTION workbench_stamp('assigned_by', 'assigned_at');
CREATE TRIGGER team_members_stamp BEFORE INSERT OR UPDATE ON team_members
    FOR EACH ROW EXECUTE FUNCTION workbench_stamp('added_by', 'added_at');
CREATE TRIGGER live_values_approved BEFORE INSERT OR UPDATE OR DELETE ON live_values
    FOR EACH ROW EXECUTE FUNCTION workbench_refuse_approved();
CREATE TRIGGER team_log_approved BEFORE INSERT OR UPDATE OR DELETE ON team_log
    FOR EACH ROW EXECUTE FUNCTION workbench_refuse_approved();
CREATE TRIGGER assignments_approved BEFORE INSERT OR UPDATE OR DELETE ON assignments
    FOR EACH ROW EXECUTE FUNCTION workbench_refuse_approved();
CREATE TRIGGER documents_approved BEFORE UPDATE OR DELETE ON documents
    FOR EACH ROW EXECUTE FUNCTION workbench_refuse_approved();
CREATE TRIGGER changes_approved BEFORE UPDATE OR DELETE ON changes
    FOR EACH ROW EXECUTE FUNCTION workbench_refuse_approved();
CREATE TRIGGER version_tables_approved BEFORE UPDATE OR DELETE ON version_tables
    FOR EACH ROW EXECUTE FUNCTION workbench_refuse_approved();
CREATE TRIGGER versions_guard BEFORE UPDATE OR DELETE ON versions
    FOR EACH ROW EXECUTE FUNCTION workbench_version_guard();
CREATE TRIGGER team_log_notify AFTER INSERT ON team_log
    FOR EACH ROW WHEN (NEW.outcome = 'applied') EXECUTE FUNCTION workbench_notify();
"""

_GRANTS = f"""
GRANT USAGE ON SCHEMA public TO {REVIEWER};
GRANT SELECT ON ALL TABLES IN SCHEMA public TO {REVIEWER};
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT ON TABLES TO {REVIEWER};
REVOKE SELECT ON outbox FROM {REVIEWER};
GRANT INSERT, UPDATE (value, rev) ON live_values TO {REVIEWER};
GRANT INSERT ON team_log TO {REVIEWER};
GRANT USAGE ON SEQUENCE team_log_id_seq TO {REVIEWER};
GRANT INSERT, UPDATE, DELETE ON assignments TO {LEAD};
GRANT USAGE ON SEQUENCE assignments_id_seq TO {LEAD};
GRANT INSERT, UPDATE ON team_members TO {LEAD};
GRANT UPDATE (approved, approved_by, approved_at) ON versions TO {LEAD};

ALTER TABLE live_values ENABLE ROW LEVEL SECURITY;
CREATE POLICY live_values_read ON live_values FOR SELECT TO {REVIEWER} USING (true);
CREATE POLICY live_values_insert ON live_values FOR INSERT TO {REVIEWER}
    WITH CHECK (workbench_may_edit(version_id, table_id, row_key));
CREATE POLICY live_values_update ON live_values FOR UPDATE TO {REVIEWER}
    USING (workbench_may_edit(version_id, table_id, row_key))
    WITH CHECK (workbench_may_edit(version_id, table_id, row_key));
ALTER TABLE team_log ENABLE ROW LEVEL SECURITY;
CREATE POLICY team_log_read ON team_log FOR SELECT TO {REVIEWER} USING (true);
CREATE POLICY team_log_insert ON team_log FOR INSERT TO {REVIEWER}
    WITH CHECK (workbench_may_edit(version_id, table_id, row_key));
"""


def _server_rules() -> None:
    for block in (_ROLES, _FUNCTIONS, _TRIGGERS, _GRANTS):
        op.execute(block)


def upgrade() -> None:
    _team_tables()
    if op.get_bind().dialect.name == "postgresql":
        _server_rules()


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        # the roles belong to the whole server (other archives may use them): kept
        op.execute(
            f"""
            DROP TRIGGER IF EXISTS versions_guard ON versions;
            DROP TRIGGER IF EXISTS documents_approved ON documents;
            DROP TRIGGER IF EXISTS changes_approved ON changes;
            DROP TRIGGER IF EXISTS version_tables_approved ON version_tables;
            ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE SELECT ON TABLES FROM {REVIEWER};
            REVOKE ALL ON ALL TABLES IN SCHEMA public FROM {REVIEWER}, {LEAD};
            REVOKE USAGE ON SCHEMA public FROM {REVIEWER};
            """
        )
    for name in ("outbox", "team_log", "live_values", "assignments", "team_members"):
        op.drop_table(name)
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            """
            DROP FUNCTION IF EXISTS workbench_apply(text, integer, text, text, text, text,
                                                    text, text);
            DROP FUNCTION IF EXISTS workbench_same(text, text);
            DROP FUNCTION IF EXISTS workbench_may_edit(integer, text, text);
            DROP FUNCTION IF EXISTS workbench_row_sector(integer, text, text);
            DROP FUNCTION IF EXISTS workbench_notify();
            DROP FUNCTION IF EXISTS workbench_version_guard();
            DROP FUNCTION IF EXISTS workbench_refuse_approved();
            DROP FUNCTION IF EXISTS workbench_stamp();
            """
        )
