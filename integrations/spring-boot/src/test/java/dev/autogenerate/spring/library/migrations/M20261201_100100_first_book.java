package dev.autogenerate.spring.library.migrations;

import dev.autogenerate.migration.Migration;
import dev.autogenerate.migration.Operations;
import dev.autogenerate.migration.Revision;

/** first book: a row, so that a revision applied twice would show (and fail on the primary key). */
@Revision(
    id = "6e1b2d3c4f5a",
    revises = "5d0a1c2b3e4f",
    message = "first book",
    created = "2026-12-01T10:01:00Z"
)
public final class M20261201_100100_first_book implements Migration {
  @Override
  public void upgrade(Operations op) {
    op.execute("insert into books (id, title) values (1, 'The Left Hand of Darkness')");
  }

  @Override
  public void downgrade(Operations op) {
    op.execute("delete from books where id = 1");
  }
}
