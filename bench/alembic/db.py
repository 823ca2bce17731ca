"""Run by a virtual environment's Python, for bench/alembic/compare:

    python db.py create SERVER_URL NAME   creates (again) an empty PostgreSQL database on the server
    python db.py diff URL                 prints what Alembic's autogenerate finds between the
                                          models of the current folder and the database, one a line
"""

import os
import sys

import sqlalchemy
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext


def create(server_url, name):
    engine = sqlalchemy.create_engine(server_url, isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        connection.execute(sqlalchemy.text(f'drop database if exists "{name}"'))
        connection.execute(sqlalchemy.text(f'create database "{name}"'))


def diff(url):
    sys.path.insert(0, os.getcwd())
    sys.setrecursionlimit(100_000)  # as env.py says
    from models import metadata

    def include_name(name, type_, parent_names):
        # A database the Java tool created also holds its own history tables; SQLAlchemy before 2.0
        # reflects SQLite's own sqlite_sequence (made by autoincrement), which Alembic would drop.
        return not (type_ == "table" and name in ("autogenerate_history", "autogenerate_version", "sqlite_sequence"))

    with sqlalchemy.create_engine(url).connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True, "include_name": include_name})
        for difference in compare_metadata(context, metadata):
            print(difference)


if __name__ == "__main__":
    {"create": create, "diff": diff}[sys.argv[1]](*sys.argv[2:])
