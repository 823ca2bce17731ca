package dev.autogenerate.spring.branched;

import dev.autogenerate.migration.Migration;
import dev.autogenerate.migration.Operations;
import dev.autogenerate.migration.Revision;

/** create notes: the revision both branches build on. */
@Revision(
    id = "1a0000000001",
    message = "create notes",
    created = "2026-12-01T10:00:00Z"
)
public final class M20261201_100000_notes implements Migration {
  @Override
  public void upgrade(Operations op) {
    op.execute("create table notes (id integer primary key)");
  }

  @Override
  public void downgrade(Operations op) {
    op.execute("drop table notes");
  }
}
