package dev.autogenerate.entities;

import static dev.autogenerate.schema.Column.column;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogenerate.schema.Column;
import dev.autogenerate.schema.PrimaryKey;
import dev.autogenerate.schema.Schema;
import dev.autogenerate.schema.SqlType;
import dev.autogenerate.schema.Table;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Embedded;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EntityModelReaderTest {

  @Entity(name = "AllTypes")
  @jakarta.persistence.Table(name = "all_types")
  static class AllTypes {
    @Id @GeneratedValue(strategy = GenerationType.IDENTITY) Long id;
    boolean flag;
    Boolean maybeFlag;
    byte tiny;
    short small;
    int count;
    Integer maybeCount;
    long big;
    float single;
    double twice;
    BigDecimal amount;
    @jakarta.persistence.Column(precision = 10, scale = 2) BigDecimal price;
    String name;
    @jakarta.persistence.Column(length = 20, nullable = false) String code;
    @jakarta.persistence.Column(columnDefinition = "text") String notes;
    char initial;
    LocalDate born;
    LocalTime wakes;
    LocalDateTime localStamp;
    Instant instant;
    OffsetDateTime offsetStamp;
    UUID token;
    byte[] payload;
  }

  @Embeddable
  record MembershipId(Long teamId, Long userId) implements Serializable {}

  @Entity(name = "Membership")
  static class Membership {
    @EmbeddedId MembershipId id;
    String role;
  }

  @Entity(name = "BadEntity")
  static class BadEntity {
    String noId;
  }

  @Embeddable
  static class Address {
    String city;
  }

  /** Two addresses on one column: Hibernate refuses it when the application starts. */
  @Entity(name = "TwoAddresses")
  static class TwoAddresses {
    @Id Long id;
    @Embedded Address home;
    @Embedded Address work;
  }

  @Entity(name = "NickTwice")
  static class NickTwice {
    @Id Long id;
    @jakarta.persistence.Column(name = "nick") String nickname;
    @jakarta.persistence.Column(name = "nick", length = 20) String shortName;
  }

  private static Schema read(Class<?>... classes) {
    return new EntityModelReader(EntityModelOptions.using(EntityModelReaderTest.class.getClassLoader()))
        .read(List.of(classes));
  }

  @Test
  void readsEveryBasicTypeAsAPortableType() {
    Table table = read(AllTypes.class).requireTable("all_types");

    assertEquals(new Column("id", SqlType.BIGINT, false, true), table.column("id").orElseThrow());
    assertType(table, "flag", SqlType.BOOLEAN, false);
    assertType(table, "maybeflag", SqlType.BOOLEAN, true);
    assertType(table, "tiny", SqlType.SMALLINT, false);
    assertType(table, "small", SqlType.SMALLINT, false);
    assertType(table, "count", SqlType.INTEGER, false);
    assertType(table, "maybecount", SqlType.INTEGER, true);
    assertType(table, "big", SqlType.BIGINT, false);
    assertType(table, "single", SqlType.REAL, false);
    assertType(table, "twice", SqlType.DOUBLE, false);
    assertType(table, "amount", SqlType.numeric(38, 2), true);
    assertType(table, "price", SqlType.numeric(10, 2), true);
    assertType(table, "name", SqlType.varchar(255), true);
    assertType(table, "code", SqlType.varchar(20), false);
    assertType(table, "notes", SqlType.TEXT, true);
    assertType(table, "initial", SqlType.character(1), false);
    assertType(table, "born", SqlType.DATE, true);
    assertType(table, "wakes", SqlType.time(0), true);
    assertType(table, "localstamp", SqlType.TIMESTAMP, true);
    assertType(table, "instant", SqlType.TIMESTAMP_TZ, true);
    assertType(table, "offsetstamp", SqlType.TIMESTAMP_TZ, true);
    assertType(table, "token", SqlType.UUID, true);
    assertType(table, "payload", SqlType.BINARY, true);
    assertEquals(PrimaryKey.primaryKey("id"), table.primaryKey().orElseThrow());
  }

  @Test
  void readsACompositePrimaryKeyAndMakesItsColumnsNotNull() {
    Table table = read(Membership.class).requireTable("membership");

    assertEquals(List.of("teamid", "userid"), table.primaryKey().orElseThrow().columns());
    assertEquals(column("teamid", SqlType.BIGINT).notNull(), table.column("teamid").orElseThrow());
    assertEquals(column("userid", SqlType.BIGINT).notNull(), table.column("userid").orElseThrow());
    assertEquals(column("role", SqlType.varchar(255)), table.column("role").orElseThrow());
  }

  @Test
  void appliesThePhysicalNamingStrategy() {
    EntityModelOptions options = EntityModelOptions.using(getClass().getClassLoader())
        .withNamingStrategies(null, "org.hibernate.boot.model.naming.CamelCaseToUnderscoresNamingStrategy");
    Table table = new EntityModelReader(options).read(List.of(AllTypes.class)).requireTable("all_types");

    assertTrue(table.hasColumn("maybe_flag"), () -> "columns: " + table.columns());
    assertTrue(table.hasColumn("local_stamp"));
  }

  @Test
  void reportsHibernatesOwnMessageForARejectedEntity() {
    EntityMappingException error = assertThrows(EntityMappingException.class, () -> read(BadEntity.class));

    assertTrue(error.getMessage().contains("BadEntity"), error.getMessage());
    assertTrue(error.getMessage().toLowerCase().contains("identifier"), error.getMessage());
  }

  /**
   * A column two properties map (a user test: two @Embedded of one type, one @Column(name) twice)
   * was read as one column, and the second's length lost; the application then could not start.
   * Refused as Hibernate refuses it, with its message.
   */
  @Test
  void refusesAColumnTwoPropertiesMap() {
    for (Class<?> twice : List.of(TwoAddresses.class, NickTwice.class)) {
      EntityMappingException error = assertThrows(EntityMappingException.class, () -> read(twice));
      assertTrue(error.getMessage().contains("is duplicated") && error.getMessage().contains(twice.getSimpleName()),
          error.getMessage());
    }
  }

  private static void assertType(Table table, String column, SqlType type, boolean nullable) {
    assertEquals(new Column(column, type, nullable, false), table.column(column).orElseThrow(),
        "column " + column);
  }
}
