package dev.autogenerate.scenarios;

import static dev.autogenerate.scenarios.Entities.ID;
import static dev.autogenerate.scenarios.Entities.entity;
import static dev.autogenerate.scenarios.Scenario.named;

import dev.autogenerate.schema.DatabaseKind;
import java.util.List;

/** Tables, columns, nullability and every type family. */
final class ColumnScenarios {

  static final String USER = entity("User", "users", ID, "String email;", "String name;");

  private ColumnScenarios() {}

  static List<Scenario> all() {
    return List.of(
        named("a new entity creates its table")
            .after(USER)
            .expect("create table users"),
        named("a removed entity drops its table")
            .before(USER, entity("Note", "notes", ID, "String text;"))
            .after(USER)
            .expect("drop table notes"),
        named("a new field adds a nullable column")
            .before(USER)
            .after(entity("User", "users", ID, "String email;", "String name;", "Integer age;"))
            .expect("add column users.age"),
        named("a removed field drops its column")
            .before(USER)
            .after(entity("User", "users", ID, "String email;"))
            .expect("drop column users.name"),
        named("a renamed field is a drop and an add")
            .before(USER)
            .after(entity("User", "users", ID, "String email;", "String fullName;"))
            .expect("add column users.fullname", "drop column users.name"),
        named("a new NOT NULL field with a default")
            .before(USER)
            .after(entity("User", "users", ID, "String email;", "String name;",
                "@ColumnDefault(\"0\") @Column(nullable = false) Integer logins;"))
            .expect("add column users.logins"),
        named("a new primitive field is NOT NULL")
            .before(USER)
            .after(entity("User", "users", ID, "String email;", "String name;", "boolean active;"))
            .expect("add column users.active"),
        named("nullable becomes NOT NULL")
            .before(USER)
            .after(entity("User", "users", ID, "@Column(nullable = false) String email;", "String name;"))
            .expect("alter column users.email: set not null"),
        named("NOT NULL becomes nullable")
            .before(entity("User", "users", ID, "@Column(nullable = false) String email;", "String name;"))
            .after(USER)
            .expect("alter column users.email: drop not null"),
        named("a primitive becomes its wrapper")
            .before(entity("User", "users", ID, "int age;"))
            .after(entity("User", "users", ID, "Integer age;"))
            .expect("alter column users.age: drop not null"),
        named("a varchar gets shorter")
            .before(USER)
            .after(entity("User", "users", ID, "String email;", "@Column(length = 100) String name;"))
            .expect("alter column users.name: type varchar(100)"),
        named("a varchar gets longer and NOT NULL at once")
            .before(USER)
            .after(entity("User", "users", ID, "String email;", "@Column(length = 1000, nullable = false) String name;"))
            .expect("alter column users.name: type varchar(1000), set not null"),
        named("varchar becomes text")
            .before(USER)
            .after(entity("User", "users", ID, "String email;", "@Column(columnDefinition = \"text\") String name;"))
            .expect("alter column users.name: type text"),
        named("Integer becomes Long")
            .before(entity("User", "users", ID, "Integer visits;"))
            .after(entity("User", "users", ID, "Long visits;"))
            .expect("alter column users.visits: type bigint"),
        named("Short becomes Integer")
            .before(entity("User", "users", ID, "Short visits;"))
            .after(entity("User", "users", ID, "Integer visits;"))
            .expect("alter column users.visits: type integer"),
        named("Double becomes Float")
            .before(entity("User", "users", ID, "Double score;"))
            .after(entity("User", "users", ID, "Float score;"))
            .expect("alter column users.score: type real"),
        named("numeric precision and scale change")
            .before(entity("Item", "items", ID, "@Column(precision = 10, scale = 2) BigDecimal price;"))
            .after(entity("Item", "items", ID, "@Column(precision = 12, scale = 4) BigDecimal price;"))
            .expect("alter column items.price: type numeric(12, 4)"),
        // SQLite declares both alike; the type the history gave the column tells them apart.
        named("LocalDateTime becomes Instant: timestamptz, written against SQLite too")
            .before(entity("Event", "events", ID, "LocalDateTime happened;"))
            .after(entity("Event", "events", ID, "Instant happened;"))
            .expect("alter column events.happened: type timestamp_tz"),
        named("a time precision changes")
            .before(entity("Event", "events", ID, "LocalDateTime happened;"))
            .after(entity("Event", "events", ID, "@Column(secondPrecision = 3) LocalDateTime happened;"))
            .expect("alter column events.happened: type timestamp(3)"),
        named("String becomes UUID")
            .before(entity("Token", "tokens", ID, "String value;"))
            .after(entity("Token", "tokens", ID, "UUID value;"))
            .expect("alter column tokens.value: type uuid"),
        named("every date and time type in a new table")
            .after(entity("Times", "times", ID, "LocalDate day;", "LocalTime clock;", "LocalDateTime local;",
                "Instant instant;", "OffsetDateTime offset;", "ZonedDateTime zoned;", "OffsetTime offsetTime;",
                "Duration duration;", "Year year;"))
            .expect("create table times"),
        named("binary and large objects")
            .before(USER)
            .after(entity("User", "users", ID, "String email;", "String name;", "byte[] avatar;",
                "@Lob String biography;"))
            .expect("add column users.avatar", "add column users.biography"),
        named("a UUID primary key")
            .after(entity("Document", "documents", "@Id @GeneratedValue UUID id;", "String title;"))
            .expect("create table documents"),
        named("an embeddable adds its columns")
            .before(USER)
            .after(entity("User", "users", ID, "String email;", "String name;", "@Embedded Address address;"),
                Entities.annotated("Address", "@Embeddable", "String street;", "String city;"))
            .expect("add column users.city", "add column users.street"),
        named("a JSON column (jsonb on PostgreSQL)")
            .before(USER)
            .after(entity("User", "users", ID, "String email;", "String name;",
                "@JdbcTypeCode(SqlTypes.JSON) Map<String, Object> settings;"))
            .expect("add column users.settings"),
        named("an array column (PostgreSQL)")
            .only(DatabaseKind.POSTGRESQL)
            .before(USER)
            .after(entity("User", "users", ID, "String email;", "String name;", "String[] tags;"))
            .expect("add column users.tags"),
        named("a quoted, mixed-case table and column")
            .after(entity("Order", "\\\"Order\\\"", ID, "@Column(name = \"\\\"Total\\\"\") BigDecimal total;"))
            .expect("create table Order"));
  }
}
