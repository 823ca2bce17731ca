package dev.autogenerate.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogenerate.migration.Migration;
import dev.autogenerate.migration.Operations;
import dev.autogenerate.operations.ColumnChange;
import dev.autogenerate.schema.Column;
import dev.autogenerate.schema.SqlType;
import dev.autogenerate.schema.Table;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The history as a graph, without a database: its order, heads and branch points, where a
 * database is, and what each target names there.
 *
 * <pre>
 *   p -- a -- m        (m merges a and b)
 *    \       /
 *     b ----
 * </pre>
 */
class RevisionHistoryTest {

  private static final Migration NOTHING = new Migration() {
    @Override
    public void upgrade(Operations op) {}

    @Override
    public void downgrade(Operations op) {}
  };

  private static MigrationScript script(String id, String... parents) {
    return new MigrationScript(id, List.of(parents), "msg " + id, "", NOTHING, "M_" + id + ".java");
  }

  private static final MigrationScript P = script("p");
  private static final MigrationScript A = script("a", "p");
  private static final MigrationScript B = script("b", "p");
  private static final MigrationScript M = script("m", "a", "b");

  private static List<String> ids(List<MigrationScript> scripts) {
    return scripts.stream().map(MigrationScript::id).toList();
  }

  @Test
  void parentsComeBeforeChildrenWhateverTheGivenOrder() {
    RevisionHistory history = RevisionHistory.of(List.of(M, B, A, P));

    assertEquals(List.of("p", "b", "a", "m"), ids(history.revisions()), "ties keep the given order");
    assertEquals(List.of("m"), ids(history.heads()));
    assertEquals(List.of("p"), ids(history.branchPoints()));
    assertEquals(List.of("b", "a"), ids(history.children("p")));
    assertEquals(Set.of("p", "a", "b", "m"), history.ancestors(List.of("m")));
    assertEquals(Set.of("a", "b", "m"), history.descendants("p"));
    assertEquals(List.of("m", "b", "a", "p"), ids(RevisionHistory.of(List.of(P, A, B, M)).newestFirst()));
  }

  @Test
  void twoHeadsAreNamedWithTheFixWhereOneIsNeeded() {
    RevisionHistory history = RevisionHistory.of(List.of(P, A, B));

    assertEquals(List.of("a", "b"), ids(history.heads()));
    assertEquals("2 heads: a (msg a), b (msg b)", history.describeHeads());
    UserError error = assertThrows(UserError.class, () -> history.singleHead("run merge"));
    assertEquals("2 heads: a (msg a), b (msg b); run merge", error.getMessage());
    UserError upgrade = assertThrows(UserError.class,
        () -> RevisionTargets.toApply(history, "head", history.appliedAt(List.of("p"))));
    assertTrue(upgrade.getMessage().startsWith("2 heads: a (msg a), b (msg b); run autogenerate merge -m"),
        upgrade.getMessage());
    assertTrue(upgrade.getMessage().contains("autogenerate upgrade heads"), upgrade.getMessage());
  }

  @Test
  void brokenGraphsAreOneLineErrors() {
    assertTrue(assertThrows(UserError.class, () -> RevisionHistory.of(List.of(P, script("x", "nowhere"))))
        .getMessage().startsWith("M_x.java revises nowhere, which no migration defines"));
    assertTrue(assertThrows(UserError.class, () -> RevisionHistory.of(List.of(P, script("x", "y"), script("y", "x"))))
        .getMessage().startsWith("these migrations revise each other in a cycle: M_x.java, M_y.java"));
    assertTrue(assertThrows(UserError.class, () -> RevisionHistory.of(List.of(P, script("p"))))
        .getMessage().startsWith("revision id p is used by both"));
    assertTrue(assertThrows(UserError.class, () -> script("x", "x")).getMessage().contains("revises itself"));
    assertTrue(assertThrows(UserError.class, () -> script("x", "p", "p")).getMessage().contains("names a parent twice"));
  }

  @Test
  void whereADatabaseIsAndHowEachStepMovesIt() {
    RevisionHistory history = RevisionHistory.of(List.of(P, A, B, M));

    AppliedRevisions both = history.appliedAt(List.of("b", "a"));
    assertEquals(List.of("a", "b"), both.heads());
    assertEquals(Set.of("p", "a", "b"), both.ids());
    assertTrue(both.canApply(M));
    assertFalse(history.appliedAt(List.of("a")).canApply(M), "a merge waits for all its parents");
    AppliedRevisions merged = history.afterApplying(both, M);
    assertEquals(List.of("m"), merged.heads());
    assertFalse(merged.canRevert(A), "a revision something applied revises stays");
    assertEquals(both, history.afterReverting(merged, M), "reverting a merge leaves both parents");
    assertEquals(List.of("a"), history.afterReverting(both, B).heads());
    assertEquals(List.of("p"), history.afterReverting(history.appliedAt(List.of("a")), A).heads());
    assertEquals("a (msg a), b (msg b)", history.describe(both));
    assertEquals("base", history.describe(history.appliedAt(List.of())));
    assertTrue(assertThrows(UserError.class, () -> history.appliedAt(List.of("gone"))).getMessage()
        .startsWith("the database is at revision gone, which no migration defines"));
  }

  /**
   * Applying a revision is worked out from the heads alone: for every state a history with two
   * branches, a merge and a branch off a branch can be in, and every revision applicable there,
   * the result is the state of the applied set worked out whole.
   */
  @Test
  void applyingFromTheHeadsGivesWhatTheWholeAppliedSetGives() {
    MigrationScript c = script("c", "a");
    MigrationScript n = script("n", "m", "c");
    MigrationScript d = script("d", "b");
    RevisionHistory history = RevisionHistory.of(List.of(P, A, B, M, c, n, d));
    List<AppliedRevisions> states = new ArrayList<>(List.of(history.appliedAt(List.of())));
    int checked = 0;
    for (int i = 0; i < states.size(); i++) {
      AppliedRevisions state = states.get(i);
      for (MigrationScript next : history.revisions()) {
        if (!state.canApply(next)) {
          continue;
        }
        Set<String> ids = new HashSet<>(state.ids());
        ids.add(next.id());
        AppliedRevisions after = history.afterApplying(state, next);
        assertEquals(history.appliedExactly(ids), after, () -> state + " then " + next.id());
        checked++;
        if (!states.contains(after)) {
          states.add(after);
        }
      }
    }
    assertTrue(checked > 20, "states reached: " + states.size());
    assertTrue(states.stream().anyMatch(state -> state.heads().size() == 3), "three heads at once were reached");
  }

  @Test
  void upgradeTargetsOnABranchingHistory() {
    RevisionHistory history = RevisionHistory.of(List.of(P, A, B, M));
    AppliedRevisions atP = history.appliedAt(List.of("p"));

    assertEquals(Set.of("p", "a", "b", "m"), RevisionTargets.toApply(history, "head", atP));
    assertEquals(Set.of("p", "a", "b", "m"), RevisionTargets.toApply(history, "heads", atP));
    assertEquals(Set.of("p", "a"), RevisionTargets.toApply(history, "+1", atP));
    assertEquals(Set.of("p", "a", "b"), RevisionTargets.toApply(history, "+2", atP));
    assertEquals(Set.of("p", "b"), RevisionTargets.toApply(history, "b", atP));
    assertTrue(assertThrows(UserError.class, () -> RevisionTargets.toApply(history, "+4", atP)).getMessage()
        .startsWith("cannot move +4 from p (msg p): 3 revision(s) are not applied yet"));
    // A revision applied already is reached: nothing more to apply, no step back.
    assertEquals(Set.of("p"), RevisionTargets.toApply(history, "p", history.appliedAt(List.of("a"))));
  }

  @Test
  void downgradeTargetsOnABranchingHistory() {
    RevisionHistory history = RevisionHistory.of(List.of(P, A, B, M));
    AppliedRevisions atM = history.appliedAt(List.of("m"));

    assertEquals(Set.of("m"), RevisionTargets.toRevert(history, "-1", atM));
    assertEquals(Set.of("m", "b"), RevisionTargets.toRevert(history, "-2", atM));
    assertEquals(Set.of("m", "a", "b"), RevisionTargets.toRevert(history, "p", atM));
    assertEquals(Set.of("m"), RevisionTargets.toRevert(history, "a", atM), "b is not a's: it stays");
    assertEquals(Set.of("p", "a", "b", "m"), RevisionTargets.toRevert(history, "base", atM));
    assertEquals(Set.of(), RevisionTargets.toRevert(history, "head", atM));
    AppliedRevisions atA = history.appliedAt(List.of("a"));
    assertTrue(assertThrows(UserError.class, () -> RevisionTargets.toRevert(history, "b", atA)).getMessage()
        .startsWith("revision b is not applied (the database is at a (msg a)): use upgrade"));
    assertTrue(assertThrows(UserError.class, () -> RevisionTargets.toRevert(history, "-3", atA)).getMessage()
        .startsWith("cannot move -3 from a (msg a): 2 revision(s) are applied"));
  }

  @Test
  void revisionsAreNamedByUniquePrefixOfFourCharactersOrMore() {
    RevisionHistory history = RevisionHistory.of(List.of(script("abc123"), script("abd234", "abc123"), script("0f8d",
        "abd234")));

    assertEquals("abd234", history.resolveRevision("abd2").id());
    assertEquals("0f8d", history.resolveRevision("head").id());
    assertEquals("0f8d", history.resolveRevision("0f8d").id(), "a whole id, however short");
    assertTrue(assertThrows(UserError.class, () -> history.resolveRevision("zzzz")).getMessage()
        .startsWith("unknown revision 'zzzz'"));
    RevisionHistory alike = RevisionHistory.of(List.of(script("abcd1"), script("abcd2", "abcd1")));
    assertTrue(assertThrows(UserError.class, () -> alike.resolveRevision("abcd")).getMessage()
        .startsWith("revision prefix 'abcd' is ambiguous (abcd1 (msg abcd1), abcd2 (msg abcd2))"));
    // Found by a user test: `downgrade 0` reverted four revisions, 0 the prefix of 0f8d7e51af6f.
    for (String tooShort : List.of("0", "ab", "0f8")) {
      assertEquals("'" + tooShort + "' names no revision: give at least 4 characters of its id (`autogenerate history`"
              + " lists them), base, head, or a step count such as -1",
          assertThrows(UserError.class, () -> history.resolveRevision(tooShort)).getMessage());
    }
    AppliedRevisions atHead = history.appliedAt(List.of("0f8d"));
    assertEquals("'-0' moves no revision: give a step count such as -1 or +1",
        assertThrows(UserError.class, () -> RevisionTargets.toRevert(history, "-0", atHead)).getMessage());
    assertEquals("'+0' moves no revision: give a step count such as -1 or +1",
        assertThrows(UserError.class, () -> RevisionTargets.toApply(history, "+0", atHead)).getMessage());
    // Found by the review of this session's fixes: an overflow, a parse failure, a step the wrong way.
    assertEquals("'-2147483648' is more steps than any history has: give a step count such as -1 or +1",
        assertThrows(UserError.class, () -> RevisionTargets.toRevert(history, "-2147483648", atHead)).getMessage());
    assertEquals("'-99999999999999999999' is more steps than any history has: give a step count such as -1 or +1",
        assertThrows(UserError.class, () -> RevisionTargets.toRevert(history, "-99999999999999999999", atHead))
            .getMessage());
    assertEquals("'+1' is a step forward: use upgrade +1",
        assertThrows(UserError.class, () -> RevisionTargets.toRevert(history, "+1", atHead)).getMessage());
    assertEquals("'-1' is a step back: use downgrade -1",
        assertThrows(UserError.class, () -> RevisionTargets.toApply(history, "-1", atHead)).getMessage());
  }

  @Test
  void aRevisionAnnotationIsReadFromSourceText() {
    RevisionSourceText.Header merge = RevisionSourceText.read("""
        /** @Revision in a comment is not it. */
        @dev.autogenerate.migration.Revision(
            id = "m3", // the merge
            revises = {"a1", /* and */ "b2"},
            message = "say \\"hi\\" \\u00e9",
            created = "2026-01-01T00:00:00Z"
        )
        public final class M implements Migration {}
        """.replace("/** @Revision in a comment is not it. */\n", "")).orElseThrow();
    assertEquals(new RevisionSourceText.Header("m3", List.of("a1", "b2"), "say \"hi\" \u00e9", "2026-01-01T00:00:00Z"),
        merge);
    assertEquals(List.of("p"), RevisionSourceText.read("@Revision(id = \"x\", revises = \"p\")").orElseThrow().parents());
    assertEquals(List.of(), RevisionSourceText.read("@Revision(id = \"x\", revises = \"\")").orElseThrow().parents());
    assertTrue(RevisionSourceText.read("@Revision(id = ID)").isEmpty());
    assertTrue(RevisionSourceText.read("@Revision(revises = \"p\")").isEmpty());
    assertTrue(RevisionSourceText.read("class M {}").isEmpty());
  }

  /**
   * An operation on what no migration created (here a column raw SQL added) is passed over by the
   * replay a comparison reads, which keeps the rest; an offline script's replay refuses it.
   */
  @Test
  void anOperationThatDoesNotApplyIsPassedOverButNotByTheStrictReplay() {
    MigrationScript create = new MigrationScript("c", List.of(), "kits", "", new Migration() {
      @Override
      public void upgrade(Operations op) {
        op.createTable("kits", Column.column("id", SqlType.BIGINT).notNull());
        op.execute("alter table kits add column extra varchar(5)");
      }

      @Override
      public void downgrade(Operations op) {}
    }, "M_c.java");
    MigrationScript widen = new MigrationScript("w", List.of("c"), "wider", "", new Migration() {
      @Override
      public void upgrade(Operations op) {
        op.alterColumn("kits", "extra", ColumnChange.type(SqlType.varchar(6)));
        op.addColumn("kits", Column.column("name", SqlType.TEXT));
      }

      @Override
      public void downgrade(Operations op) {}
    }, "M_w.java");
    RevisionHistory history = RevisionHistory.of(List.of(create, widen));
    AppliedRevisions applied = history.appliedAt(List.of("w"));

    Table kits = history.replay(applied).requireTable("kits");
    assertEquals(List.of("id", "name"), kits.columns().stream().map(Column::name).toList());
    assertTrue(history.replayStrictly(applied).isEmpty());
    assertTrue(history.replayStrictly(history.appliedAt(List.of("c"))).isPresent());
  }
}
