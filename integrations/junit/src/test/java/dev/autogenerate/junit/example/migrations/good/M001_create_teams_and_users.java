package dev.autogenerate.junit.example.migrations.good;

import static dev.autogenerate.schema.Column.column;
import static dev.autogenerate.schema.ForeignKey.foreignKey;
import static dev.autogenerate.schema.PrimaryKey.primaryKey;
import static dev.autogenerate.schema.SqlType.BIGINT;
import static dev.autogenerate.schema.SqlType.varchar;

import dev.autogenerate.migration.Migration;
import dev.autogenerate.migration.Operations;
import dev.autogenerate.migration.Revision;
import java.util.List;

@Revision(id = "a1", message = "create teams and users", created = "2026-12-01T10:00:00Z")
public final class M001_create_teams_and_users implements Migration {
  @Override
  public void upgrade(Operations op) {
    op.createTable("teams",
        column("id", BIGINT).generatedAsIdentity(),
        column("name", varchar(100)).notNull(),
        primaryKey("id"));

    op.createTable("users",
        column("id", BIGINT).generatedAsIdentity(),
        column("name", varchar(100)).notNull(),
        column("team_id", BIGINT),
        primaryKey("id"),
        foreignKey("fk_users_team_id_teams", List.of("team_id"), "teams", List.of("id")));
  }

  @Override
  public void downgrade(Operations op) {
    op.dropTable("users");
    op.dropTable("teams");
  }
}
