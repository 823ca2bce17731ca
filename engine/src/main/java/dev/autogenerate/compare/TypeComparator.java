package dev.autogenerate.compare;

import dev.autogenerate.operations.ColumnChange;
import dev.autogenerate.schema.Column;
import dev.autogenerate.schema.SqlType;
import java.util.Optional;

/** A column's type, as the database tells types apart ({@link ComparisonRules#sameType}). */
final class TypeComparator {

  private final ComparisonRules rules;

  TypeComparator(ComparisonRules rules) {
    this.rules = rules;
  }

  /**
   * @param recorded the column as the applied migrations left it, when they made it: where the
   *     database stores two types alike, the type they gave it still tells them apart
   */
  Optional<ColumnDifference> compare(Column was, Column wanted, Optional<Column> recorded) {
    if (rules.sameType(was.type(), wanted.type(), wanted.identity() && was.identity())) {
      // In the type's meaning, not its words: a migration's timestamp(6) is the entities' timestamp.
      SqlType recordedType = recorded.map(column -> column.type().withDefaultPrecisionUnsaid()).orElse(null);
      boolean recordedOtherwise = !rules.storesExactTypes() && recordedType != null
          && recordedType.equals(was.type().withDefaultPrecisionUnsaid())
          && !recordedType.equals(wanted.type().withDefaultPrecisionUnsaid());
      return recordedOtherwise
          ? Optional.of(new ColumnDifference(ColumnChange.type(wanted.type()), "type " + was.type() + " -> "
              + wanted.type() + " (stored alike here; the migration changes it where the types differ)"))
          : Optional.empty();
    }
    return Optional.of(new ColumnDifference(ColumnChange.type(wanted.type()),
        "type " + was.type() + " -> " + shown(wanted.type(), was.type())
            + rules.typeChangeNote(was.type(), wanted.type())));
  }

  /**
   * The wanted type as the note shows it: the portable JSON type is PostgreSQL's {@code jsonb},
   * and a {@code json} column made so read "type json -> json" (a user test).
   */
  private static String shown(SqlType wanted, SqlType was) {
    return wanted.kind() == SqlType.Kind.JSON && wanted.toString().equals(was.toString()) ? "jsonb" : wanted.toString();
  }
}
