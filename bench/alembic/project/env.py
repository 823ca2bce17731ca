"""Alembic's generic env.py, online only, comparing with the benchmark's models."""

import sys
from logging.config import fileConfig

from alembic import context
from sqlalchemy import engine_from_config, pool

from models import metadata

# SQLAlchemy 1.4 reflects the table a foreign key names within the reflection of the table naming
# it, so along table_N -> table_N-1 -> ... table_0 when the tables come in that order, which is a
# set's, changing from run to run: from 200 tables on PostgreSQL, deeper than Python's 1,000 frames.
sys.setrecursionlimit(100_000)

config = context.config
if config.config_file_name is not None:
    fileConfig(config.config_file_name)


def include_name(name, type_, parent_names):
    # A database the Java tool created also holds its own history tables; SQLAlchemy before 2.0
    # reflects SQLite's own sqlite_sequence (made by autoincrement), which Alembic would drop.
    return not (type_ == "table" and name in ("autogenerate_history", "autogenerate_version", "sqlite_sequence"))


engine = engine_from_config(config.get_section(config.config_ini_section, {}), prefix="sqlalchemy.",
                            poolclass=pool.NullPool)
with engine.connect() as connection:
    # compare_type is Alembic's default from 1.12 on; said here so that 1.8 compares types too.
    context.configure(connection=connection, target_metadata=metadata, compare_type=True,
                      include_name=include_name)
    with context.begin_transaction():
        context.run_migrations()
