package dev.autogenerate.database;

import java.util.OptionalLong;

/**
 * How many rows a risky step concerns, as far as a count could tell.
 *
 * @param rows the count, or none
 * @param notCounted why there is none, for the reader ("over 2 s", "refused by the database"); empty
 *     when counted, or when the warning's remark says why already
 */
public record RowCount(OptionalLong rows, String notCounted) {

  static RowCount of(long rows) {
    return new RowCount(OptionalLong.of(rows), "");
  }

  static RowCount none(String why) {
    return new RowCount(OptionalLong.empty(), why);
  }
}
