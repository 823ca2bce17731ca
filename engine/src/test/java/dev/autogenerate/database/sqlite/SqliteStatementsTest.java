package dev.autogenerate.database.sqlite;

import static dev.autogenerate.schema.Column.column;
import static dev.autogenerate.schema.PrimaryKey.primaryKey;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogenerate.database.Database;
import dev.autogenerate.operations.AddColumn;
import dev.autogenerate.operations.AddConstraint;
import dev.autogenerate.operations.AlterColumn;
import dev.autogenerate.operations.AlterEnumType;
import dev.autogenerate.operations.ColumnChange;
import dev.autogenerate.operations.CreateEnumType;
import dev.autogenerate.operations.CreateIndex;
import dev.autogenerate.operations.CreateSequence;
import dev.autogenerate.operations.CreateTable;
import dev.autogenerate.operations.DropColumn;
import dev.autogenerate.operations.DropConstraint;
import dev.autogenerate.operations.DropEnumType;
import dev.autogenerate.operations.DropIndex;
import dev.autogenerate.operations.DropSequence;
import dev.autogenerate.operations.DropTable;
import dev.autogenerate.operations.ExecuteSql;
import dev.autogenerate.operations.Operation;
import dev.autogenerate.operations.RenameColumn;
import dev.autogenerate.operations.RenameTable;
import dev.autogenerate.operations.SetTableComment;
import dev.autogenerate.schema.CheckConstraint;
import dev.autogenerate.schema.DatabaseKind;
import dev.autogenerate.schema.EnumType;
import dev.autogenerate.schema.ForeignKey;
import dev.autogenerate.schema.Index;
import dev.autogenerate.schema.IndexColumn;
import dev.autogenerate.schema.ReferentialAction;
import dev.autogenerate.schema.Schema;
import dev.autogenerate.schema.Sequence;
import dev.autogenerate.schema.SqlType;
import dev.autogenerate.schema.Table;
import dev.autogenerate.schema.TableElement;
import dev.autogenerate.schema.UniqueConstraint;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The exact statements each operation becomes on SQLite, one operation at a time: what runs on
 * its own, what only a rebuild of the table can do, and what SQLite does not store at all.
 */
class SqliteStatementsTest {

  private final Database sqlite = Database.forKind(DatabaseKind.SQLITE);

  /** users(id identity pk, email not null, name, age, legacy) with an index on name and one on legacy. */
  static final Table USERS = new Table("users",
      List.of(column("id", SqlType.BIGINT).generatedAsIdentity(),
          column("email", SqlType.varchar(100)).notNull(),
          column("name", SqlType.varchar(50)),
          column("age", SqlType.INTEGER),
          column("legacy", SqlType.TEXT)),
      Optional.of(primaryKey("id")), List.of(), List.of(), List.of(),
      List.of(Index.index("ix_users_name", "name"), Index.index("ix_users_legacy", "legacy")), null);

  static final Schema BEFORE = Schema.of(List.of(USERS),
      List.of(Sequence.sequence("users_seq", 1, 50)), List.of(EnumType.enumType("status", "NEW", "PAID")));

  private List<String> statements(Operation operation) {
    return withoutGuard(sqlite.statements(List.of(operation), BEFORE));
  }

  private static SqliteStep step(Operation operation) {
    return operation.accept(new SqliteStatements(BEFORE));
  }

  @Test
  void createTableMakesAnIntegerIdentityKeyTheRowidAlias() {
    Table table = Table.of("orders", List.<TableElement>of(
        column("id", SqlType.BIGINT).generatedAsIdentity(),
        column("user_id", SqlType.BIGINT).notNull(),
        column("placed", SqlType.TIMESTAMP_TZ).defaultSql("current_timestamp"),
        column("total", SqlType.numeric(10, 2)).defaultSql("0").notNull(),
        column("note", SqlType.TEXT),
        primaryKey("id"),
        UniqueConstraint.unique("uq_orders_user_id_placed", "user_id", "placed"),
        ForeignKey.foreignKey("fk_orders_user_id_users", List.of("user_id"), "users", List.of("id"))
            .onDelete(ReferentialAction.CASCADE),
        CheckConstraint.check("ck_orders_total", "total >= 0")));

    assertEquals(List.of("create table orders (\n"
            + "  id integer primary key autoincrement,\n"
            + "  user_id bigint not null,\n"
            + "  placed timestamp default current_timestamp,\n"
            + "  total numeric(10,2) default 0 not null,\n"
            + "  note text,\n"
            + "  constraint uq_orders_user_id_placed unique (user_id, placed),\n"
            + "  constraint fk_orders_user_id_users foreign key (user_id) references users (id) on delete cascade,\n"
            + "  constraint ck_orders_total check (total >= 0)\n"
            + ")"),
        withoutGuard(sqlite.statements(List.of(new CreateTable(table)), Schema.EMPTY)));
  }

  @Test
  void anIdentityThatIsNotTheWholeKeyOrNotAnIntegerIsNoRowidAlias() {
    Table composite = Table.of("lines", List.<TableElement>of(
        column("order_id", SqlType.BIGINT).generatedAsIdentity(),
        column("line", SqlType.INTEGER).notNull(),
        primaryKey("order_id", "line")));
    assertEquals(List.of("create table lines (\n"
            + "  order_id bigint not null,\n"
            + "  line integer not null,\n"
            + "  primary key (order_id, line)\n"
            + ")"),
        withoutGuard(sqlite.statements(List.of(new CreateTable(composite)), Schema.EMPTY)));

    Table textKey = Table.of("codes", List.<TableElement>of(
        column("code", SqlType.varchar(10)).notNull(), primaryKey("code").named("pk_codes")));
    assertEquals(List.of("create table codes (\n"
            + "  code varchar(10) not null,\n"
            + "  constraint pk_codes primary key (code)\n"
            + ")"),
        withoutGuard(sqlite.statements(List.of(new CreateTable(textKey)), Schema.EMPTY)));
  }

  @Test
  void portableTypesAreSpelledAsSqliteAndHibernateSpellThem() {
    Table table = Table.of("kinds", List.<TableElement>of(
        column("a", SqlType.BOOLEAN), column("b", SqlType.SMALLINT), column("c", SqlType.DOUBLE),
        column("d", SqlType.REAL), column("e", SqlType.character(3)), column("f", SqlType.DATE),
        column("g", SqlType.time(3)), column("h", SqlType.timestampTz(6)), column("i", SqlType.UUID),
        column("j", SqlType.binary(16)), column("k", SqlType.JSON), column("l", SqlType.numeric(5)),
        column("m", SqlType.sqlType("status"))));
    assertEquals(List.of("create table kinds (\n"
            + "  a boolean,\n  b smallint,\n  c double,\n  d real,\n  e char(3),\n  f date,\n  g time,\n"
            + "  h timestamp,\n  i blob,\n  j blob,\n  k json,\n  l numeric(5,0),\n  m status\n)"),
        withoutGuard(sqlite.statements(List.of(new CreateTable(table)), Schema.EMPTY)));
  }

  /** SQLite takes a literal default as it is, and any other expression only in parentheses. */
  @ParameterizedTest
  @CsvSource(delimiterString = "=>", quoteCharacter = '"', value = {
      "0                       => 0",
      "-1.5                    => -1.5",
      "'new'                   => 'new'",
      "'it''s'                 => 'it''s'",
      "null                    => null",
      "TRUE                    => TRUE",
      "false                   => false",
      "CURRENT_TIMESTAMP       => CURRENT_TIMESTAMP",
      "current_date            => current_date",
      "(1 + 2)                 => (1 + 2)",
      "1 + 2                   => (1 + 2)",
      "lower('X')              => (lower('X'))",
      "'a' || 'b'              => ('a' || 'b')",
      "datetime('now')         => (datetime('now'))",
      "(1) + (2)               => ((1) + (2))",
      "(abs(-1)) * (2)         => ((abs(-1)) * (2))",
      "('a)' || '(b')          => ('a)' || '(b')",
      "(')') || ('(')          => ((')') || ('('))"})
  void defaultsAreParenthesizedWhenExpressions(String defaultSql, String written) {
    List<String> statements = statements(new AddColumn("users", column("score", SqlType.INTEGER).defaultSql(defaultSql)));
    if (statements.size() == 1) {
      assertEquals("alter table users add column score integer default " + written, statements.get(0));
    } else {
      // A default that is not a constant: alter table add column refuses it on a table with rows.
      assertTrue(statements.get(0).startsWith("create table _autogenerate_rebuild_users (")
          && statements.get(0).contains("\n  score integer default " + written + "\n"), statements::toString);
    }
  }

  /** alter table add column takes a constant default only, on a table with rows; the rest rebuild. */
  @ParameterizedTest
  @CsvSource(delimiterString = "=>", quoteCharacter = '"', value = {"0 => true", "-1.5e3 => true", "'it''s' => true",
      "x'00ff' => true",
      "null => true", "TRUE => true", "CURRENT_TIMESTAMP => false", "(1 + 2) => false", "datetime('now') => false"})
  void onlyAConstantDefaultIsAddedInPlace(String defaultSql, boolean inPlace) {
    List<String> statements = statements(new AddColumn("users", column("score", SqlType.INTEGER).defaultSql(defaultSql)));
    assertEquals(inPlace, statements.get(0).startsWith("alter table users add column "), statements::toString);
  }

  @Test
  void reservedAndMixedCaseNamesAreQuoted() {
    Table table = Table.of("order", List.<TableElement>of(
        column("id", SqlType.INTEGER).generatedAsIdentity(), column("Group", SqlType.TEXT), primaryKey("id")));
    assertEquals(List.of("create table \"order\" (\n  id integer primary key autoincrement,\n  \"Group\" text\n)",
            "drop table \"order\""),
        withoutGuard(sqlite.statements(List.of(new CreateTable(table), new DropTable("order")), Schema.EMPTY)));
  }

  @Test
  void dropTable() {
    assertEquals(List.of("drop table users"), statements(new DropTable("users")));
  }

  @Test
  void addColumnThatAlterTableCanAdd() {
    assertEquals(List.of("alter table users add column nickname varchar(30)"),
        statements(new AddColumn("users", column("nickname", SqlType.varchar(30)))));
    assertEquals(List.of("alter table users add column status varchar(10) default 'new' not null"),
        statements(new AddColumn("users", column("status", SqlType.varchar(10)).defaultSql("'new'").notNull())));
    assertEquals(SqliteStep.Need.OWN_OR_REBUILD,
        step(new AddColumn("users", column("nickname", SqlType.varchar(30)))).need());
  }

  @Test
  void addColumnNotNullWithoutDefaultTakesARebuild() {
    AddColumn add = new AddColumn("users", column("nickname", SqlType.varchar(30)).notNull());
    assertEquals(SqliteStep.Need.REBUILD, step(add).need());
    assertEquals(List.of(
            "create table _autogenerate_rebuild_users (\n"
                + "  id integer primary key autoincrement,\n"
                + "  email varchar(100) not null,\n"
                + "  name varchar(50),\n"
                + "  age integer,\n"
                + "  legacy text,\n"
                + "  nickname varchar(30) not null\n"
                + ")",
            "insert into _autogenerate_rebuild_users (id, email, name, age, legacy)"
                + " select id, email, name, age, legacy from users",
            "delete from sqlite_sequence where name = '_autogenerate_rebuild_users'",
            "update sqlite_sequence set name = '_autogenerate_rebuild_users' where name = 'users' collate nocase",
            "drop table users",
            "alter table _autogenerate_rebuild_users rename to users",
            "create index ix_users_name on users (name)",
            "create index ix_users_legacy on users (legacy)"),
        statements(add));
  }

  @Test
  void renamesRunOnTheirOwnNeverByARebuildWhichWouldLoseTheData() {
    assertEquals(List.of("alter table users rename to people"), statements(new RenameTable("users", "people")));
    assertEquals(SqliteStep.Need.OWN, step(new RenameTable("users", "people")).need());
    assertEquals(List.of("alter table users rename column name to full_name"),
        statements(new RenameColumn("users", "name", "full_name")));
    assertEquals(SqliteStep.Need.OWN, step(new RenameColumn("users", "name", "full_name")).need());
  }

  @Test
  void aRenamedColumnWhoseTypeChangesIsRenamedThenTheTableRebuiltUnderTheNewName() {
    List<String> statements = withoutGuard(sqlite.statements(List.of(new RenameColumn("users", "name", "full_name"),
        AlterColumn.of("users", "full_name", List.of(ColumnChange.type(SqlType.varchar(80))))), BEFORE));
    assertEquals("alter table users rename column name to full_name", statements.get(0));
    assertEquals("insert into _autogenerate_rebuild_users (id, email, full_name, age, legacy)"
        + " select id, email, full_name, age, legacy from users", statements.get(2));
    assertEquals("create index ix_users_name on users (full_name)", statements.get(statements.size() - 2));
  }

  @Test
  void dropColumnOfAPlainColumnIsAlterTable() {
    assertEquals(List.of("alter table users drop column age"), statements(new DropColumn("users", "age")));
    assertEquals(SqliteStep.Need.OWN_OR_REBUILD, step(new DropColumn("users", "age")).need());
  }

  @Test
  void dropColumnOfAnIndexedColumnIsARebuildWithoutItsIndex() {
    assertEquals(SqliteStep.Need.REBUILD, step(new DropColumn("users", "legacy")).need());
    assertEquals(List.of(
            "create table _autogenerate_rebuild_users (\n"
                + "  id integer primary key autoincrement,\n"
                + "  email varchar(100) not null,\n"
                + "  name varchar(50),\n"
                + "  age integer\n"
                + ")",
            "insert into _autogenerate_rebuild_users (id, email, name, age) select id, email, name, age from users",
            "delete from sqlite_sequence where name = '_autogenerate_rebuild_users'",
            "update sqlite_sequence set name = '_autogenerate_rebuild_users' where name = 'users' collate nocase",
            "drop table users",
            "alter table _autogenerate_rebuild_users rename to users",
            "create index ix_users_name on users (name)"),
        statements(new DropColumn("users", "legacy")));
  }

  @Test
  void dropColumnOfAColumnInAConstraintIsARebuild() {
    Table teams = Table.of("teams", List.<TableElement>of(
        column("id", SqlType.INTEGER).generatedAsIdentity(), primaryKey("id")));
    Table members = Table.of("members", List.<TableElement>of(
        column("id", SqlType.INTEGER).generatedAsIdentity(),
        column("team_id", SqlType.INTEGER),
        column("code", SqlType.TEXT),
        column("age", SqlType.INTEGER),
        column("note", SqlType.TEXT),
        primaryKey("id"),
        UniqueConstraint.unique("uq_members_code", "code"),
        ForeignKey.foreignKey("fk_members_team_id_teams", List.of("team_id"), "teams", List.of("id")),
        CheckConstraint.check("ck_members_age", "age > 0")));
    Schema before = Schema.of(List.of(teams, members));
    for (String column : List.of("team_id", "code", "age")) {
      assertEquals(SqliteStep.Need.REBUILD,
          new DropColumn("members", column).accept(new SqliteStatements(before)).need(), column);
    }
    assertEquals(List.of("alter table members drop column note"),
        withoutGuard(sqlite.statements(List.of(new DropColumn("members", "note")), before)));
  }

  /**
   * A check keeps the case its statement wrote a column in ({@code hitCount >= 0}), where the
   * column is read folded ({@code hitcount}): still a column the check uses, which SQLite's own
   * drop refuses.
   */
  @Test
  void dropColumnOfAColumnACheckNamesInAnotherCaseIsARebuild() {
    Table hits = Table.of("hits", List.<TableElement>of(
        column("id", SqlType.INTEGER).generatedAsIdentity(),
        column("hitcount", SqlType.INTEGER),
        primaryKey("id"),
        CheckConstraint.check("hits_check", "hitCount >= 0")));
    assertEquals(SqliteStep.Need.REBUILD,
        new DropColumn("hits", "hitcount").accept(new SqliteStatements(Schema.of(List.of(hits)))).need());
  }

  @Test
  void alterColumnIsARebuildUnlessItOnlyChangesTheComment() {
    assertEquals(List.of(), statements(new AlterColumn("users", "age", List.of(ColumnChange.setComment("years")))));
    assertEquals(SqliteStep.Need.OWN_OR_REBUILD,
        step(new AlterColumn("users", "age", List.of(ColumnChange.setComment("years")))).need());
    for (ColumnChange change : List.of(ColumnChange.type(SqlType.BIGINT), ColumnChange.setNotNull(),
        ColumnChange.setDefault("0"), ColumnChange.dropDefault())) {
      assertEquals(SqliteStep.Need.REBUILD,
          step(new AlterColumn("users", "age", List.of(change))).need(), change::describe);
      assertEquals(SqliteStep.Need.REBUILD,
          step(new AlterColumn("users", "age", List.of(change, ColumnChange.setComment("years")))).need(),
          change::describe);
    }
  }

  @Test
  void alterColumnRebuildWritesTheNewDefinition() {
    assertEquals(List.of(
            "create table _autogenerate_rebuild_users (\n"
                + "  id integer primary key autoincrement,\n"
                + "  email varchar(100) not null,\n"
                + "  name varchar(50),\n"
                + "  age bigint default (abs(-1)) not null,\n"
                + "  legacy text\n"
                + ")",
            "insert into _autogenerate_rebuild_users (id, email, name, age, legacy)"
                + " select id, email, name, age, legacy from users",
            "delete from sqlite_sequence where name = '_autogenerate_rebuild_users'",
            "update sqlite_sequence set name = '_autogenerate_rebuild_users' where name = 'users' collate nocase",
            "drop table users",
            "alter table _autogenerate_rebuild_users rename to users",
            "create index ix_users_name on users (name)",
            "create index ix_users_legacy on users (legacy)"),
        statements(new AlterColumn("users", "age", List.of(ColumnChange.type(SqlType.BIGINT),
            ColumnChange.setNotNull(), ColumnChange.setDefault("abs(-1)")))));
  }

  @Test
  void tableCommentsAreNotStored() {
    assertEquals(List.of(), statements(new SetTableComment("users", "People")));
    assertEquals(List.of(), statements(new SetTableComment("users", null)));
  }

  @Test
  void constraintsTakeARebuild() {
    AddConstraint add = new AddConstraint("users", UniqueConstraint.unique("uq_users_email", "email"));
    assertEquals(SqliteStep.Need.REBUILD, step(add).need());
    List<String> added = statements(add);
    assertEquals("create table _autogenerate_rebuild_users (\n"
        + "  id integer primary key autoincrement,\n"
        + "  email varchar(100) not null,\n"
        + "  name varchar(50),\n"
        + "  age integer,\n"
        + "  legacy text,\n"
        + "  constraint uq_users_email unique (email)\n"
        + ")", added.get(0));
    assertEquals(8, added.size(), added::toString);

    Schema withCheck = BEFORE.withTable(USERS.withConstraint(CheckConstraint.check("ck_users_age", "age >= 0")));
    DropConstraint drop = new DropConstraint("users", "ck_users_age");
    assertEquals(SqliteStep.Need.REBUILD, drop.accept(new SqliteStatements(withCheck)).need());
    List<String> dropped = withoutGuard(sqlite.statements(List.of(drop), withCheck));
    assertEquals(8, dropped.size(), dropped::toString);
    assertEquals("create table _autogenerate_rebuild_users (\n"
        + "  id integer primary key autoincrement,\n"
        + "  email varchar(100) not null,\n"
        + "  name varchar(50),\n"
        + "  age integer,\n"
        + "  legacy text\n"
        + ")", dropped.get(0));
  }

  @Test
  void indexes() {
    assertEquals(List.of("create index ix_users_age on users (age)"),
        statements(new CreateIndex("users", Index.index("ix_users_age", "age"))));
    assertEquals(List.of("create unique index ux_users_email_age on users (email, age desc)"),
        statements(new CreateIndex("users",
            Index.uniqueIndex("ux_users_email_age", IndexColumn.asc("email"), IndexColumn.desc("age")))));
    assertEquals(List.of("drop index ix_users_name"), statements(new DropIndex("users", "ix_users_name")));
    assertEquals(SqliteStep.Need.OWN_OR_REBUILD, step(new DropIndex("users", "ix_users_name")).need());
  }

  @Test
  void aSequenceIsAOneRowTableHoldingTheNextValue() {
    assertEquals(List.of("create table orders_seq (next_val bigint)",
            "insert into orders_seq (next_val) values (100)"),
        statements(new CreateSequence(Sequence.sequence("orders_seq", 100, 50))));
    assertEquals(List.of("drop table users_seq"), statements(new DropSequence("users_seq")));
    assertEquals(SqliteStep.Need.OWN, step(new DropSequence("users_seq")).need());
  }

  @Test
  void enumTypesProduceNothing() {
    assertEquals(List.of(), statements(new CreateEnumType(EnumType.enumType("kind", "A", "B"))));
    assertEquals(List.of(), statements(new AlterEnumType("status", List.of("PAID"))));
    assertEquals(List.of(), statements(new AlterEnumType("status", List.of("NEW", "SHIPPED", "PAID"))));
    assertEquals(List.of(), statements(new DropEnumType("status")));
  }

  @Test
  void rawSqlRunsAsWritten() {
    assertEquals(List.of("update users set age = 0 where age is null"),
        statements(new ExecuteSql("update users set age = 0 where age is null")));
    assertEquals(SqliteStep.Need.OWN, step(new ExecuteSql("select 1")).need());
  }

  /**
   * The statements without the guard a rebuild begins with (the same three statements each time,
   * tested on a database by SqliteKeepableGuardTest), so each test reads as the rebuild it checks.
   */
  private static List<String> withoutGuard(List<String> statements) {
    return statements.stream().filter(statement -> !statement.contains("_autogenerate_rebuild_guard")).toList();
  }
}
