package dev.autogenerate.compare;

import static dev.autogenerate.schema.Column.column;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogenerate.changes.Change;
import dev.autogenerate.operations.AddColumn;
import dev.autogenerate.operations.AddConstraint;
import dev.autogenerate.operations.AlterColumn;
import dev.autogenerate.operations.ColumnChange;
import dev.autogenerate.operations.CreateIndex;
import dev.autogenerate.operations.CreateTable;
import dev.autogenerate.operations.DropColumn;
import dev.autogenerate.operations.DropConstraint;
import dev.autogenerate.operations.DropTable;
import dev.autogenerate.operations.ExecuteSql;
import dev.autogenerate.operations.RenameColumn;
import dev.autogenerate.operations.RenameTable;
import dev.autogenerate.schema.CheckConstraint;
import dev.autogenerate.schema.ForeignKey;
import dev.autogenerate.schema.Index;
import dev.autogenerate.schema.IndexColumn;
import dev.autogenerate.schema.PrimaryKey;
import dev.autogenerate.schema.Schema;
import dev.autogenerate.schema.SqlType;
import dev.autogenerate.schema.Table;
import dev.autogenerate.schema.UniqueConstraint;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which steps may destroy data or fail on rows: decided from schema values alone. */
class RisksTest {

  private static final Schema CURRENT = Schema.of(List.of(new Table("users", List.of(
      column("id", SqlType.BIGINT).notNull(),
      column("name", SqlType.varchar(255)),
      column("bio", SqlType.TEXT),
      column("score", SqlType.INTEGER),
      column("price", SqlType.numeric(10, 2)),
      column("ratio", SqlType.DOUBLE),
      column("seen_at", SqlType.TIMESTAMP_TZ)),
      Optional.of(PrimaryKey.primaryKey("id").named("users_pkey")))), List.of(), List.of());

  private static List<Risk.Kind> kinds(Change... changes) {
    return Risks.of(CURRENT, List.of(changes)).stream().map(Risk::kind).toList();
  }

  private static Change type(String column, SqlType type) {
    return Change.of(new AlterColumn("users", column, List.of(ColumnChange.type(type))));
  }

  @Test
  void wideningIsSafe() {
    assertEquals(List.of(), kinds(type("name", SqlType.varchar(300)), type("name", SqlType.TEXT),
        type("score", SqlType.BIGINT), type("price", SqlType.numeric(12, 2))));
  }

  /**
   * A number in a text long enough for its longest value cannot fail, yet it was warned of as "one
   * that does not convert fails the revision", with every row counted: noise a reviewer learns to skip.
   */
  @Test
  void aTextThatHoldsEveryValueIsNoRisk() {
    assertEquals(List.of(), kinds(type("score", SqlType.varchar(255))));
    assertEquals(List.of(), kinds(type("score", SqlType.varchar(11)), type("id", SqlType.varchar(20)),
        type("price", SqlType.TEXT), type("ratio", SqlType.TEXT)));
    assertEquals(List.of(Risk.Kind.CONVERTED), kinds(type("score", SqlType.varchar(10))), "-2147483648 does not fit");
    // A decimal's longest text, -99999999.99, fits twelve characters, not eleven.
    assertEquals(List.of(), kinds(type("price", SqlType.varchar(12))));
    assertEquals(List.of(Risk.Kind.CONVERTED), kinds(type("price", SqlType.varchar(11))));
    assertEquals(List.of(Risk.Kind.CONVERTED), kinds(type("seen_at", SqlType.TEXT)), "its text follows the session");
  }

  @Test
  void narrowingAndConvertingAreRisky() {
    assertEquals(List.of(Risk.Kind.NARROWED), kinds(type("name", SqlType.varchar(10))));
    assertEquals(List.of(Risk.Kind.NARROWED), kinds(type("bio", SqlType.varchar(80))));
    // With a time zone or without: nothing fails, each value is read in the session's zone.
    assertEquals(List.of(Risk.Kind.TIME_ZONE), kinds(type("seen_at", SqlType.TIMESTAMP)));
    // A number type of a smaller range fails on the values out of it, which are what is counted.
    assertEquals(List.of(Risk.Kind.OUT_OF_RANGE), kinds(type("score", SqlType.SMALLINT)));
    assertEquals(List.of(Risk.Kind.OUT_OF_RANGE), kinds(type("price", SqlType.numeric(5, 2))));
    // Every integer fits ten digits, not every one nine.
    assertEquals(List.of(), kinds(type("score", SqlType.numeric(10, 0))));
    assertEquals(List.of(Risk.Kind.OUT_OF_RANGE), kinds(type("score", SqlType.numeric(9, 0))));
    // A text made a whole number: the texts that do not read as one are what is counted.
    assertEquals(List.of(Risk.Kind.TEXT_TO_INTEGER, Risk.Kind.TEXT_REWRITTEN), kinds(type("name", SqlType.INTEGER)));
    // A text made a UUID or a boolean, which it holds whole or not at all: the same.
    assertEquals(List.of(Risk.Kind.TEXT_CONVERTED), kinds(type("name", SqlType.UUID)));
    assertEquals(List.of(Risk.Kind.TEXT_CONVERTED), kinds(type("name", SqlType.BOOLEAN)));
    // A text made a decimal: the texts that fail, and apart from them those its scale rounds, silently.
    assertEquals(List.of(Risk.Kind.TEXT_TO_DECIMAL, Risk.Kind.TEXT_REWRITTEN, Risk.Kind.TEXT_ROUNDED),
        kinds(type("name", SqlType.numeric(10, 2))));
    assertEquals(2, Risks.of(CURRENT, List.of(type("name", SqlType.numeric(10, 2)))).get(2).limit());
    assertEquals(List.of(Risk.Kind.TEXT_TO_DECIMAL, Risk.Kind.TEXT_REWRITTEN), kinds(type("name", SqlType.NUMERIC)),
        "an unbounded one rounds none");
    // Others are counted whole (a date's forms follow the session's DateStyle), and what a date,
    // a time or a float keeps less of than the text held, apart.
    assertEquals(List.of(Risk.Kind.CONVERTED, Risk.Kind.TEXT_ROUNDED), kinds(type("name", SqlType.DATE)));
    assertEquals(List.of(Risk.Kind.CONVERTED, Risk.Kind.TEXT_ROUNDED), kinds(type("name", SqlType.DOUBLE)));
    assertEquals(3, Risks.of(CURRENT, List.of(type("name", SqlType.timestamp(3)))).get(1).limit());
    assertEquals(10, Risks.of(CURRENT, List.of(type("name", SqlType.varchar(10)))).get(0).limit());
  }

  /**
   * PostgreSQL takes these without an error, cutting each value to fit: fewer decimals, whole
   * numbers, a float's precision, fewer fractional seconds, a timestamp's date. Only the warning
   * keeps the loss from being silent. Where a value may also be too large for the new type, that
   * fails, and the step is out of range too (one warning each, not a rounding that fails nothing
   * beside a conversion that may fail on every row).
   */
  @Test
  void roundingIsToldApartFromAConversionThatFails() {
    List<Risk.Kind> rounded = List.of(Risk.Kind.ROUNDED);
    List<Risk.Kind> roundedOrTooLarge = List.of(Risk.Kind.ROUNDED, Risk.Kind.OUT_OF_RANGE);
    assertEquals(rounded, kinds(type("price", SqlType.numeric(10, 1))));
    assertEquals(rounded, kinds(type("price", SqlType.numeric(12, 0))));
    assertEquals(rounded, kinds(type("price", SqlType.INTEGER)));
    assertEquals(roundedOrTooLarge, kinds(type("price", SqlType.numeric(5, 1))));
    assertEquals(roundedOrTooLarge, kinds(type("price", SqlType.SMALLINT)));
    assertEquals(roundedOrTooLarge, kinds(type("ratio", SqlType.INTEGER)));
    assertEquals(roundedOrTooLarge, kinds(type("ratio", SqlType.REAL)));
    assertEquals(roundedOrTooLarge, kinds(type("ratio", SqlType.numeric(8, 2))));
    assertEquals(rounded, kinds(type("score", SqlType.REAL)));
    assertEquals(rounded, kinds(type("seen_at", SqlType.DATE)));
    assertEquals(rounded, kinds(type("seen_at", SqlType.timestampTz(0))));
    // Fewer integer digits, no fewer decimals: only a value too large fails.
    assertEquals(List.of(Risk.Kind.OUT_OF_RANGE), kinds(type("price", SqlType.numeric(10, 3))));
    assertEquals(List.of(Risk.Kind.OUT_OF_RANGE), kinds(type("score", SqlType.numeric(4, 2))));
    assertEquals(List.of(), kinds(type("price", SqlType.numeric(14, 2)), type("score", SqlType.DOUBLE),
        type("seen_at", SqlType.timestampTz(6))));
    Risk toTenths = Risks.of(CURRENT, List.of(type("price", SqlType.numeric(10, 1)))).get(0);
    assertEquals(1, toTenths.limit(), "the decimals the count rounds to");
  }

  @Test
  void dropsNotNullAndNewKeysAreRisky() {
    assertEquals(List.of(Risk.Kind.DROPPED_COLUMN, Risk.Kind.NOT_NULL, Risk.Kind.NOT_NULL_WITHOUT_DEFAULT,
            Risk.Kind.UNIQUE, Risk.Kind.DROPPED_TABLE),
        kinds(Change.of(new DropColumn("users", "bio")),
            Change.of(new AlterColumn("users", "name", List.of(ColumnChange.setNotNull()))),
            Change.of(new AddColumn("users", column("age", SqlType.INTEGER).notNull())),
            Change.of(new CreateIndex("users", Index.uniqueIndex("ux_users_score", IndexColumn.asc("score")))),
            Change.of(new DropTable("users"))));
    assertEquals(List.of(), kinds(Change.of(new AddColumn("users", column("nickname", SqlType.TEXT))),
        Change.of(new AlterColumn("users", "id", List.of(ColumnChange.setNotNull())))));
  }

  @Test
  void aTableTheSameUpgradeCreatesHoldsNoRows() {
    Table orders = new Table("orders", List.of(column("id", SqlType.BIGINT).notNull()), Optional.empty());
    assertEquals(List.of(), kinds(Change.of(new CreateTable(orders)),
        Change.of(new AddColumn("orders", column("total", SqlType.INTEGER).notNull()))));
  }

  /**
   * A column the upgrade adds without a default is null in every row there: a unique constraint,
   * a foreign key or Hibernate's enum check over it cannot fail on them (adding a many-to-one,
   * the commonest change, was warned of and stopped --strict). Filled by raw SQL, or with a
   * default, the rows hold values again, and the risks stand.
   */
  @Test
  void constraintsOverAColumnTheUpgradeAddsWithoutADefaultFailOnNoRow() {
    Change team = Change.of(new AddColumn("users", column("team_id", SqlType.BIGINT)));
    Change level = Change.of(new AddColumn("users", column("level", SqlType.varchar(10))));
    Change references = Change.of(new AddConstraint("users", ForeignKey.foreignKey("fk_users_team_id_teams",
        List.of("team_id"), "teams", List.of("id"))));
    Change unique = Change.of(new AddConstraint("users", UniqueConstraint.unique("uk_users_team_id", "team_id")));
    Change enumCheck = Change.of(new AddConstraint("users",
        CheckConstraint.check("ck_users_level", "level in ('LOW','HIGH')")));
    Change uniqueIndex = Change.of(new CreateIndex("users", new Index("ux_users_level",
        List.of(IndexColumn.asc("level")), true, null)));

    assertEquals(List.of(), kinds(team, level, references, unique, enumCheck, uniqueIndex));
    assertEquals(List.of(Risk.Kind.FOREIGN_KEY, Risk.Kind.UNIQUE), kinds(team,
        Change.of(new ExecuteSql("update users set team_id = 1")), references, unique));
    assertEquals(List.of(Risk.Kind.CHECK), kinds(Change.of(new AddColumn("users",
        column("level", SqlType.varchar(10)).defaultSql("'NONE'"))), enumCheck));
    // A check of another shape may reject a null.
    assertEquals(List.of(Risk.Kind.CHECK), kinds(level, Change.of(new AddConstraint("users",
        CheckConstraint.check("ck_users_level_set", "level is not null")))));
  }

  /**
   * Found by a user test: a unique widened from (name) to (name, score) was warned of, "duplicates
   * fail the revision", with a count of 0: rows unique on name are unique on (name, score) too. A
   * key of the database's on some of the columns (the primary key included) holds them unique.
   */
  @Test
  void aUniqueOnColumnsTheDatabaseHoldsUniqueAlreadyIsNoRisk() {
    Schema unique = CURRENT.withTable(CURRENT.requireTable("users")
        .withConstraint(UniqueConstraint.unique("uq_users_name", "name")));
    Change drop = Change.of(new DropConstraint("users", "uq_users_name"));
    Change widened = Change.of(new AddConstraint("users", UniqueConstraint.unique("uq_users_name", "name", "score")));
    Change byIndex = Change.of(new CreateIndex("users", new Index("ux_users_id_name",
        List.of(IndexColumn.asc("name"), IndexColumn.asc("id")), true, null)));

    assertEquals(List.of(), Risks.of(unique, List.of(drop, widened, byIndex)));
    assertEquals(List.of(Risk.Kind.UNIQUE), Risks.of(unique, List.of(Change.of(new AddConstraint("users",
        UniqueConstraint.unique("uq_users_score", "score"))))).stream().map(Risk::kind).toList());
    assertEquals(List.of(Risk.Kind.UNIQUE), kinds(widened));
    // A key's column whose type the upgrade changed first (a scale cut merges values) holds nothing.
    Change narrowed = Change.of(new AlterColumn("users", "name", List.of(ColumnChange.type(SqlType.varchar(3)))));
    assertTrue(Risks.of(unique, List.of(drop, narrowed, widened)).stream().map(Risk::kind).toList()
        .contains(Risk.Kind.UNIQUE));
  }

  /**
   * An enum gaining a value drops Hibernate's check and adds it again with one value more: no row
   * the old one let in can fail, yet it was warned of with a count of none.
   */
  @Test
  void aCheckWidenedWhereTheSameStepsDroppedTheOldOneIsNoRisk() {
    Schema checked = CURRENT.withTable(CURRENT.requireTable("users").withConstraint(
        CheckConstraint.check("ck_users_name", "((name)::text = ANY ((ARRAY['A'::character varying])::text[]))")));
    Change drop = Change.of(new DropConstraint("users", "ck_users_name"));

    assertEquals(List.of(), Risks.of(checked, List.of(drop,
        Change.of(new AddConstraint("users", CheckConstraint.check("ck_users_name", "name in ('A','B')"))))));
    assertEquals(List.of(Risk.Kind.CHECK), Risks.of(checked, List.of(drop,
        Change.of(new AddConstraint("users", CheckConstraint.check("ck_users_name", "name in ('B')")))))
        .stream().map(Risk::kind).toList());
    // Without the drop before it, the old check stands beside the new one: nothing is known of the rows.
    assertEquals(List.of(Risk.Kind.CHECK), kinds(
        Change.of(new AddConstraint("users", CheckConstraint.check("ck_users_name", "name in ('A','B')")))));
  }

  /**
   * An enum stored by ordinal becoming stored by name: the new check, counted before the type
   * changes, compares the old numbers with names, which PostgreSQL refuses ("the database refused
   * the count"); it says why instead.
   */
  @Test
  void aCheckOverAColumnWhoseTypeTheRevisionChangesSaysWhyItIsNotCounted() {
    List<Risk> risks = Risks.of(CURRENT, List.of(type("score", SqlType.varchar(255)),
        Change.of(new AddConstraint("users", CheckConstraint.check("ck_users_score", "score in ('LOW','HIGH')")))));

    assertEquals(List.of(Risk.Kind.CHECK), risks.stream().map(Risk::kind).toList(), risks::toString);
    assertEquals(Optional.of("it names column score, whose type the revision changes before this step"),
        risks.get(0).uncountable());
  }

  /**
   * A check over a column the revision makes (an @OrderColumn's pos, with a default) cannot be
   * counted before it runs: it said "the database refused the count", where a key over the same
   * column said why.
   */
  @Test
  void aCheckOverAColumnTheRevisionMakesSaysWhyItIsNotCounted() {
    List<Risk> risks = Risks.of(CURRENT, List.of(
        Change.of(new AddColumn("users", column("pos", SqlType.INTEGER).defaultSql("0"))),
        Change.of(new AddConstraint("users", CheckConstraint.check("ck_users_pos", "pos >= 0 and score > 0")))));

    assertEquals(1, risks.size(), risks::toString);
    assertEquals(List.of("score", "pos"), risks.get(0).columns(), "in the table's order");
    assertEquals(Optional.of("it names column pos, which the revision makes before this step"), risks.get(0).uncountable());
  }

  @Test
  void rowsAreCountedUnderTheNamesTheDatabaseHasBeforeTheUpgradeRenamesThem() {
    List<Risk> risks = Risks.of(CURRENT, List.of(
        Change.of(new RenameTable("users", "people")),
        Change.of(new RenameColumn("people", "name", "full_name")),
        type("full_name", SqlType.varchar(10)).withOperation(
            new AlterColumn("people", "full_name", List.of(ColumnChange.type(SqlType.varchar(10))))),
        Change.of(new DropColumn("people", "bio"))));

    assertEquals(List.of(Risk.Kind.NARROWED, Risk.Kind.DROPPED_COLUMN), risks.stream().map(Risk::kind).toList());
    assertEquals("users", risks.get(0).table());
    assertEquals(List.of("name"), risks.get(0).columns());
    assertEquals("users", risks.get(1).table());
    assertEquals(List.of("bio"), risks.get(1).columns());
    assertEquals("alter column people.full_name: type varchar(10): values longer than the new length fail the revision",
        risks.get(0).describe());
  }
}
