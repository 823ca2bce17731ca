package dev.autogenerate.spring.branched;

import dev.autogenerate.migration.Migration;
import dev.autogenerate.migration.Operations;
import dev.autogenerate.migration.Revision;

/** note one: one of two revisions on the same parent, as two branches wrote them. */
@Revision(
    id = "2b0000000002",
    revises = "1a0000000001",
    message = "note one",
    created = "2026-12-01T11:00:00Z"
)
public final class M20261201_110000_note_one implements Migration {
  @Override
  public void upgrade(Operations op) {
    op.execute("insert into notes (id) values (1)");
  }

  @Override
  public void downgrade(Operations op) {
    op.execute("delete from notes where id = 1");
  }
}
