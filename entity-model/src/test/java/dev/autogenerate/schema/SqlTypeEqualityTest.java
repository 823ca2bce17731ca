package dev.autogenerate.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.autogenerate.schema.SqlType.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** SqlType writes its equals and hashCode out: they must still be the record's value semantics. */
class SqlTypeEqualityTest {

  @Test
  void equalWhenEveryComponentIs() {
    assertEquals(SqlType.numeric(10, 2), new SqlType(Kind.NUMERIC, null, 10, 2, null));
    assertEquals(SqlType.numeric(10, 2).hashCode(), new SqlType(Kind.NUMERIC, null, 10, 2, null).hashCode());
    assertEquals(SqlType.sqlType("TSVECTOR"), SqlType.sqlType("tsvector"));
    assertEquals(SqlType.sqlType("TSVECTOR").hashCode(), SqlType.sqlType("tsvector").hashCode());
    assertEquals(List.of(SqlType.TEXT, SqlType.varchar(20)), List.of(SqlType.TEXT, SqlType.varchar(20)));
  }

  @Test
  void eachComponentTellsTypesApart() {
    // One case per component: if the record gains one, equals and hashCode must name it too.
    assertEquals(5, SqlType.class.getRecordComponents().length, "a new component belongs in equals and hashCode");
    assertNotEquals(SqlType.TEXT, SqlType.VARCHAR);
    assertNotEquals(SqlType.varchar(20), SqlType.varchar(30));
    assertNotEquals(new SqlType(Kind.TIMESTAMP, null, 3, null, null), new SqlType(Kind.TIMESTAMP, null, 6, null, null));
    assertNotEquals(SqlType.numeric(10, 2), SqlType.numeric(10, 3));
    assertNotEquals(SqlType.sqlType("tsvector"), SqlType.sqlType("tsquery"));
    assertNotEquals(SqlType.varchar(20), new SqlType(Kind.VARCHAR, null, 20, null, null));
    assertNotEquals(SqlType.TEXT, "text");
    assertNotEquals(SqlType.TEXT, null);
  }
}
