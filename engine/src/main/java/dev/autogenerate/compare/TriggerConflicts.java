package dev.autogenerate.compare;

import dev.autogenerate.changes.Change;
import dev.autogenerate.operations.AlterColumn;
import dev.autogenerate.operations.DropColumn;
import dev.autogenerate.operations.DropTable;
import dev.autogenerate.operations.DropView;
import dev.autogenerate.operations.Operation;
import dev.autogenerate.operations.RenameColumn;
import dev.autogenerate.operations.RenameTable;
import dev.autogenerate.schema.Schema;
import dev.autogenerate.schema.Trigger;
import dev.autogenerate.schema.ViewUses;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiPredicate;

/**
 * The database's triggers that the upgrade would break. A trigger on a view the upgrade drops (to
 * create it again around a change) goes with the view, silently, on both databases. On
 * PostgreSQL, a trigger's statement names the columns of its table it depends on (its
 * {@code UPDATE OF} list, its {@code WHEN} condition), which PostgreSQL refuses to drop or retype:
 * the revision would fail when applied; and its PL/pgSQL function uses columns of its row
 * ({@code new.note}), which PostgreSQL lets a revision drop or rename, after which every write the
 * trigger fires for fails. On SQLite, whose trigger statements
 * hold their bodies, more: a trigger using a column the upgrade drops makes SQLite refuse the
 * drop ("error in trigger ... after drop column"), so the revision would fail when applied; one
 * on another table that only assigns the column ({@code update orders set note = ...}) SQLite
 * lets through, and the trigger fails the statement that next fires it, long after the review;
 * one naming a view the upgrade drops breaks if the view is gone while a table is rebuilt or
 * renamed (SQLite refuses the rename), or comes back with a query lacking what it reads. The diff
 * cannot rewrite a trigger: it stops before writing the migration with a {@link
 * DependencyConflict} naming the trigger and the fix.
 *
 * <p>A SQLite trigger is read by name, as a view's query is ({@code ViewUses}): a word that is
 * the name of something else may count too, which errs on the side of stopping; {@code new.note}
 * and {@code old.note} are the trigger's own row's columns, and a word where only a column can
 * stand is no table.
 */
final class TriggerConflicts {

  private TriggerConflicts() {}

  /**
   * @param bodiesInStatements whether trigger statements hold their bodies ({@link
   *     ComparisonRules#triggerStatementsHoldTheirBodies}), so that what they name counts
   * @throws DependencyConflict for the first trigger that a step of {@code upgrade} breaks
   */
  static void check(Schema current, List<Change> upgrade, boolean bodiesInStatements) {
    if (current.triggers().isEmpty()) {
      return;
    }
    if (!bodiesInStatements) {
      checkDefinitions(current, upgrade);
      return;
    }
    // A table goes with its triggers, and SQLite drops a table whatever a trigger names: so a
    // trigger on a table the upgrade drops, sooner or later, breaks no table drop. A column drop
    // it does break while its table is still there (the walk's schema loses the trigger with it).
    Set<String> droppedTables = new HashSet<>();
    for (Change change : upgrade) {
      if (change.operation() instanceof DropTable drop) {
        droppedTables.add(drop.table().toLowerCase(Locale.ROOT));
      }
    }
    Schema schema = current;
    for (Change change : upgrade) {
      Operation operation = change.operation();
      for (Trigger trigger : schema.triggers().values()) {
        Optional<String> broken;
        if (operation instanceof DropView drop && trigger.isOn(drop.name())) {
          broken = Optional.of("is on view " + drop.name() + ", which this migration drops (and the database the"
              + " trigger with it)");
        } else if (operation instanceof DropTable && droppedTables.contains(trigger.table().toLowerCase(Locale.ROOT))) {
          broken = Optional.empty();
        } else {
          broken = brokenBody(operation, trigger);
        }
        if (broken.isPresent()) {
          throw conflict(trigger, broken.get());
        }
      }
      schema = operation.applyTo(schema);
    }
  }

  /**
   * What the step does to a PostgreSQL trigger, when it breaks it: its statement names the columns
   * of its own table it depends on ({@code UPDATE OF note}, {@code WHEN (new.amount > 0)}), and
   * PostgreSQL refuses to drop such a column or change its type; its PL/pgSQL function uses
   * columns of its row ({@code new.note}), which PostgreSQL lets a migration drop or rename, and
   * the function then fails every write the trigger fires for. Renames it follows.
   */
  private static void checkDefinitions(Schema current, List<Change> upgrade) {
    // Each table's triggers by the table's name now, which a rename moves; each column's name
    // now by its name in the trigger's statement (PostgreSQL rewrites the statement on a rename).
    Map<String, List<Trigger>> triggersOn = new HashMap<>();
    current.triggers().values().forEach(trigger ->
        triggersOn.computeIfAbsent(trigger.table(), table -> new ArrayList<>()).add(trigger));
    Map<String, Map<String, String>> statementNames = new HashMap<>();
    for (Change change : upgrade) {
      Operation operation = change.operation();
      if (operation instanceof RenameTable rename) {
        Optional.ofNullable(triggersOn.remove(rename.from())).ifPresent(moved -> triggersOn.put(rename.to(), moved));
        Optional.ofNullable(statementNames.remove(rename.from())).ifPresent(moved -> statementNames.put(rename.to(), moved));
      } else if (operation instanceof RenameColumn rename) {
        Map<String, String> names = statementNames.computeIfAbsent(rename.table(), table -> new HashMap<>());
        usingInFunction(triggersOn, statementNames, rename.table(), rename.from()).ifPresent(trigger -> {
          throw functionConflict(trigger, "runs a function that uses column " + rename.table() + "." + rename.from()
              + " of its row (new." + names.getOrDefault(rename.from(), rename.from()) + "), which this migration renames"
              + " to " + rename.to() + " (PostgreSQL does not rewrite the function, and every write the trigger fires for"
              + " would then fail)");
        });
        names.put(rename.to(), names.getOrDefault(rename.from(), rename.from()));
      } else if (operation instanceof DropTable drop) {
        triggersOn.remove(drop.table());
      } else if (operation instanceof DropView drop) {
        List<Trigger> onView = triggersOn.getOrDefault(drop.name(), List.of());
        if (!onView.isEmpty()) {
          throw conflict(onView.get(0), "is on view " + drop.name() + ", which this migration drops (and the"
              + " database the trigger with it)");
        }
      } else if (operation instanceof DropColumn drop) {
        dependent(triggersOn, statementNames, drop.table(), drop.column()).ifPresent(trigger -> {
          throw conflict(trigger, "names column " + drop.table() + "." + drop.column() + ", which this migration"
              + " drops (PostgreSQL refuses while the trigger depends on it)");
        });
        usingInFunction(triggersOn, statementNames, drop.table(), drop.column()).ifPresent(trigger -> {
          throw functionConflict(trigger, "runs a function that uses column " + drop.table() + "." + drop.column()
              + " of its row, which this migration drops (PostgreSQL lets the drop through, and every write the trigger"
              + " fires for would then fail)");
        });
        namingInFunction(current, drop.table(), drop.column()).ifPresent(trigger -> {
          throw functionConflict(trigger, "runs a function that names table " + drop.table() + " and its column "
              + drop.column() + ", which this migration drops (PostgreSQL lets the drop through, and every write the"
              + " trigger fires for would then fail where the function uses it)");
        });
      } else if (operation instanceof AlterColumn alter && alter.newType().isPresent()) {
        dependent(triggersOn, statementNames, alter.table(), alter.column()).ifPresent(trigger -> {
          throw conflict(trigger, "names column " + alter.table() + "." + alter.column() + ", whose type this"
              + " migration changes (PostgreSQL refuses to change the type of a column a trigger uses)");
        });
      }
    }
  }

  /**
   * The first trigger whose function names the table as a table ({@code insert into audit_log})
   * and the column other than as a field of its own row: an audit trigger on orders writing
   * {@code audit_log.row_id}, whose drop a user test found made every order's insert fail. Read by
   * name, as a SQLite trigger is: a word that is the name of something else counts too, which errs
   * on the side of stopping.
   */
  private static Optional<Trigger> namingInFunction(Schema current, String table, String column) {
    Set<String> ownRows = Set.of("new", "old");
    return current.triggers().values().stream()
        .filter(trigger -> !trigger.functionBody().isEmpty()
            && ViewUses.namesAsRelation(trigger.functionBody(), table, ownRows)
            && ViewUses.namesOtherThanOf(trigger.functionBody(), column, ownRows))
        .findFirst();
  }

  /** The first trigger on the table whose statement depends on the column, under the name it gives it. */
  private static Optional<Trigger> dependent(Map<String, List<Trigger>> triggersOn,
      Map<String, Map<String, String>> statementNames, String table, String column) {
    return firstUsing(triggersOn, statementNames, table, column,
        (trigger, named) -> ViewUses.names(columnsDependedOn(trigger.sql()), named));
  }

  /**
   * The first trigger on the table whose function uses the column of its row, under the name the
   * function gives it: the name it had when the function was written, which no rename changes.
   */
  private static Optional<Trigger> usingInFunction(Map<String, List<Trigger>> triggersOn,
      Map<String, Map<String, String>> statementNames, String table, String column) {
    return firstUsing(triggersOn, statementNames, table, column, Trigger::functionUsesRowColumn);
  }

  /**
   * The first trigger on the table that {@code uses} the column, under the name the database gives
   * it now, before the renames earlier in this migration.
   */
  private static Optional<Trigger> firstUsing(Map<String, List<Trigger>> triggersOn,
      Map<String, Map<String, String>> statementNames, String table, String column,
      BiPredicate<Trigger, String> uses) {
    String named = statementNames.getOrDefault(table, Map.of()).getOrDefault(column, column);
    return triggersOn.getOrDefault(table, List.of()).stream().filter(trigger -> uses.test(trigger, named)).findFirst();
  }

  /**
   * A trigger whose function breaks: creating the trigger again with the same function would stop
   * the same way, so the fix is the function (or the trigger gone).
   */
  private static DependencyConflict functionConflict(Trigger trigger, String broken) {
    return new DependencyConflict("trigger " + trigger.name() + " " + broken + ": change its function first (a"
        + " migration with op.execute(\"create or replace function ...\") that no longer uses the column, or"
        + " op.execute(\"drop trigger if exists " + javaText(trigger.name()) + "\")), upgrade, then run -m again;"
        + " a rename and the function's new text can also go together in a migration written by hand");
  }

  private static DependencyConflict conflict(Trigger trigger, String broken) {
    return new DependencyConflict("trigger " + trigger.name() + " " + broken + ": change or drop the trigger first (a"
        + " migration with op.execute(\"drop trigger if exists " + javaText(trigger.name()) + "\") and, if it is"
        + " still wanted, its new create trigger), upgrade, then run -m again");
  }

  /**
   * The parts of a PostgreSQL trigger's definition ({@code pg_get_triggerdef}, one line, keywords
   * in capitals) that name the columns it depends on: the list after {@code UPDATE OF} and the
   * {@code WHEN} condition. Not its name, its table, its keywords, nor the function it executes,
   * whose names are no dependency (a trigger named note on orders holds no column note).
   */
  static String columnsDependedOn(String definition) {
    StringBuilder parts = new StringBuilder();
    int updateOf = definition.indexOf(" UPDATE OF ");
    if (updateOf >= 0) {
      int from = updateOf + " UPDATE OF ".length();
      int on = definition.indexOf(" ON ", from);
      int or = definition.indexOf(" OR ", from);
      int to = or >= 0 && (on < 0 || or < on) ? or : on;
      parts.append(definition, from, to < 0 ? definition.length() : to).append(' ');
    }
    int when = definition.indexOf(" WHEN (");
    if (when >= 0) {
      int execute = definition.lastIndexOf(" EXECUTE ");
      parts.append(definition, when + " WHEN ".length(), execute > when ? execute : definition.length());
    }
    return parts.toString();
  }

  /** What the step does to what a trigger's body names, when it breaks it. */
  private static Optional<String> brokenBody(Operation operation, Trigger trigger) {
    if (operation instanceof DropColumn drop && trigger.namesColumnOf(drop.table(), drop.column())) {
      return Optional.of("names column " + drop.table() + "." + drop.column() + ", which this migration drops");
    }
    if (operation instanceof DropTable drop && trigger.namesRelation(drop.table())) {
      return Optional.of("names table " + drop.table() + ", which this migration drops");
    }
    if (operation instanceof DropView drop && trigger.namesRelation(drop.name())) {
      return Optional.of("names view " + drop.name() + ", which this migration drops (SQLite refuses to rebuild or"
          + " rename a table while a trigger names a missing view, and a view created again with a new query may"
          + " lack what the trigger reads)");
    }
    return Optional.empty();
  }

  /** A text as it stands between a Java string literal's quotes. */
  private static String javaText(String text) {
    return text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\r", "\\r");
  }
}
