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
}
