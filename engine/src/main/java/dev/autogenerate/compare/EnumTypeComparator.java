package dev.autogenerate.compare;

import dev.autogenerate.operations.AlterEnumType;
import dev.autogenerate.operations.CreateEnumType;
import dev.autogenerate.operations.DropEnumType;
import dev.autogenerate.schema.EnumType;
import dev.autogenerate.schema.Schema;
import java.util.List;
import java.util.Optional;

/**
 * Named enum types: created, given new values in place, or taken through the safe recipe when a
 * value goes or the order changes; dropped once no entity uses them.
 */
final class EnumTypeComparator implements SchemaElementComparator {

  @Override
  public void compareNewAndChanged(Schema current, Schema wanted, PlanBuilder plan, Optional<Schema> recorded) {
    for (EnumType type : wanted.enumTypes().values()) {
      Optional<EnumType> existing = current.enumType(type.name());
      if (existing.isEmpty()) {
        plan.first(new CreateEnumType(type), null);
      } else if (!existing.get().values().equals(type.values())) {
        AlterEnumType alter = new AlterEnumType(type.name(), type.values());
        List<String> before = existing.get().values();
        plan.first(alter, alter.onlyAddsValuesTo(before)
            ? "enum " + type.name() + ": new values " + added(before, type.values())
            : "enum " + type.name() + ": values removed or reordered " + before + " -> " + type.values()
                + "; the columns are converted through text, which fails (and rolls back) if a row holds a removed value");
      }
    }
  }

  @Override
  public void compareDropped(Schema current, Schema wanted, PlanBuilder plan, Optional<Schema> recorded) {
    for (EnumType type : current.enumTypes().values()) {
      if (wanted.enumType(type.name()).isEmpty()) {
        plan.last(new DropEnumType(type.name()), "enum type " + type.name() + " is no longer used by any entity");
      }
    }
  }

  private static List<String> added(List<String> before, List<String> after) {
    return after.stream().filter(value -> !before.contains(value)).toList();
  }
}
