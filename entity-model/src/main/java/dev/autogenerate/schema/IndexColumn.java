package dev.autogenerate.schema;

/** One column of an index, and whether it is sorted descending. */
public record IndexColumn(String name, boolean descending) {

  public IndexColumn {
    Identifiers.requireValid(name, "index column");
  }

  public static IndexColumn asc(String name) {
    return new IndexColumn(name, false);
  }

  public static IndexColumn desc(String name) {
    return new IndexColumn(name, true);
  }

  /*
   * Written out, as the record would make them: the diff compares index columns on every
   * command, and a record's own equals is linked through method handles on its first call, which
   * in a fresh JVM was 5-8 ms of a cached check's critical path (none of the schema's other
   * records was compared by then).
   */

  @Override
  public boolean equals(Object other) {
    return other instanceof IndexColumn column && descending == column.descending && name.equals(column.name);
  }

  @Override
  public int hashCode() {
    return 31 * name.hashCode() + Boolean.hashCode(descending);
  }
}
