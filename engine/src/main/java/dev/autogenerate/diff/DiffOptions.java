package dev.autogenerate.diff;

/**
 * How to compare.
 *
 * @param naming names for the constraints and indexes the mapping leaves unnamed
 * @param dropUnmappedIndexes whether an index that exists only in the database is dropped; by
 *     default it is reported and left alone, since DBAs add indexes the mapping does not know
 */
public record DiffOptions(NamingConvention naming, boolean dropUnmappedIndexes) {

  public static DiffOptions defaults() {
    return new DiffOptions(NamingConvention.defaults(), false);
  }
}
