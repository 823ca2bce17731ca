package com.example.app;

import java.sql.Types;
import org.hibernate.community.dialect.SQLiteDialect;

/**
 * Hibernate's SQLite dialect, told that SQLite's integer widths are one type.
 *
 * <p>An auto-incrementing id in SQLite must be declared exactly {@code integer} (only that makes
 * it the rowid alias), while Hibernate maps a {@code Long} id to {@code bigint}. Schema validation
 * would then reject every {@code Long} identity column, Hibernate's own DDL included. SQLite
 * stores all of them as the same 64-bit integer, so accepting one for the other is exact.
 */
public class SqliteDialectForValidation extends SQLiteDialect {

  @Override
  public boolean equivalentTypes(int typeCode1, int typeCode2) {
    return super.equivalentTypes(typeCode1, typeCode2) || (isInteger(typeCode1) && isInteger(typeCode2));
  }

  private static boolean isInteger(int typeCode) {
    return typeCode == Types.TINYINT || typeCode == Types.SMALLINT || typeCode == Types.INTEGER
        || typeCode == Types.BIGINT;
  }
}
