"""Alembic migration scripts of the plan archive, run in-process (no alembic.ini)."""
