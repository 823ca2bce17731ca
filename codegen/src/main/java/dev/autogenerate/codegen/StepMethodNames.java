package dev.autogenerate.codegen;

import dev.autogenerate.changes.ChangeGroup;
import dev.autogenerate.operations.CreateEnumType;
import dev.autogenerate.operations.CreateSequence;
import dev.autogenerate.operations.CreateTable;
import dev.autogenerate.operations.DropEnumType;
import dev.autogenerate.operations.DropSequence;
import dev.autogenerate.operations.DropTable;
import dev.autogenerate.operations.ExecuteSql;
import dev.autogenerate.operations.Operation;
import dev.autogenerate.operations.RenameTable;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Names the methods a large migration is split into, one per group of changes: a verb for what
 * the group does and its subject in camel case ({@code createOrderItems}, {@code alterUsers},
 * {@code dropSalesOrders}, {@code executeSql}). Names are handed out in order and never twice:
 * subjects that read alike once sanitised ({@code order_items}, {@code "Order Items"}) and a
 * subject changed twice get {@code 2}, {@code 3}... So the names depend on the steps alone, and
 * the same steps get the same names.
 */
final class StepMethodNames {

  private final Set<String> taken = new HashSet<>();

  /**
   * @param reserved names the class uses already and a step method must not take: {@code
   *     upgrade}, {@code downgrade}, and the statically imported factories, which a method of
   *     the same name would shadow
   */
  StepMethodNames(Set<String> reserved) {
    taken.addAll(reserved);
  }

  /** A new name for the method running {@code group}. */
  String next(ChangeGroup group) {
    Operation first = group.operations().get(0);
    return unique(verb(group.operations()) + subjectWords(group.subject(), first));
  }

  /** A new name built on {@code base}: it, or it followed by the first free number from 2. */
  String unique(String base) {
    String name = base;
    for (int n = 2; !taken.add(name); n++) {
      name = base + n;
    }
    return name;
  }

  /**
   * What the group does, by its weightiest step: a group that creates its subject creates it
   * (its indexes and keys come with it), one that drops it drops it (the indexes go first).
   */
  private static String verb(List<Operation> operations) {
    if (operations.stream().anyMatch(step ->
        step instanceof CreateTable || step instanceof CreateSequence || step instanceof CreateEnumType)) {
      return "create";
    }
    if (operations.stream().anyMatch(step ->
        step instanceof DropTable || step instanceof DropSequence || step instanceof DropEnumType)) {
      return "drop";
    }
    Operation first = operations.get(0);
    if (first instanceof RenameTable) {
      return "rename";
    }
    if (first instanceof ExecuteSql) {
      return "execute";
    }
    return "alter";
  }

  /**
   * The subject in camel case, ASCII letters and digits only: every other character separates
   * words ({@code sales.order_items} is {@code SalesOrderItems}), a word in capitals reads as a
   * word ({@code ORDERS} is {@code Orders}). A subject with nothing left names its kind instead.
   */
  static String subjectWords(String subject, Operation first) {
    StringBuilder words = new StringBuilder();
    if (subject != null) {
      for (String word : subject.split("[^A-Za-z0-9]+")) {
        if (word.isEmpty()) {
          continue;
        }
        String rest = word.substring(1);
        if (rest.equals(rest.toUpperCase(Locale.ROOT))) {
          rest = rest.toLowerCase(Locale.ROOT);
        }
        words.append(Character.toUpperCase(word.charAt(0))).append(rest);
      }
    }
    if (!words.isEmpty()) {
      return words.toString();
    }
    if (first instanceof ExecuteSql) {
      return "Sql";
    }
    if (first instanceof CreateSequence || first instanceof DropSequence) {
      return "Sequence";
    }
    if (first instanceof CreateEnumType || first instanceof DropEnumType) {
      return "Type";
    }
    return "Table";
  }
}
