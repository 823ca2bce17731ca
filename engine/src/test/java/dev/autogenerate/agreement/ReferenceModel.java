package dev.autogenerate.agreement;

import java.util.List;

/**
 * A reference entity model that uses every mapping feature Autogenerate reads: identity,
 * sequence and UUID ids; every type family; uniques, indexes (with DESC), foreign keys with
 * actions, self references, a many-to-many join table, an element collection; STRING, ORDINAL
 * and PostgreSQL named enums; checks, defaults, comments, an embeddable and joined inheritance.
 */
final class ReferenceModel {

  private ReferenceModel() {}

  private static final String IMPORTS = """
      package com.example.reference;

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

  static List<String> sources() {
    return List.of(
        IMPORTS + """
            @Entity
            @Table(name = "teams", uniqueConstraints = @UniqueConstraint(columnNames = {"tenant", "name"}))
            @Comment("Groups of users")
            public class Team {
              @Id @GeneratedValue(strategy = GenerationType.IDENTITY) Long id;
              @Column(nullable = false, length = 100) String name;
              @Column(nullable = false, length = 30) @ColumnDefault("'default'") String tenant;
              @ManyToOne Team parent;
            }
            """,
        IMPORTS + """
            @Entity
            @Table(name = "users", indexes = {
                @Index(columnList = "last_seen desc, email"),
                @Index(columnList = "display_name")})
            @Check(constraints = "age is null or age >= 0")
            public class User {
              @Id @GeneratedValue(strategy = GenerationType.IDENTITY) Long id;
              @Column(nullable = false, unique = true, length = 320) String email;
              @Column(name = "display_name", length = 100) @Comment("Shown to others") String displayName;
              Integer age;
              @Column(name = "last_seen") Instant lastSeen;
              @Column(nullable = false) @ColumnDefault("true") boolean active;
              @Column(nullable = false) @ColumnDefault("CURRENT_TIMESTAMP") Instant created;
              @ManyToOne @OnDelete(action = OnDeleteAction.SET_NULL) Team team;
              @Enumerated(EnumType.STRING) @Column(length = 20) Role role;
              @Enumerated(EnumType.ORDINAL) Level level;
              @ManyToMany Set<Team> watching;
              @ElementCollection Set<String> nicknames;
              @Embedded Address address;
            }
            """,
        IMPORTS + """
            @Embeddable
            public class Address {
              String street;
              @Column(length = 10) String postcode;
            }
            """,
        IMPORTS + "public enum Role { MEMBER, ADMIN }\n",
        IMPORTS + "public enum Level { LOW, MID, HIGH }\n",
        IMPORTS + "public enum OrderStatus { NEW, PAID, SHIPPED }\n",
        IMPORTS + """
            @Entity
            @Table(name = "orders")
            public class Order {
              @Id @GeneratedValue Long id;
              @Column(nullable = false, precision = 12, scale = 2) BigDecimal total;
              @Enumerated(EnumType.STRING) @JdbcTypeCode(SqlTypes.NAMED_ENUM) OrderStatus status;
              @ManyToOne(optional = false) @OnDelete(action = OnDeleteAction.CASCADE) User buyer;
              LocalDate due;
              LocalTime cutoff;
              LocalDateTime placed;
              OffsetDateTime confirmed;
              UUID token;
              byte[] receipt;
              @Column(columnDefinition = "text") String notes;
              double weight;
              float ratio;
              short priority;
              char grade;
            }
            """,
        IMPORTS + """
            @Entity
            @Table(name = "documents")
            @Inheritance(strategy = InheritanceType.JOINED)
            public class Document {
              @Id @GeneratedValue UUID id;
              @Column(nullable = false) String title;
            }
            """,
        IMPORTS + """
            @Entity
            @Table(name = "invoices")
            public class Invoice extends Document {
              @Column(precision = 10, scale = 2) BigDecimal amount;
              @Column(nullable = false) Long number;
            }
            """);
  }
}
