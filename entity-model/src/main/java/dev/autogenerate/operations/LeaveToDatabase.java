package dev.autogenerate.operations;

import dev.autogenerate.schema.Schema;
import java.util.List;
import java.util.Objects;

/**
 * Says that an object of a table is the database's own, not the migrations': a later comparison
 * leaves it alone as it leaves any object no migration created, instead of proposing to drop it
 * because the entities do not map it. {@code baseline} writes one for each such object of an
 * adopted table (a DBA's partial index, a check, a default, a comment), which its upgrade creates
 * all the same, so that a database built from the migrations equals the adopted one. It runs no
 * statement and changes no schema; an operation of a later revision that drops or creates the
 * object again makes it the migrations' own once more.
 *
 * @param table the table the object belongs to
 * @param kind what the object is
 * @param name the index's or constraint's name, the column of a default or of a comment; null for
 *     the table's comment
 */
public record LeaveToDatabase(String table, Kind kind, String name) implements Operation {

  /** The kinds of object a table holds that the entities may leave unmapped. */
  public enum Kind {
    INDEX("index"),
    CONSTRAINT("constraint"),
    DEFAULT("default of column"),
    COMMENT("comment");

    private final String noun;

    Kind(String noun) {
      this.noun = noun;
    }

    String noun() {
      return noun;
    }
  }

  public LeaveToDatabase {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(kind, "kind");
    if (name == null && kind != Kind.COMMENT) {
      throw new IllegalArgumentException("a " + kind.noun() + " left to the database needs its name");
    }
  }

  @Override
  public Schema applyTo(Schema before) {
    return before;
  }

  /** Nothing ran, so nothing is undone. */
  @Override
  public List<Operation> inverse(Schema before) {
    return List.of();
  }

  @Override
  public String describe() {
    String object = kind == Kind.COMMENT
        ? (name == null ? "comment on table " + table : "comment on column " + table + "." + name)
        : kind == Kind.DEFAULT ? "default of " + table + "." + name : kind.noun() + " " + name + " on " + table;
    return "leave " + object + " to the database";
  }

  @Override
  public String subject() {
    return table;
  }

  @Override
  public <R> R accept(OperationVisitor<R> visitor) {
    return visitor.leaveToDatabase(this);
  }
}
