package dev.autogenerate.operations;

import static dev.autogenerate.operations.Fixtures.AGE;
import static dev.autogenerate.operations.Fixtures.BEFORE;
import static dev.autogenerate.operations.Fixtures.FK_MANAGER;
import static dev.autogenerate.operations.Fixtures.FK_TEAM;
import static dev.autogenerate.operations.Fixtures.MANAGER_ID;
import static dev.autogenerate.operations.Fixtures.TEAM_ID;
import static dev.autogenerate.operations.Fixtures.USERS;
import static dev.autogenerate.operations.Fixtures.assertRoundTrip;
import static dev.autogenerate.operations.Fixtures.replay;
import static dev.autogenerate.schema.Column.column;
import static dev.autogenerate.schema.Index.index;
import static dev.autogenerate.schema.IndexColumn.desc;
import static dev.autogenerate.schema.UniqueConstraint.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.autogenerate.schema.Column;
import dev.autogenerate.schema.Schema;
import dev.autogenerate.schema.SqlType;
import dev.autogenerate.schema.Table;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Adding, dropping and altering columns: each applied, and undone by its inverse. */
class ColumnOperationsTest {

  private static final Column ID = column("id", SqlType.BIGINT).generatedAsIdentity();
  private static final Column EMAIL = column("email", SqlType.varchar(255)).notNull();

  /** The users table of the fixture with other columns, its constraints and indexes otherwise as they are. */
  private static Table usersWithColumns(Column... columns) {
    return new Table("users", List.of(columns), USERS.primaryKey(), USERS.uniqueConstraints(), USERS.foreignKeys(),
        USERS.checks(), USERS.indexes(), USERS.comment());
  }

  @Test
  void addColumnAppendsTheColumnAndIsUndoneByDroppingIt() {
    Column nickname = column("nickname", SqlType.TEXT).defaultSql("''").comment("shown to others");
    AddColumn add = new AddColumn("users", nickname);
    assertEquals(List.of(new DropColumn("users", "nickname")), add.inverse(BEFORE));
    assertRoundTrip(add, BEFORE, BEFORE.withTable(usersWithColumns(ID, EMAIL, TEAM_ID, AGE, MANAGER_ID, nickname)));
  }

  @Test
  void addColumnRefusesAColumnThatExistsOrATableThatDoesNot() {
    assertThrows(IllegalArgumentException.class,
        () -> new AddColumn("users", column("email", SqlType.TEXT)).applyTo(BEFORE));
    assertThrows(IllegalArgumentException.class,
        () -> new AddColumn("nope", column("email", SqlType.TEXT)).applyTo(BEFORE));
  }

  @Test
  void dropColumnAlsoDropsTheConstraintsAndIndexesOnIt() {
    Schema after = new DropColumn("users", "manager_id").applyTo(BEFORE);
    Table expected = new Table("users", List.of(ID, EMAIL, TEAM_ID, AGE), USERS.primaryKey(),
        List.of(unique("uq_users_email", "email")), List.of(FK_TEAM), USERS.checks(),
        List.of(index("ix_users_team_id", "team_id")), "People who log in");
    assertEquals(BEFORE.withTable(expected), after);
  }

  @Test
  void dropColumnIsUndoneByAddingItBackWithItsConstraintsAndIndexes() {
    DropColumn drop = new DropColumn("users", "manager_id");
    assertEquals(List.of(
            new AddColumn("users", MANAGER_ID),
            new AddConstraint("users", unique("uq_users_manager_id", "manager_id")),
            new AddConstraint("users", FK_MANAGER),
            new CreateIndex("users", index("ix_users_manager_id", desc("manager_id")))),
        drop.inverse(BEFORE));
    assertEquals(BEFORE, replay(drop.applyTo(BEFORE), drop.inverse(BEFORE)));
  }

  @Test
  void aColumnDroppedFromTheMiddleComesBackLastWithEverythingElseAsItWas() {
    // SQL adds columns at the end, and so does the inverse: the table has the same columns,
    // constraints and indexes, only the restored column, key and index come after the others.
    DropColumn drop = new DropColumn("users", "team_id");
    Schema restored = replay(drop.applyTo(BEFORE), drop.inverse(BEFORE));
    Table expected = new Table("users", List.of(ID, EMAIL, AGE, MANAGER_ID, TEAM_ID), USERS.primaryKey(),
        USERS.uniqueConstraints(), List.of(FK_MANAGER, FK_TEAM), USERS.checks(),
        List.of(index("ix_users_manager_id", desc("manager_id")), index("ix_users_team_id", "team_id")),
        USERS.comment());
    assertEquals(BEFORE.withTable(expected), restored);
  }

  @Test
  void dropColumnRefusesAMissingColumnOrTable() {
    assertThrows(IllegalArgumentException.class, () -> new DropColumn("users", "nope").applyTo(BEFORE));
    assertThrows(IllegalArgumentException.class, () -> new DropColumn("users", "nope").inverse(BEFORE));
    assertThrows(IllegalArgumentException.class, () -> new DropColumn("nope", "id").applyTo(BEFORE));
  }

  @Test
  void dropColumnRefusesAPrimaryKeyColumn() {
    assertThrows(IllegalArgumentException.class, () -> new DropColumn("users", "id").applyTo(BEFORE));
  }

  @Test
  void alterColumnMakesEveryChangeAtOnceAndTheInverseRestoresEachProperty() {
    // Given out of order on purpose: the record sorts them.
    AlterColumn alter = AlterColumn.of("users", "age", List.of(ColumnChange.setComment("years old"),
        ColumnChange.dropDefault(), ColumnChange.type(SqlType.BIGINT), ColumnChange.dropNotNull()));
    assertEquals(List.of(new ColumnChange.SetType(SqlType.BIGINT), new ColumnChange.SetNullable(true),
        new ColumnChange.SetDefault(null), new ColumnChange.SetComment("years old")), alter.changes());

    Column altered = new Column("age", SqlType.BIGINT, true, false, null, "years old");
    assertRoundTrip(alter, BEFORE, BEFORE.withTable(usersWithColumns(ID, EMAIL, TEAM_ID, altered, MANAGER_ID)));
    assertEquals(List.of(AlterColumn.of("users", "age", List.of(ColumnChange.type(SqlType.INTEGER),
            ColumnChange.setNotNull(), ColumnChange.setDefault("0"), ColumnChange.setComment("in years")))),
        alter.inverse(BEFORE));
  }

  @Test
  void alterColumnLeavesWhatItDoesNotChange() {
    AlterColumn alter = AlterColumn.of("users", "age", List.of(ColumnChange.type(SqlType.varchar(3))));
    Column altered = new Column("age", SqlType.varchar(3), false, false, "0", "in years");
    assertRoundTrip(alter, BEFORE, BEFORE.withTable(usersWithColumns(ID, EMAIL, TEAM_ID, altered, MANAGER_ID)));
  }

  @Test
  void alterColumnAddingADefaultAndCommentIsUndoneByDroppingThem() {
    AlterColumn alter = AlterColumn.of("users", "team_id",
        List.of(ColumnChange.setDefault("1"), ColumnChange.setComment("home team"), ColumnChange.setNotNull()));
    assertEquals(List.of(AlterColumn.of("users", "team_id", List.of(ColumnChange.dropNotNull(),
            ColumnChange.dropDefault(), ColumnChange.dropComment()))),
        alter.inverse(BEFORE));
    Column altered = new Column("team_id", SqlType.BIGINT, false, false, "1", "home team");
    assertRoundTrip(alter, BEFORE, BEFORE.withTable(usersWithColumns(ID, EMAIL, altered, AGE, MANAGER_ID)));
  }

  @Test
  void alterColumnRefusesNoChangeOrTheSamePropertyTwice() {
    assertThrows(IllegalArgumentException.class, () -> AlterColumn.of("users", "age", List.of()));
    assertThrows(IllegalArgumentException.class, () -> AlterColumn.of("users", "age",
        List.of(ColumnChange.setDefault("1"), ColumnChange.dropDefault())));
  }

  @Test
  void alterColumnRefusesAMissingColumnOrTable() {
    AlterColumn missingColumn = AlterColumn.of("users", "nope", List.of(ColumnChange.setNotNull()));
    assertThrows(IllegalArgumentException.class, () -> missingColumn.applyTo(BEFORE));
    assertThrows(IllegalArgumentException.class, () -> missingColumn.inverse(BEFORE));
    AlterColumn missingTable = AlterColumn.of("nope", "age", List.of(ColumnChange.setNotNull()));
    assertThrows(IllegalArgumentException.class, () -> missingTable.applyTo(BEFORE));
    assertThrows(IllegalArgumentException.class, () -> missingTable.inverse(BEFORE));
  }
}
