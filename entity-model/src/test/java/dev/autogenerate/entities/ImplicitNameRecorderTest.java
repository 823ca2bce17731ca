package dev.autogenerate.entities;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogenerate.schema.Table;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinColumns;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.UniqueConstraint;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.hibernate.boot.model.naming.Identifier;
import org.hibernate.boot.model.naming.ImplicitIndexNameSource;
import org.hibernate.boot.model.naming.ImplicitNamingStrategyJpaCompliantImpl;
import org.hibernate.boot.model.naming.ImplicitNamingStrategyLegacyJpaImpl;
import org.junit.jupiter.api.Test;

/**
 * The names the recorder makes for unnamed constraints in place of Hibernate's hashes give the
 * same model: the same constraints merge (Hibernate keys unique keys and indexes by name) and the
 * names stay out of it.
 */
class ImplicitNameRecorderTest {

  @Entity(name = "Customer")
  @jakarta.persistence.Table(name = "customer")
  static class Customer {
    @Id Long id;
    @Column(unique = true) String email;
  }

  @Embeddable
  static class RegionKey implements Serializable {
    String country;
    String code;

    @Override
    public boolean equals(Object other) {
      return other instanceof RegionKey key && Objects.equals(country, key.country) && Objects.equals(code, key.code);
    }

    @Override
    public int hashCode() {
      return Objects.hash(country, code);
    }
  }

  @Entity(name = "Region")
  @jakarta.persistence.Table(name = "region")
  static class Region {
    @EmbeddedId RegionKey key;
    String label;
  }

  /** Unnamed constraints of every kind, some alike but for their columns' order, some on the same columns. */
  @Entity(name = "Purchase")
  @jakarta.persistence.Table(name = "purchase",
      uniqueConstraints = {@UniqueConstraint(columnNames = {"region_code", "sku"}),
          @UniqueConstraint(columnNames = {"sku", "region_code"}), @UniqueConstraint(columnNames = "quantity")},
      indexes = {@Index(columnList = "sku, quantity"), @Index(columnList = "quantity, sku"),
          @Index(columnList = "sku", unique = true), @Index(columnList = "placed_at desc"),
          @Index(columnList = "quantity", unique = true), @Index(columnList = "(lower(sku))"),
          @Index(columnList = "größe")})
  static class Purchase {
    @Id Long id;
    @Column(unique = true) String sku;
    int quantity;
    @Column(name = "placed_at") LocalDate placedAt;
    @Column(name = "größe") Integer size;
    @ManyToOne Customer customer;
    @ManyToOne Customer referrer;
    @ManyToOne
    @JoinColumns({@JoinColumn(name = "region_country", referencedColumnName = "country"),
        @JoinColumn(name = "region_code", referencedColumnName = "code")})
    Region region;
    @ManyToMany Set<Customer> watchers;
    @ElementCollection @CollectionTable(name = "purchase_tag") Set<String> tags;
  }

  /** Hibernate's own strategy, kept from the recorder's names by declaring one of the methods involved. */
  public static class HashingStrategy extends ImplicitNamingStrategyJpaCompliantImpl {
    @Override
    public Identifier determineIndexName(ImplicitIndexNameSource source) {
      return super.determineIndexName(source);
    }
  }

  private static final List<Class<?>> CLASSES = List.of(Customer.class, Region.class, Purchase.class);

  private EntityModel read(String implicitNamingStrategy) {
    return new EntityModelReader(EntityModelOptions.using(getClass().getClassLoader())
        .withNamingStrategies(implicitNamingStrategy, null)).readModel(CLASSES);
  }

  @Test
  void theRecordersNamesGiveTheModelHibernatesHashesGive() {
    EntityModel named = read(null);

    assertEquals(read(HashingStrategy.class.getName()), named);
    // Not vacuous: the constraints are there, unnamed, and merged where Hibernate merges them
    // (the two indexes on sku and quantity are one: equal names); the index on an expression keeps
    // the name Hibernate's DDL gives it, which is in its statement.
    Table purchase = named.schema().requireTable("purchase");
    assertEquals(3, purchase.foreignKeys().size(), purchase::toString);
    assertEquals(3, purchase.uniqueConstraints().size(), purchase::toString);
    assertEquals(4, purchase.indexes().size(), purchase::toString);
    dev.autogenerate.schema.Index expression = purchase.indexes().stream()
        .filter(index -> index.definition() != null).findFirst().orElseThrow();
    assertTrue(expression.name().startsWith("idx")
        && expression.definition().toLowerCase(java.util.Locale.ROOT).contains(expression.name()),
        expression::toString);
    assertEquals(2, named.schema().requireTable("purchase_customer").foreignKeys().size(), named.schema().tables()::toString);
    assertEquals(1, named.schema().requireTable("purchase_tag").foreignKeys().size());
    purchase.foreignKeys().forEach(key -> assertEquals(null, key.name(), key::toString));
    purchase.indexes().stream().filter(index -> index.definition() == null)
        .forEach(index -> assertEquals(null, index.name(), index::toString));
  }

  /** Two indexes each: on columns whose names differ only beyond ASCII, and on plain ones. */
  @Entity(name = "Crate")
  @jakarta.persistence.Table(name = "crate", indexes = {@Index(columnList = "größe"), @Index(columnList = "gräße"),
      @Index(columnList = "sku"), @Index(columnList = "qty")})
  static class Crate {
    @Id Long id;
    @Column(name = "größe") Integer size;
    @Column(name = "gräße") Integer weight;
    String sku;
    Integer qty;
  }

  private EntityModel readCrate(String implicitNamingStrategy, String schemaCharset) {
    return new EntityModelReader(new EntityModelOptions(getClass().getClassLoader(), implicitNamingStrategy, null,
        Map.of("hibernate.hbm2ddl.charset_name", schemaCharset))).readModel(List.of(Crate.class));
  }

  @Test
  void whatHibernatesCharsetMergesIsLeftToItsStrategy() {
    // In US-ASCII größe and gräße both hash as gr??e; in x-IBM300 (letters to one replacement
    // byte) so do sku and qty: Hibernate merges such a pair into one index, and so must the model.
    for (String charset : List.of("US-ASCII", "x-IBM300")) {
      EntityModel named = readCrate(null, charset);
      assertEquals(readCrate(HashingStrategy.class.getName(), charset), named, charset);
    }
    assertEquals(3, readCrate(null, "US-ASCII").schema().requireTable("crate").indexes().size());
    assertEquals(2, readCrate(null, "x-IBM300").schema().requireTable("crate").indexes().size());
    assertEquals(4, readCrate(null, "UTF-8").schema().requireTable("crate").indexes().size());
  }

  @Test
  void charsetsThatKeepAsciiApart() {
    for (String charset : List.of("UTF-8", "UTF-16", "US-ASCII", "ISO-8859-1", "windows-1252", "IBM037")) {
      assertTrue(ImplicitNameRecorder.keepsAsciiApart(charset), charset);
    }
    for (String charset : List.of("x-IBM300", "no-such-charset")) {
      assertFalse(ImplicitNameRecorder.keepsAsciiApart(charset), charset);
    }
  }

  @Test
  void onlyHibernatesWayOfNamingConstraintsIsTakenOver() {
    assertTrue(ImplicitNameRecorder.namesConstraintsAsHibernateDoes(ImplicitNamingStrategyJpaCompliantImpl.INSTANCE));
    assertTrue(ImplicitNameRecorder.namesConstraintsAsHibernateDoes(new ImplicitNamingStrategyLegacyJpaImpl()));
    assertFalse(ImplicitNameRecorder.namesConstraintsAsHibernateDoes(new HashingStrategy()));
    assertFalse(ImplicitNameRecorder.namesConstraintsAsHibernateDoes(
        new ImplicitNameRecorder(ImplicitNamingStrategyJpaCompliantImpl.INSTANCE)));
  }
}
