package dev.autogenerate.database.sqlite;

import static dev.autogenerate.schema.Column.column;
import static dev.autogenerate.schema.PrimaryKey.primaryKey;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.autogenerate.changes.ChangeGroup;
import dev.autogenerate.database.Database;
import dev.autogenerate.operations.AddColumn;
import dev.autogenerate.operations.AddConstraint;
import dev.autogenerate.operations.AlterColumn;
import dev.autogenerate.operations.ColumnChange;
import dev.autogenerate.operations.CreateIndex;
import dev.autogenerate.operations.CreateTable;
import dev.autogenerate.operations.DropColumn;
import dev.autogenerate.operations.DropIndex;
import dev.autogenerate.operations.DropTable;
import dev.autogenerate.operations.ExecuteSql;
import dev.autogenerate.operations.Operation;
import dev.autogenerate.operations.SetTableComment;
import dev.autogenerate.schema.CheckConstraint;
import dev.autogenerate.schema.DatabaseKind;
import dev.autogenerate.schema.ForeignKey;
import dev.autogenerate.schema.Index;
import dev.autogenerate.schema.Schema;
import dev.autogenerate.schema.SqlType;
import dev.autogenerate.schema.Table;
import dev.autogenerate.schema.TableElement;
import dev.autogenerate.schema.UniqueConstraint;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * How SQLite carries out a group of changes to one table: everything {@code alter table} cannot
 * do is done by one rebuild, what a rebuild does anyway (indexes, plain columns) is folded into
 * it, and what must run on its own completes the pending rebuild first.
 */
class SqliteDatabaseStatementsTest {

  private final Database sqlite = Database.forKind(DatabaseKind.SQLITE);

  /** accounts(id identity pk, code, name, balance, status) with an index on name; a team table it may reference. */
  static final Table ACCOUNTS = new Table("accounts",
      List.of(column("id", SqlType.INTEGER).generatedAsIdentity(),
          column("code", SqlType.varchar(10)).notNull(),
          column("name", SqlType.varchar(50)),
          column("balance", SqlType.INTEGER),
          column("status", SqlType.varchar(10))),
      Optional.of(primaryKey("id")), List.of(), List.of(), List.of(),
      List.of(Index.index("ix_accounts_name", "name")), null);

  static final Table TEAMS = Table.of("teams", List.<TableElement>of(
      column("id", SqlType.INTEGER).generatedAsIdentity(), primaryKey("id")));

  static final Schema BEFORE = Schema.of(List.of(ACCOUNTS, TEAMS));

  static final AlterColumn WIDEN_CODE = new AlterColumn("accounts", "code", List.of(ColumnChange.type(SqlType.varchar(40))));
  static final AlterColumn REQUIRE_BALANCE = new AlterColumn("accounts", "balance", List.of(ColumnChange.setNotNull()));
  static final AlterColumn DEFAULT_STATUS = new AlterColumn("accounts", "status", List.of(ColumnChange.setDefault("'open'")));
  static final AddConstraint CHECK_BALANCE =
      new AddConstraint("accounts", CheckConstraint.check("ck_accounts_balance", "balance >= 0"));

  private List<String> group(Operation... operations) {
    List<ChangeGroup> groups = ChangeGroup.ofOperations(List.of(operations));
    assertEquals(1, groups.size(), "the operations are one group");
    return withoutGuard(sqlite.statements(groups.get(0), BEFORE));
  }

  private static long count(List<String> statements, String prefix) {
    return statements.stream().filter(statement -> statement.startsWith(prefix)).count();
  }

  @Test
  void threeAlteredColumnsAndANewConstraintAreOneRebuild() {
    List<String> statements = group(WIDEN_CODE, REQUIRE_BALANCE, DEFAULT_STATUS, CHECK_BALANCE);

    assertEquals(List.of(
            "create table _autogenerate_rebuild_accounts (\n"
                + "  id integer primary key autoincrement,\n"
                + "  code varchar(40) not null,\n"
                + "  name varchar(50),\n"
                + "  balance integer not null,\n"
                + "  status varchar(10) default 'open',\n"
                + "  constraint ck_accounts_balance check (balance >= 0)\n"
                + ")",
            "insert into _autogenerate_rebuild_accounts (id, code, name, balance, status)"
                + " select id, code, name, balance, status from accounts",
            "delete from sqlite_sequence where name = '_autogenerate_rebuild_accounts'",
            "update sqlite_sequence set name = '_autogenerate_rebuild_accounts' where name = 'accounts' collate nocase",
            "drop table accounts",
            "alter table _autogenerate_rebuild_accounts rename to accounts",
            "create index ix_accounts_name on accounts (name)"),
        statements);
  }

  /** A table whose key is no autoincrementing rowid alias has no high-water mark to carry over. */
  @Test
  void aTableWithoutAnAutoincrementKeyIsRebuiltInFiveSteps() {
    Table codes = new Table("codes",
        List.of(column("code", SqlType.varchar(10)).notNull(), column("label", SqlType.TEXT)),
        Optional.of(primaryKey("code")), List.of(), List.of(), List.of(),
        List.of(Index.index("ix_codes_label", "label")), null);
    List<Operation> operations = List.of(
        new AlterColumn("codes", "label", List.of(ColumnChange.setNotNull(), ColumnChange.setDefault("''"))),
        new AddConstraint("codes", CheckConstraint.check("ck_codes_code", "length(code) > 1")));

    assertEquals(List.of(
            "create table _autogenerate_rebuild_codes (\n"
                + "  code varchar(10) not null,\n"
                + "  label text default '' not null,\n"
                + "  primary key (code),\n"
                + "  constraint ck_codes_code check (length(code) > 1)\n"
                + ")",
            "insert into _autogenerate_rebuild_codes (code, label) select code, label from codes",
            "drop table codes",
            "alter table _autogenerate_rebuild_codes rename to codes",
            "create index ix_codes_label on codes (label)"),
        withoutGuard(sqlite.statements(operations, Schema.of(List.of(codes)))));
  }

  @Test
  void theRebuildCopiesOnlyTheColumnsBothShapesHave() {
    Schema before = BEFORE.withTable(ACCOUNTS.withConstraint(UniqueConstraint.unique("uq_accounts_status", "status")));
    List<Operation> operations = List.of(
        new AddColumn("accounts", column("region", SqlType.TEXT).defaultSql("'eu'").notNull()),
        new DropColumn("accounts", "status"),
        new AddColumn("accounts", column("opened", SqlType.DATE).notNull()),
        WIDEN_CODE);

    List<String> statements = withoutGuard(sqlite.statements(ChangeGroup.ofOperations(operations).get(0), before));

    assertEquals(List.of(
            // The first add can run on its own: nothing is pending yet.
            "alter table accounts add column region text default 'eu' not null",
            "create table _autogenerate_rebuild_accounts (\n"
                + "  id integer primary key autoincrement,\n"
                + "  code varchar(40) not null,\n"
                + "  name varchar(50),\n"
                + "  balance integer,\n"
                + "  region text default 'eu' not null,\n"
                + "  opened date not null\n"
                + ")",
            "insert into _autogenerate_rebuild_accounts (id, code, name, balance, region)"
                + " select id, code, name, balance, region from accounts",
            "delete from sqlite_sequence where name = '_autogenerate_rebuild_accounts'",
            "update sqlite_sequence set name = '_autogenerate_rebuild_accounts' where name = 'accounts' collate nocase",
            "drop table accounts",
            "alter table _autogenerate_rebuild_accounts rename to accounts",
            "create index ix_accounts_name on accounts (name)"),
        statements);
  }

  @Test
  void anIndexCreatedAfterARebuildingChangeIsFoldedIntoTheRebuild() {
    List<String> statements = group(WIDEN_CODE, new CreateIndex("accounts", Index.index("ix_accounts_code", "code")));

    assertEquals(1, count(statements, "create table _autogenerate_rebuild_accounts"), statements::toString);
    assertEquals(1, count(statements, "create index ix_accounts_code"), statements::toString);
    assertEquals(List.of("drop table accounts",
            "alter table _autogenerate_rebuild_accounts rename to accounts",
            "create index ix_accounts_name on accounts (name)",
            "create index ix_accounts_code on accounts (code)"),
        statements.subList(4, statements.size()));
  }

  @Test
  void anIndexCreatedBeforeARebuildingChangeRunsOnItsOwnAndIsRecreatedByTheRebuild() {
    List<String> statements = group(new CreateIndex("accounts", Index.index("ix_accounts_code", "code")), WIDEN_CODE);

    assertEquals("create index ix_accounts_code on accounts (code)", statements.get(0));
    assertEquals(1, count(statements, "create table _autogenerate_rebuild_accounts"), statements::toString);
    assertEquals(List.of("drop table accounts",
            "alter table _autogenerate_rebuild_accounts rename to accounts",
            "create index ix_accounts_name on accounts (name)",
            "create index ix_accounts_code on accounts (code)"),
        statements.subList(5, statements.size()));
  }

  @Test
  void anIndexDroppedInTheGroupIsNotRecreated() {
    List<String> folded = group(WIDEN_CODE, new DropIndex("accounts", "ix_accounts_name"));
    assertEquals(0, count(folded, "drop index"), folded::toString);
    assertEquals(0, count(folded, "create index"), folded::toString);
    assertEquals(6, folded.size(), folded::toString);

    List<String> first = group(new DropIndex("accounts", "ix_accounts_name"), WIDEN_CODE);
    assertEquals("drop index ix_accounts_name", first.get(0));
    assertEquals(0, count(first, "create index"), first::toString);
    assertEquals(7, first.size(), first::toString);
  }

  @Test
  void plainColumnsAndCommentsAreFoldedIntoAPendingRebuild() {
    List<String> statements = group(WIDEN_CODE,
        new AddColumn("accounts", column("region", SqlType.TEXT)),
        new DropColumn("accounts", "name"),
        new SetTableComment("accounts", "Customer accounts"),
        new AlterColumn("accounts", "code", List.of(ColumnChange.setComment("the account's code"))));

    assertEquals(List.of(
            "create table _autogenerate_rebuild_accounts (\n"
                + "  id integer primary key autoincrement,\n"
                + "  code varchar(40) not null,\n"
                + "  balance integer,\n"
                + "  status varchar(10),\n"
                + "  region text\n"
                + ")",
            "insert into _autogenerate_rebuild_accounts (id, code, balance, status)"
                + " select id, code, balance, status from accounts",
            "delete from sqlite_sequence where name = '_autogenerate_rebuild_accounts'",
            "update sqlite_sequence set name = '_autogenerate_rebuild_accounts' where name = 'accounts' collate nocase",
            "drop table accounts",
            "alter table _autogenerate_rebuild_accounts rename to accounts"),
        statements);
  }

  @Test
  void withoutARebuildingChangeNothingIsRebuilt() {
    List<String> statements = group(new AddColumn("accounts", column("region", SqlType.TEXT)),
        new CreateIndex("accounts", Index.index("ix_accounts_region", "region")),
        new DropColumn("accounts", "balance"),
        new AlterColumn("accounts", "code", List.of(ColumnChange.setComment("the account's code"))));

    assertEquals(List.of("alter table accounts add column region text",
            "create index ix_accounts_region on accounts (region)",
            "alter table accounts drop column balance"),
        statements);
  }

  @Test
  void aDropOfTheTableCompletesThePendingRebuildFirst() {
    List<String> statements = group(WIDEN_CODE, new DropTable("accounts"));

    assertEquals(8, statements.size(), statements::toString);
    assertEquals(1, count(statements, "create table _autogenerate_rebuild_accounts"), statements::toString);
    assertEquals(List.of("drop table accounts", "alter table _autogenerate_rebuild_accounts rename to accounts",
            "create index ix_accounts_name on accounts (name)", "drop table accounts"),
        statements.subList(4, 8));
  }

  @Test
  void aTableCreatedAndThenConstrainedInOneGroupIsRebuiltAfterItsCreation() {
    Table fresh = Table.of("notes", List.<TableElement>of(
        column("id", SqlType.INTEGER).generatedAsIdentity(), column("team_id", SqlType.INTEGER), primaryKey("id")));
    List<Operation> operations = List.of(new CreateTable(fresh),
        new AddConstraint("notes", ForeignKey.foreignKey("fk_notes_team_id_teams", List.of("team_id"), "teams",
            List.of("id"))));

    List<String> statements = withoutGuard(sqlite.statements(operations, BEFORE));

    assertEquals(List.of("create table notes (\n  id integer primary key autoincrement,\n  team_id integer\n)",
            "create table _autogenerate_rebuild_notes (\n"
                + "  id integer primary key autoincrement,\n"
                + "  team_id integer,\n"
                + "  constraint fk_notes_team_id_teams foreign key (team_id) references teams (id)\n"
                + ")",
            "insert into _autogenerate_rebuild_notes (id, team_id) select id, team_id from notes",
            "delete from sqlite_sequence where name = '_autogenerate_rebuild_notes'",
            "update sqlite_sequence set name = '_autogenerate_rebuild_notes' where name = 'notes' collate nocase",
            "drop table notes",
            "alter table _autogenerate_rebuild_notes rename to notes"),
        statements);
  }

  /**
   * Raw SQL between changes to one table splits them into two groups: the SQL must see the table
   * as the first changes left it, so the table is rebuilt before it and again after it, and the
   * second rebuild starts from the shape the first one made.
   */
  @Test
  void rawSqlBetweenChangesToOneTableRunsBetweenTwoRebuilds() {
    List<Operation> operations = List.of(
        new AlterColumn("accounts", "balance", List.of(ColumnChange.setDefault("0"))),
        new ExecuteSql("update accounts set balance = 0 where balance is null"),
        REQUIRE_BALANCE);
    assertEquals(3, ChangeGroup.ofOperations(operations).size());

    List<String> statements = withoutGuard(sqlite.statements(operations, BEFORE));

    assertEquals(List.of(
            "create table _autogenerate_rebuild_accounts (\n"
                + "  id integer primary key autoincrement,\n"
                + "  code varchar(10) not null,\n"
                + "  name varchar(50),\n"
                + "  balance integer default 0,\n"
                + "  status varchar(10)\n"
                + ")",
            "insert into _autogenerate_rebuild_accounts (id, code, name, balance, status)"
                + " select id, code, name, balance, status from accounts",
            "delete from sqlite_sequence where name = '_autogenerate_rebuild_accounts'",
            "update sqlite_sequence set name = '_autogenerate_rebuild_accounts' where name = 'accounts' collate nocase",
            "drop table accounts",
            "alter table _autogenerate_rebuild_accounts rename to accounts",
            "create index ix_accounts_name on accounts (name)",
            "update accounts set balance = 0 where balance is null",
            "create table _autogenerate_rebuild_accounts (\n"
                + "  id integer primary key autoincrement,\n"
                + "  code varchar(10) not null,\n"
                + "  name varchar(50),\n"
                + "  balance integer default 0 not null,\n"
                + "  status varchar(10)\n"
                + ")",
            "insert into _autogenerate_rebuild_accounts (id, code, name, balance, status)"
                + " select id, code, name, balance, status from accounts",
            "delete from sqlite_sequence where name = '_autogenerate_rebuild_accounts'",
            "update sqlite_sequence set name = '_autogenerate_rebuild_accounts' where name = 'accounts' collate nocase",
            "drop table accounts",
            "alter table _autogenerate_rebuild_accounts rename to accounts",
            "create index ix_accounts_name on accounts (name)"),
        statements);
  }

  @Test
  void changesToTwoTablesAreTwoGroupsEachRebuiltOnce() {
    List<Operation> operations = List.of(WIDEN_CODE, REQUIRE_BALANCE,
        new AddColumn("teams", column("name", SqlType.TEXT).notNull()),
        new AddConstraint("teams", UniqueConstraint.unique("uq_teams_name", "name")));

    List<String> statements = withoutGuard(sqlite.statements(operations, BEFORE));

    assertEquals(1, count(statements, "create table _autogenerate_rebuild_accounts"), statements::toString);
    assertEquals(1, count(statements, "create table _autogenerate_rebuild_teams"), statements::toString);
    assertEquals(List.of("drop table accounts", "drop table teams"),
        statements.stream().filter(statement -> statement.startsWith("drop table")).toList());
    assertEquals("create table _autogenerate_rebuild_teams (\n"
            + "  id integer primary key autoincrement,\n"
            + "  name text not null,\n"
            + "  constraint uq_teams_name unique (name)\n"
            + ")",
        statements.stream().filter(statement -> statement.startsWith("create table _autogenerate_rebuild_teams"))
            .findFirst().orElseThrow());
    assertEquals("insert into _autogenerate_rebuild_teams (id) select id from teams",
        statements.stream().filter(statement -> statement.startsWith("insert into _autogenerate_rebuild_teams"))
            .findFirst().orElseThrow());
  }

  /**
   * The statements without the guard a rebuild begins with (the same three statements each time,
   * tested on a database by SqliteKeepableGuardTest), so each test reads as the rebuild it checks.
   */
  private static List<String> withoutGuard(List<String> statements) {
    return statements.stream().filter(statement -> !statement.contains("_autogenerate_rebuild_guard")).toList();
  }
}
