package dev.autogenerate.spring.branched;

import dev.autogenerate.migration.Migration;
import dev.autogenerate.migration.Operations;
import dev.autogenerate.migration.Revision;

/** note two: one of two revisions on the same parent, as two branches wrote them. */
@Revision(
    id = "3c0000000003",
    revises = "1a0000000001",
    message = "note two",
    created = "2026-12-01T12:00:00Z"
)
public final class M20261201_120000_note_two implements Migration {
  @Override
  public void upgrade(Operations op) {
    op.execute("insert into notes (id) values (2)");
  }

  @Override
  public void downgrade(Operations op) {
    op.execute("delete from notes where id = 2");
  }
}
