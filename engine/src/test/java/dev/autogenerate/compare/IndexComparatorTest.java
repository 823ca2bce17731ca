package dev.autogenerate.compare;

import static dev.autogenerate.compare.CompareTesting.operations;
import static dev.autogenerate.compare.CompareTesting.run;
import static dev.autogenerate.compare.CompareTesting.uq;
import static dev.autogenerate.inspect.InspectorTesting.col;
import static dev.autogenerate.inspect.InspectorTesting.table;
import static dev.autogenerate.schema.Index.index;
import static dev.autogenerate.schema.Index.uniqueIndex;
import static dev.autogenerate.schema.Index.verbatim;
import static dev.autogenerate.schema.IndexColumn.asc;
import static dev.autogenerate.schema.IndexColumn.desc;
import static dev.autogenerate.schema.SqlType.TEXT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogenerate.changes.Change;
import dev.autogenerate.compare.CompareTesting.Staged;
import dev.autogenerate.operations.CreateIndex;
import dev.autogenerate.operations.DropIndex;
import dev.autogenerate.schema.Schema;
import dev.autogenerate.schema.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class IndexComparatorTest {

  private static final String PARTIAL = "CREATE INDEX ix_users_active ON public.users USING btree (email) WHERE (active)";

  private static Table users(Object... indexes) {
    List<Object> parts = new ArrayList<>(List.of(col("email", TEXT), col("name", TEXT), col("active", TEXT)));
    parts.addAll(List.of(indexes));
    return table("users", parts.toArray());
  }

  private static Staged compare(Table existing, Table wanted) {
    return run(new IndexComparator(false), existing, wanted);
  }

  private static Staged compareDroppingUnmapped(Table existing, Table wanted) {
    return run(new IndexComparator(true), existing, wanted);
  }

  @Test
  void sameIndexUnderAnotherNameChangesNothing() {
    assertTrue(compare(users(index("users_email_name_idx", "email", "name")), users(index("ix_users_email_name", "email", "name")))
        .isEmpty());
    assertTrue(compare(users(uniqueIndex("a", asc("email"), desc("name"))), users(uniqueIndex("b", asc("email"), desc("name"))))
        .isEmpty());
  }

  /**
   * Found by a user test: an index the migrations made, reordered here by hand, was dropped and
   * made again (right), and called missing from this database, with the advice to make it by hand
   * and leave it out of the migration (wrong: it is there, in another shape).
   */
  @Test
  void anIndexChangedByHandIsMadeAgainAndNotCalledMissing() {
    Table made = users(index("ix_users_email_name", "email", "name"));
    Table reordered = users(index("ix_users_email_name", desc("name"), asc("email")));
    Schema recorded = Schema.of(List.of(made), List.of(), List.of());

    MigrationPlan plan = new SchemaComparison(CompareTesting.POSTGRES).compare(
        Schema.of(List.of(reordered), List.of(), List.of()), recorded, Optional.of(recorded));

    assertEquals(List.of(new DropIndex("users", "ix_users_email_name"),
        new CreateIndex("users", index("ix_users_email_name", "email", "name"))),
        plan.upgradeChanges().stream().map(Change::operation).toList());
    assertEquals(List.of(), plan.warnings());
  }

  /**
   * Found by a user test: an index made by hand on a developer's SQLite database, on a column the
   * upgrade drops, went into the downgrade (made from that database) without a word, and a
   * downgrade created it in production, which never had it. Two earlier user tests had lost such
   * indexes for good: the step stays, saying whose index it is, for the reviewer to keep or delete.
   */
  @Test
  void theDowngradeOfADroppedColumnSaysWhichIndexOnlyThisDatabaseHad() {
    Table made = users(index("ix_users_name", "name"));
    Table here = users(index("ix_users_name", "name"), index("ix_by_hand", "name", "email"));
    Table wanted = table("users", col("email", TEXT), col("active", TEXT));

    MigrationPlan plan = new SchemaComparison(CompareTesting.POSTGRES).compare(
        Schema.of(List.of(here), List.of(), List.of()), Schema.of(List.of(wanted), List.of(), List.of()),
        Optional.of(Schema.of(List.of(made), List.of(), List.of())));

    List<Change> created = plan.downgradeChanges().stream().filter(change -> change.operation() instanceof CreateIndex)
        .toList();
    assertEquals(2, created.size(), created::toString);
    assertEquals(null, created.stream().filter(change -> change.operation().describe().contains("ix_users_name"))
        .findFirst().orElseThrow().reason());
    assertTrue(created.stream().filter(change -> change.operation().describe().contains("ix_by_hand")).findFirst()
        .orElseThrow().reason().startsWith("index ix_by_hand was made by hand in the database this migration was made"
            + " from"), created::toString);
  }

  @Test
  void newIndexIsCreatedAfterTheColumns() {
    Staged staged = compare(users(), users(index("ix_users_email", "email")));

    assertEquals(List.of(new CreateIndex("users", index("ix_users_email", "email"))), operations(staged.afterColumns()));
    assertEquals(1, staged.operations().size());
  }

  @Test
  void indexOnlyInTheDatabaseIsANoticeAndLeftAlone() {
    Staged staged = compare(users(index("ix_legacy", "name", "email")), users());

    assertEquals(List.of(), staged.operations());
    assertEquals(List.of("index ix_legacy on users [name, email] exists only in the database, and is its own (no"
        + " migration created it): left alone (set"
        + " compare.drop-unmapped-indexes=true to drop such indexes)"), staged.notices());
    assertEquals(List.of(), staged.warnings());
  }

  @Test
  void indexOnlyInTheDatabaseIsDroppedBeforeTheColumnsWhenAskedTo() {
    Staged staged = compareDroppingUnmapped(users(index("ix_legacy", "name")), users());

    assertEquals(List.of(new DropIndex("users", "ix_legacy")), operations(staged.beforeColumns()));
    assertEquals(1, staged.operations().size());
    assertEquals("index ix_legacy is not in the mapping", staged.beforeColumns().get(0).reason());
    assertEquals(List.of(), staged.notices());
  }

  @Test
  void partialOrExpressionIndexIsANoticeAndNeverDropped() {
    String notice = "index ix_users_active on users is partial or on expressions, which no mapping expresses: left alone";

    Staged staged = compare(users(verbatim("ix_users_active", false, PARTIAL)), users());
    Staged dropping = compareDroppingUnmapped(users(verbatim("ix_users_active", false, PARTIAL)), users());

    assertEquals(List.of(notice), staged.notices());
    assertEquals(List.of(), staged.operations());
    assertEquals(List.of(notice), dropping.notices());
    assertEquals(List.of(), dropping.operations());
  }

  /**
   * Found by a user test: the partial index a baseline created (adopting a database) was noted at
   * every check, and check --strict could never pass. A migration made it: nothing to say.
   */
  @Test
  void aPartialIndexTheMigrationsCreatedIsNotNoted() {
    Table partial = users(verbatim("ix_users_active", false, PARTIAL));
    Schema schema = Schema.of(List.of(partial), List.of(), List.of());

    MigrationPlan plan = new SchemaComparison(CompareTesting.POSTGRES).compare(schema, Schema.of(List.of(users()),
        List.of(), List.of()), Optional.of(schema));

    assertEquals(List.of(), plan.notices());
    assertTrue(plan.isEmpty(), plan::toString);
  }

  @Test
  void expressionIndexTheMappingDeclaresMatchesByName() {
    Table existing = users(verbatim("ix_users_lower_email", false, "CREATE INDEX ix_users_lower_email ON users (lower(email))"));
    Table wanted = users(verbatim("IX_USERS_LOWER_EMAIL", false, "(lower(email))"));

    assertTrue(compare(existing, wanted).isEmpty());
  }

  @Test
  void otherColumnOrderOrDirectionOrUniquenessIsAnotherIndex() {
    Table existing = users(index("ix_a", "email", "name"));

    assertEquals(List.of(new CreateIndex("users", index("ix_b", "name", "email"))),
        compare(existing, users(index("ix_b", "name", "email"))).operations());
    assertEquals(List.of(new DropIndex("users", "ix_a"), new CreateIndex("users", index("ix_b", asc("email"), desc("name")))),
        compareDroppingUnmapped(existing, users(index("ix_b", asc("email"), desc("name")))).operations());
    assertEquals(List.of(new DropIndex("users", "ix_a"), new CreateIndex("users", uniqueIndex("ix_b", asc("email"), asc("name")))),
        compareDroppingUnmapped(existing, users(uniqueIndex("ix_b", asc("email"), asc("name")))).operations());
  }

  @Test
  void uniqueIndexInTheDatabaseStandsInForAUniqueConstraint() {
    Staged staged = compareDroppingUnmapped(users(uniqueIndex("users_email_idx", asc("email"))),
        users(uq("uq_users_email", "email")));

    assertTrue(staged.isEmpty(), staged::toString);
  }

  @Test
  void uniqueConstraintInTheDatabaseStandsInForAUniqueIndex() {
    Staged staged = compare(users(uq("users_email_key", "email")), users(uniqueIndex("ux_users_email", asc("email"))));

    assertTrue(staged.isEmpty(), staged::toString);
  }

  @Test
  void aUniqueConstraintDoesNotStandInForADescendingUniqueIndex() {
    Staged staged = compare(users(uq("users_email_key", "email")), users(uniqueIndex("ux_users_email", desc("email"))));

    assertEquals(List.of(new CreateIndex("users", uniqueIndex("ux_users_email", desc("email")))), staged.operations());
  }

  @Test
  void aDescendingUniqueIndexInTheDatabaseEnforcesAWantedUniqueConstraint() {
    // The keys take it for the constraint and add none: dropping it as unmapped would lose the uniqueness.
    Table existing = users(uniqueIndex("users_email_idx", desc("email")));
    Table wanted = users(uq("uq_users_email", "email"));

    assertTrue(compareDroppingUnmapped(existing, wanted).isEmpty(), () -> compareDroppingUnmapped(existing, wanted).toString());
    assertTrue(run(new KeyComparator(), existing, wanted).isEmpty());
  }
}
