"""Roles that must give a password on the test server: the server the archive tests start
trusts every local connection, so a role made here gets its own `scram-sha-256` line at the
top of pg_hba.conf (only that role: the other tests keep connecting as before)."""

from __future__ import annotations

import time

import psycopg
import psycopg.sql


def admin(server, database: str = "postgres") -> psycopg.Connection:
    return psycopg.connect(
        f"host=127.0.0.1 port={server.port} user=workbench dbname={database}", autocommit=True
    )


def password_role(server, name: str, password: str, *, read_all: bool = True) -> None:
    """A LOGIN role `name` the server asks a password of."""
    hba = server.data / "pg_hba.conf"
    line = f"host all {name} 127.0.0.1/32 scram-sha-256\n"
    text = hba.read_text()
    if line not in text:
        hba.write_text(line + text)
    with admin(server) as conn:
        exists = conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (name,)).fetchone()
        verb = "ALTER" if exists else "CREATE"
        conn.execute(
            psycopg.sql.SQL("{} ROLE {} LOGIN PASSWORD {}").format(
                psycopg.sql.SQL(verb), psycopg.sql.Identifier(name), psycopg.sql.Literal(password)
            )
        )
        if read_all:
            conn.execute(f'GRANT pg_read_all_data TO "{name}"')
        conn.execute("SELECT pg_reload_conf()")
    # the reload is taken by the postmaster shortly after; wait until a wrong password fails
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            psycopg.connect(
                host="127.0.0.1",
                port=server.port,
                user=name,
                password="not-" + password,
                dbname="postgres",
                connect_timeout=5,
            ).close()
        except psycopg.OperationalError:
            return
        time.sleep(0.1)
    raise RuntimeError("pg_hba.conf reload not taken by the test server")
