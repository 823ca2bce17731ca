package dev.autogenerate.compare;

import dev.autogenerate.operations.AlterEnumType;
import dev.autogenerate.operations.CreateEnumType;
import dev.autogenerate.operations.DropEnumType;
import dev.autogenerate.schema.EnumType;
import dev.autogenerate.schema.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Named enum types: created, given new values in place, or taken through the safe recipe when a
 * value goes or the order changes (where the order matters to the entities, {@link
 * EnumType#orderMatters}); dropped once no entity uses them. A type a mapped column declares
 * ({@code columnDefinition = "order_status"}, a legacy type) is in use, though the entities do
 * not list it: it is never dropped, and its values are the database's own.
 */
final class EnumTypeComparator implements SchemaElementComparator {

  @Override
  public void compareNewAndChanged(Schema current, Schema wanted, PlanBuilder plan, Optional<Schema> recorded) {
    for (EnumType type : wanted.enumTypes().values()) {
      Optional<EnumType> existing = current.enumType(type.name());
      if (existing.isEmpty()) {
        // As the written migration will create it: a database's type always has an order.
        plan.first(new CreateEnumType(new EnumType(type.name(), type.values())), null);
        continue;
      }
      List<String> before = existing.get().values();
      List<String> after = valuesToHave(existing.get(), type);
      if (!before.equals(after)) {
        AlterEnumType alter = new AlterEnumType(type.name(), after);
        plan.first(alter, alter.onlyAddsValuesTo(before)
            ? "enum " + type.name() + ": new values " + added(before, after)
            : "enum " + type.name() + ": values removed or reordered " + before + " -> " + after
                + "; the columns are converted through text, which fails (and rolls back) if a row holds a removed value");
      }
    }
  }

  @Override
  public void compareDropped(Schema current, Schema wanted, PlanBuilder plan, Optional<Schema> recorded) {
    for (EnumType type : current.enumTypes().values()) {
      if (wanted.enumType(type.name()).isEmpty() && !declaredByAColumn(wanted, type.name())) {
        plan.last(new DropEnumType(type.name()), "enum type " + type.name() + " is no longer used by any entity");
      }
    }
  }

  /**
   * The values the database's type is to have: the entities', in their order where it matters.
   * Where it does not ({@code NAMED_ENUM}: Hibernate lists the names sorted), a database type in
   * another order (a legacy one) keeps its order, since its rows sort and compare by it: the values
   * that stay keep their places and new ones go last. A type in the entities' order (the tool's
   * own) takes new values where the entities put them, as Hibernate would create it.
   */
  private static List<String> valuesToHave(EnumType existing, EnumType wanted) {
    if (wanted.orderMatters()) {
      return wanted.values();
    }
    List<String> kept = existing.values().stream().filter(wanted.values()::contains).toList();
    if (wanted.values().stream().filter(kept::contains).toList().equals(kept)) {
      return wanted.values();
    }
    List<String> values = new ArrayList<>(kept);
    wanted.values().stream().filter(value -> !kept.contains(value)).forEach(values::add);
    return values;
  }

  /** Whether a column of the entities is of the type, or an array of it. */
  private static boolean declaredByAColumn(Schema wanted, String typeName) {
    return wanted.tables().values().stream().flatMap(table -> table.columns().stream())
        .anyMatch(column -> typeName.equals(column.type().rawElementName()));
  }

  private static List<String> added(List<String> before, List<String> after) {
    return after.stream().filter(value -> !before.contains(value)).toList();
  }
}
