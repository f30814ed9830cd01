"""The plan archive: every year and every version of a plan in one database.

SQLAlchemy Core over an embedded SQLite file by default, or PostgreSQL by URL for a team;
Alembic migrations shipped in this package upgrade an older archive when it is opened. The
app layer (workbench/app/archive.py) is the only caller; core never imports this package.
"""
