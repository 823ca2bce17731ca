package dev.autogenerate.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SqlTypeParserTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "integer | integer",
      "INT4 | integer",
      "int | integer",
      "int8 | bigint",
      "int2 | smallint",
      "tinyint | smallint",
      "bool | boolean",
      "character varying(255) | varchar(255)",
      "varchar(20) | varchar(20)",
      "character varying | varchar",
      "character(1) | char(1)",
      "bpchar | char",
      "text | text",
      "numeric(10,2) | numeric(10, 2)",
      "numeric(38, 2) | numeric(38, 2)",
      "decimal(5) | numeric(5, 0)",
      "numeric(10,-2) | numeric(10,-2)",
      "\"OrderStatus\" | \"OrderStatus\"",
      "numeric | numeric",
      "real | real",
      "float4 | real",
      "float(24) | real",
      "float(53) | double",
      "float | double",
      "double precision | double",
      "float8 | double",
      "date | date",
      "time | time",
      "time(6) | time",
      "time(0) without time zone | time(0)",
      "time with time zone | time_tz",
      "timetz | time_tz",
      "timestamp | timestamp",
      "timestamp(6) | timestamp",
      "timestamp(3) without time zone | timestamp(3)",
      "timestamp(6) with time zone | timestamp_tz",
      "TIMESTAMP WITH TIME ZONE | timestamp_tz",
      "timestamptz | timestamp_tz",
      "uuid | uuid",
      "bytea | binary",
      "blob | binary",
      "varbinary(16) | binary(16)",
      "jsonb | json",
      "tsvector | tsvector",
      "integer[] | integer[]",
      "varchar(255) array | varchar(255)[]",
      "character varying(255)[] | varchar(255)[]",
      "timestamp(6) with time zone array | timestamp with time zone[]",
      "_int4 | _int4",
      "oid | oid",
  })
  void parsesEachSpellingToItsPortableType(String spelling, String portable) {
    assertEquals(portable, SqlTypeParser.parse(spelling).toString());
  }
}
