"""`alembic check` for Alembic before 1.9, which has no such command: 1.9's, run by Alembic's own
command line (python check18.py [-c alembic.ini] check). Exits 1 when autogenerate finds changes."""

import sys

from alembic import autogenerate, command, util
from alembic.config import main
from alembic.runtime.environment import EnvironmentContext
from alembic.script import ScriptDirectory


def check(config):
    """Check if revision command with autogenerate has pending upgrade ops."""
    script_directory = ScriptDirectory.from_config(config)
    revision_context = autogenerate.RevisionContext(config, script_directory, dict(
        message=None, autogenerate=True, sql=False, head="head", splice=False, branch_label=None,
        version_path=None, rev_id=None, depends_on=None))

    def retrieve_migrations(rev, context):
        revision_context.run_autogenerate(rev, context)
        return []

    with EnvironmentContext(config, script_directory, fn=retrieve_migrations, as_sql=False,
                            template_args=revision_context.template_args,
                            revision_context=revision_context):
        script_directory.run_env()
    diffs = revision_context.generated_revisions[-1].upgrade_ops.as_diffs()
    if diffs:
        raise util.CommandError(f"New upgrade operations detected: {diffs}")
    config.print_stdout("No new upgrade operations detected.")


if not hasattr(command, "check"):
    # The command line offers the functions of alembic.command.
    check.__module__ = "alembic.command"
    command.check = check
sys.exit(main(prog="alembic"))
