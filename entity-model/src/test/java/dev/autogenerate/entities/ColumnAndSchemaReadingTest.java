package dev.autogenerate.entities;

import static dev.autogenerate.schema.Column.column;
import static dev.autogenerate.schema.UniqueConstraint.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogenerate.schema.CheckConstraint;
import dev.autogenerate.schema.Column;
import dev.autogenerate.schema.EnumType;
import dev.autogenerate.schema.ForeignKey;
import dev.autogenerate.schema.Index;
import dev.autogenerate.schema.Schema;
import dev.autogenerate.schema.Sequence;
import dev.autogenerate.schema.SqlType;
import dev.autogenerate.schema.Table;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.TableGenerator;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.hibernate.annotations.ColumnDefault;
import org.hibernate.annotations.Comment;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.Subselect;
import org.hibernate.annotations.View;
import org.hibernate.type.SqlTypes;
import org.junit.jupiter.api.Test;

/** Column details (defaults, comments, enums), sequences, enum types, naming and which tables count. */
class ColumnAndSchemaReadingTest {

  // --- server defaults and explicit column definitions ----------------------------------------

  @Entity(name = "Setting")
  @jakarta.persistence.Table(name = "settings")
  static class Setting {
    @Id @GeneratedValue(strategy = GenerationType.IDENTITY) Long id;
    @ColumnDefault("'new'") String state;
    @ColumnDefault("0") int attempts;
    @ColumnDefault("now()") Instant createdAt;
    @jakarta.persistence.Column(columnDefinition = "varchar(20) default 'x' not null") String code;
    @jakarta.persistence.Column(columnDefinition = "numeric(10,2) DEFAULT 0") BigDecimal amount;
    @jakarta.persistence.Column(columnDefinition = "timestamp with time zone default current_timestamp not null")
    Instant touchedAt;
    @jakarta.persistence.Column(columnDefinition = "text check (length(notes) < 100)") String notes;
    @jakarta.persistence.Column(columnDefinition = "integer constraint ck_settings_qty check (qty > 0) not null") int qty;
    @jakarta.persistence.Column(columnDefinition = "varchar(10) unique") String tag;
    @ColumnDefault("'b'") @jakarta.persistence.Column(columnDefinition = "varchar(5) default 'a'") String letter;
    @jakarta.persistence.Column(columnDefinition = "double precision") double ratio;
  }

  @Test
  void readsServerDefaultsAndSplitsExplicitColumnDefinitions() {
    Table table = read(Setting.class).requireTable("settings");

    assertEquals(new Column("id", SqlType.BIGINT, false, true), table.column("id").orElseThrow());
    assertEquals(column("state", SqlType.varchar(255)).defaultSql("'new'"), table.column("state").orElseThrow());
    assertEquals(column("attempts", SqlType.INTEGER).notNull().defaultSql("0"), table.column("attempts").orElseThrow());
    assertEquals(column("createdat", SqlType.TIMESTAMP_TZ).defaultSql("now()"), table.column("createdat").orElseThrow());
    assertEquals(column("code", SqlType.varchar(20)).notNull().defaultSql("'x'"), table.column("code").orElseThrow());
    assertEquals(column("amount", SqlType.numeric(10, 2)).defaultSql("0"), table.column("amount").orElseThrow());
    assertEquals(column("touchedat", SqlType.TIMESTAMP_TZ).notNull().defaultSql("current_timestamp"),
        table.column("touchedat").orElseThrow());
    assertEquals(column("notes", SqlType.TEXT), table.column("notes").orElseThrow());
    assertEquals(column("qty", SqlType.INTEGER).notNull(), table.column("qty").orElseThrow());
    assertEquals(column("tag", SqlType.varchar(10)), table.column("tag").orElseThrow());
    // @ColumnDefault is what Hibernate reports; it wins over a default inside the definition
    assertEquals(column("letter", SqlType.varchar(5)).defaultSql("'b'"), table.column("letter").orElseThrow());
    // Hibernate does not add "not null" for a primitive whose columnDefinition is explicit
    assertEquals(column("ratio", SqlType.DOUBLE), table.column("ratio").orElseThrow());
    assertEquals(List.of(
        CheckConstraint.check(null, "length(notes) < 100"),
        CheckConstraint.check("ck_settings_qty", "qty > 0")), table.checks());
    assertEquals(List.of(unique(null, "tag")), table.uniqueConstraints());
  }

  // --- comments -------------------------------------------------------------------------------

  @Entity(name = "Note")
  @jakarta.persistence.Table(name = "notes", comment = "what people wrote")
  static class Note {
    @Id Long id;
    @Comment("the text, as typed") String body;
    @jakarta.persistence.Column(comment = "who wrote it") String author;
    String plain;
  }

  @Entity(name = "Memo")
  @jakarta.persistence.Table(name = "memos")
  @Comment("short notes")
  static class Memo {
    @Id Long id;
  }

  @Test
  void readsTableAndColumnComments() {
    Schema schema = read(Note.class, Memo.class);
    Table notes = schema.requireTable("notes");

    assertEquals("what people wrote", notes.comment());
    assertEquals("the text, as typed", notes.column("body").orElseThrow().comment());
    assertEquals("who wrote it", notes.column("author").orElseThrow().comment());
    assertEquals(null, notes.column("plain").orElseThrow().comment());
    assertEquals("short notes", schema.requireTable("memos").comment());
  }

  // --- enums ----------------------------------------------------------------------------------

  enum Priority { LOW, MEDIUM, HIGH }

  enum Size { SMALL, LARGE }

  @Entity(name = "Ticket")
  @jakarta.persistence.Table(name = "tickets")
  static class Ticket {
    @Id Long id;
    @Enumerated(jakarta.persistence.EnumType.STRING) Priority asText;
    @Enumerated(jakarta.persistence.EnumType.ORDINAL) Priority asNumber;
    @Enumerated(jakarta.persistence.EnumType.STRING) @JdbcTypeCode(SqlTypes.NAMED_ENUM) Priority asNamed;
    @JdbcTypeCode(SqlTypes.NAMED_ENUM) Size size;
  }

  enum Level { BASIC, ADVANCED, EXPERT }

  @Entity(name = "Course")
  @jakarta.persistence.Table(name = "courses")
  static class Course {
    @Id Long id;
    @JdbcTypeCode(SqlTypes.NAMED_ORDINAL_ENUM) Level level;
  }

  @Entity(name = "Board")
  @jakarta.persistence.Table(name = "boards")
  static class Board {
    @Id Long id;
    @Enumerated(jakarta.persistence.EnumType.STRING) @JdbcTypeCode(SqlTypes.NAMED_ENUM) Priority defaultPriority;
  }

  @Test
  void readsEnumsAsChecksOrAsNamedPostgresqlTypes() {
    Schema schema = read(Ticket.class, Board.class);
    Table table = schema.requireTable("tickets");

    assertEquals(column("astext", SqlType.varchar(255)), table.column("astext").orElseThrow());
    assertEquals(column("asnumber", SqlType.SMALLINT), table.column("asnumber").orElseThrow());
    assertEquals(column("asnamed", SqlType.sqlType("priority")), table.column("asnamed").orElseThrow());
    assertEquals(column("size", SqlType.sqlType("size")), table.column("size").orElseThrow());
    assertEquals(List.of(
        CheckConstraint.check(null, "asNumber between 0 and 2"),
        CheckConstraint.check(null, "asText in ('LOW','MEDIUM','HIGH')")), table.checks());
    // Hibernate creates a NAMED_ENUM type with its values sorted, not in declaration order: an
    // order nobody chose, and the names the columns store mean the same in any order
    assertEquals(EnumType.enumType("priority", "HIGH", "LOW", "MEDIUM").withValuesInAnyOrder(), schema.enumType("priority").orElseThrow());
    assertEquals(EnumType.enumType("size", "LARGE", "SMALL").withValuesInAnyOrder(), schema.enumType("size").orElseThrow());
    assertEquals(List.of("priority", "size"), List.copyOf(schema.enumTypes().keySet()));
    assertEquals(SqlType.sqlType("priority"), schema.requireTable("boards").column("defaultpriority").orElseThrow().type());
  }

  @Test
  void aNamedOrdinalEnumTypeKeepsTheDeclarationOrder() {
    Schema schema = read(Course.class);

    assertEquals(column("level", SqlType.sqlType("level")), schema.requireTable("courses").column("level").orElseThrow());
    assertEquals(List.of(), schema.requireTable("courses").checks());
    // in the ordinal order queries compare the values by: it matters
    assertEquals(Map.of("level", EnumType.enumType("level", "BASIC", "ADVANCED", "EXPERT")), schema.enumTypes());
    assertTrue(schema.enumType("level").orElseThrow().orderMatters());
  }

  enum OrderStatus { NEW, PAID, SHIPPED }

  @Entity(name = "LegacyOrder")
  @jakarta.persistence.Table(name = "ord")
  static class LegacyOrder {
    @Id Long id;
    @Enumerated(jakarta.persistence.EnumType.STRING) @JdbcTypeCode(SqlTypes.NAMED_ENUM)
    @jakarta.persistence.Column(nullable = false, columnDefinition = "order_status") OrderStatus status;
  }

  /**
   * A column whose definition names a legacy type: Hibernate still registers a type for the Java
   * enum (orderstatus), which no column uses; creating it was noise, and it made the legacy type
   * look unused (found by a user test).
   */
  @Test
  void anEnumTypeNoColumnUsesIsLeftOut() {
    Schema schema = read(LegacyOrder.class);

    assertEquals(SqlType.sqlType("order_status"), schema.requireTable("ord").column("status").orElseThrow().type());
    assertEquals(Map.of(), schema.enumTypes());
  }

  // --- sequences and generator tables ---------------------------------------------------------

  @Entity(name = "Invoice")
  @jakarta.persistence.Table(name = "invoices")
  static class Invoice {
    @Id @GeneratedValue Long id;
  }

  @Entity(name = "Order")
  @jakarta.persistence.Table(name = "orders")
  static class Order {
    @Id @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "order_gen")
    @SequenceGenerator(name = "order_gen", sequenceName = "order_numbers", initialValue = 1000, allocationSize = 1)
    Long id;
  }

  @Entity(name = "Shipment")
  @jakarta.persistence.Table(name = "shipments")
  static class Shipment {
    @Id @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "shipment_gen")
    @SequenceGenerator(name = "shipment_gen", sequenceName = "\"ShipmentIds\"", allocationSize = 20)
    Long id;
  }

  @Entity(name = "Crate")
  @jakarta.persistence.Table(name = "\"Crates\"")
  static class Crate {
    @Id @GeneratedValue Long id;
  }

  @Entity(name = "Parcel")
  @jakarta.persistence.Table(name = "parcels")
  static class Parcel {
    @Id @GeneratedValue(strategy = GenerationType.TABLE, generator = "parcel_gen")
    @TableGenerator(name = "parcel_gen", table = "id_blocks", pkColumnName = "block", valueColumnName = "next_id")
    Long id;
  }

  @Entity(name = "Counter")
  @jakarta.persistence.Table(name = "counters")
  static class Counter {
    @Id @GeneratedValue(strategy = GenerationType.IDENTITY) Long id;
  }

  @Test
  void readsSequencesAndKeepsGeneratorTables() {
    Schema schema = read(Invoice.class, Order.class, Shipment.class, Parcel.class, Counter.class, Crate.class);

    assertEquals(Map.of(
        // Hibernate builds it from the table's unquoted text: create sequence Crates_SEQ, folded
        "crates_seq", fed(Sequence.sequence("crates_seq", 1, 50), "Crates.id"),
        // the default generator's sequence is named after the table: <table>_SEQ, folded
        "invoices_seq", fed(Sequence.sequence("invoices_seq", 1, 50), "invoices.id"),
        "order_numbers", fed(Sequence.sequence("order_numbers", 1000, 1), "orders.id"),
        "ShipmentIds", fed(Sequence.sequence("ShipmentIds", 1, 20), "shipments.id")), schema.sequences());
    Table generator = schema.requireTable("id_blocks");
    assertEquals(List.of(column("block", SqlType.varchar(255)).notNull(), column("next_id", SqlType.BIGINT)),
        generator.columns());
    assertEquals(List.of("block"), generator.primaryKey().orElseThrow().columns());
    assertTrue(schema.requireTable("counters").column("id").orElseThrow().identity());
  }

  @Entity(name = "Refund")
  @jakarta.persistence.Table(name = "refunds")
  @Inheritance(strategy = InheritanceType.JOINED)
  static class Refund {
    @Id @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "order_gen")
    @SequenceGenerator(name = "order_gen", sequenceName = "order_numbers", initialValue = 1000, allocationSize = 1)
    Long id;
  }

  @Entity(name = "PartialRefund")
  @jakarta.persistence.Table(name = "partial_refunds")
  static class PartialRefund extends Refund {
    int cents;
  }

  /**
   * One sequence two entities take their ids from feeds both; a joined subclass's table has the
   * root's ids, from no sequence of its own.
   */
  @Test
  void aSequenceFeedsEveryRootTableTakingIdsFromIt() {
    Schema schema = read(Order.class, Refund.class, PartialRefund.class);

    assertEquals(List.of("orders.id", "refunds.id"), schema.sequence("order_numbers").orElseThrow().feeds());
  }

  @Entity(name = "Payment")
  @Inheritance(strategy = InheritanceType.TABLE_PER_CLASS)
  abstract static class Payment {
    @Id @GeneratedValue(strategy = GenerationType.SEQUENCE) Long id;
  }

  @Entity(name = "CardPayment")
  @jakarta.persistence.Table(name = "card_payment")
  static class CardPayment extends Payment {
    String card;
  }

  @Entity(name = "CashPayment")
  @jakarta.persistence.Table(name = "cash_payment")
  static class CashPayment extends Payment {
    int cents;
  }

  /**
   * Found by this session's review: under TABLE_PER_CLASS each concrete table holds ids from the
   * root's sequence, and only the abstract root's table (no table at all) was said to.
   */
  @Test
  void aTablePerClassSequenceFeedsEveryConcreteTable() {
    Schema schema = read(Payment.class, CardPayment.class, CashPayment.class);

    List<String> feeds = schema.sequences().values().iterator().next().feeds();
    assertTrue(feeds.containsAll(List.of("card_payment.id", "cash_payment.id")), feeds::toString);
  }

  /** The sequence with the id columns the entities take from it: what a migration needs to move it past their rows. */
  private static Sequence fed(Sequence sequence, String... columns) {
    return new Sequence(sequence.name(), sequence.startWith(), sequence.incrementBy(), null, List.of(columns));
  }

  // --- tables that are not tables -------------------------------------------------------------

  @Entity(name = "Total")
  @View(query = "select owner_id as id, count(*) as n from invoices group by owner_id")
  static class Total {
    @Id Long id;
    long n;
  }

  @Entity(name = "Summary")
  @Subselect("select id from invoices")
  static class Summary {
    @Id Long id;
  }

  @Entity(name = "Shape")
  @Inheritance(strategy = InheritanceType.TABLE_PER_CLASS)
  abstract static class Shape {
    @Id Long id;
  }

  @Entity(name = "Circle")
  @jakarta.persistence.Table(name = "circles")
  static class Circle extends Shape {
    double radius;
  }

  @Test
  void leavesOutViewsSubselectsAndAbstractUnionTables() {
    Schema schema = read(Invoice.class, Total.class, Summary.class, Shape.class, Circle.class);

    assertEquals(List.of("circles", "invoices"), List.copyOf(schema.tables().keySet()));
  }

  /** An {@code @View} entity is the view its query defines (as Hibernate's DDL creates it), not a table. */
  @Test
  void anAtViewEntityIsItsView() {
    Schema schema = read(Invoice.class, Total.class);

    assertEquals(List.of("total"), List.copyOf(schema.views().keySet()));
    assertEquals("select owner_id as id, count(*) as n from invoices group by owner_id",
        schema.view("total").orElseThrow().definition());
    assertFalse(schema.view("total").orElseThrow().materialized());
  }

  // --- naming strategies ----------------------------------------------------------------------

  @Embeddable
  static class Address {
    String streetName;
    String cityName;
  }

  @Entity(name = "CustomerAccount")
  @jakarta.persistence.Table(
      uniqueConstraints = @jakarta.persistence.UniqueConstraint(columnNames = {"firstName", "lastName"}),
      indexes = @jakarta.persistence.Index(name = "ix_customer_last", columnList = "lastName"))
  static class CustomerAccount {
    @Id @GeneratedValue Long id;
    String firstName;
    String lastName;
    @Embedded Address homeAddress;
    @Embedded Address workAddress;
    @ManyToOne CustomerAccount referredBy;
  }

  @Test
  void appliesSpringStyleNamingStrategies() {
    EntityModelOptions options = EntityModelOptions.using(getClass().getClassLoader()).withNamingStrategies(
        "org.hibernate.boot.model.naming.ImplicitNamingStrategyComponentPathImpl",
        "org.hibernate.boot.model.naming.CamelCaseToUnderscoresNamingStrategy");
    assertCustomerAccountNamedBySpringStrategies(new EntityModelReader(options).read(List.of(CustomerAccount.class)));
  }

  @Test
  void findsTheImplicitNamingStrategyInHibernateSettingsToo() {
    EntityModelOptions options = new EntityModelOptions(getClass().getClassLoader(), null,
        "org.hibernate.boot.model.naming.CamelCaseToUnderscoresNamingStrategy",
        Map.of("hibernate.implicit_naming_strategy", "component-path"));
    assertCustomerAccountNamedBySpringStrategies(new EntityModelReader(options).read(List.of(CustomerAccount.class)));
  }

  /** A strategy named wrong says so, not a bare class name. */
  @Test
  void aNamingStrategyNotOnTheClassPathIsNamedAsMissing() {
    EntityModelOptions options = EntityModelOptions.using(getClass().getClassLoader())
        .withNamingStrategies(null, "com.example.NoSuchStrategy");
    EntityMappingException error = assertThrows(EntityMappingException.class,
        () -> new EntityModelReader(options).read(List.of(CustomerAccount.class)));
    assertEquals("cannot use naming strategy com.example.NoSuchStrategy: no such class on the class path the entities"
        + " are read from (check the name, and that the class is on it)", error.getMessage());
  }

  private static void assertCustomerAccountNamedBySpringStrategies(Schema schema) {
    Table table = schema.requireTable("customer_account");
    assertEquals(List.of("id", "first_name", "home_address_city_name", "home_address_street_name", "last_name",
        "work_address_city_name", "work_address_street_name", "referred_by_id"),
        table.columns().stream().map(Column::name).toList());
    assertEquals(List.of(unique(null, "first_name", "last_name")), table.uniqueConstraints());
    assertEquals(List.of(Index.index("ix_customer_last", "last_name")), table.indexes());
    assertEquals(List.of(ForeignKey.foreignKey(null, List.of("referred_by_id"), "customer_account", List.of("id"))),
        table.foreignKeys());
    assertEquals(List.of(fed(Sequence.sequence("customer_account_seq", 1, 50), "customer_account.id")),
        List.copyOf(schema.sequences().values()));
  }

  static Schema read(Class<?>... classes) {
    return new EntityModelReader(EntityModelOptions.using(ColumnAndSchemaReadingTest.class.getClassLoader()))
        .read(List.of(classes));
  }
}
