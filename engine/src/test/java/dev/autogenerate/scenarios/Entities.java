package dev.autogenerate.scenarios;

/**
 * Entity sources for scenarios, short enough to read side by side: {@code entity("User", "users",
 * ID, "String name;")} is a complete compilation unit with the usual imports.
 */
final class Entities {

  /** An identity id, the most common mapping. */
  static final String ID = "@Id @GeneratedValue(strategy = GenerationType.IDENTITY) Long id;";

  private static final String IMPORTS = """
      package com.example.domain;

      import jakarta.persistence.*;
      import java.math.BigDecimal;
      import java.time.*;
      import java.util.*;
      import org.hibernate.annotations.Check;
      import org.hibernate.annotations.ColumnDefault;
      import org.hibernate.annotations.Comment;
      import org.hibernate.annotations.JdbcTypeCode;
      import org.hibernate.annotations.OnDelete;
      import org.hibernate.annotations.OnDeleteAction;
      import org.hibernate.type.SqlTypes;

      """;

  private Entities() {}

  /** An entity class with the given fields, mapped to {@code table}. */
  static String entity(String className, String table, String... members) {
    return annotated(className, "@Entity\n@Table(name = \"" + table + "\")", members);
  }

  /** A class with the given annotations (table options, {@code @Check}...) and members. */
  static String annotated(String className, String annotations, String... members) {
    StringBuilder source = new StringBuilder(IMPORTS).append(annotations).append('\n')
        .append("public class ").append(className).append(" {\n");
    for (String member : members) {
      source.append("  ").append(member).append('\n');
    }
    return source.append("}\n").toString();
  }

  /** A Java enum in the entity package. */
  static String enumType(String name, String... constants) {
    return "package com.example.domain;\n\npublic enum " + name + " { " + String.join(", ", constants) + " }\n";
  }
}
