package dev.autogenerate.entities;

import static dev.autogenerate.schema.IndexColumn.asc;
import static dev.autogenerate.schema.IndexColumn.desc;
import static dev.autogenerate.schema.UniqueConstraint.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogenerate.schema.CheckConstraint;
import dev.autogenerate.schema.ForeignKey;
import dev.autogenerate.schema.Index;
import dev.autogenerate.schema.ReferentialAction;
import dev.autogenerate.schema.Schema;
import dev.autogenerate.schema.Table;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.ConstraintMode;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinColumns;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToOne;
import java.io.Serializable;
import java.util.List;
import java.util.Set;
import org.hibernate.annotations.Check;
import org.hibernate.annotations.NaturalId;
import org.hibernate.annotations.OnDelete;
import org.hibernate.annotations.OnDeleteAction;
import org.junit.jupiter.api.Test;

/** Unique constraints, indexes, foreign keys and checks, and when they carry a name. */
class ConstraintReadingTest {

  // --- unique constraints -------------------------------------------------------------------

  @Entity(name = "Account")
  @jakarta.persistence.Table(name = "accounts",
      uniqueConstraints = {
          @jakarta.persistence.UniqueConstraint(name = "uq_accounts_handle", columnNames = "handle"),
          @jakarta.persistence.UniqueConstraint(columnNames = {"lastName", "firstName"}),
          @jakarta.persistence.UniqueConstraint(name = "uq_accounts_email", columnNames = "email"),
          @jakarta.persistence.UniqueConstraint(columnNames = "id")},
      indexes = {
          @jakarta.persistence.Index(name = "ux_accounts_code", columnList = "code", unique = true),
          @jakarta.persistence.Index(columnList = "phone", unique = true)})
  static class Account {
    @Id Long id;
    String handle;
    String firstName;
    String lastName;
    @jakarta.persistence.Column(unique = true) String email;
    @jakarta.persistence.Column(unique = true) String login;
    String code;
    String phone;
    @NaturalId String ssn;
    @OneToOne Account referrer;
  }

  @Test
  void readsUniquesFromEveryMappingAndNamesOnlyTheExplicitOnes() {
    Table table = read(Account.class).requireTable("accounts");

    assertEquals(List.of(
        unique("uq_accounts_handle", "handle"),
        unique(null, "lastname", "firstname"),
        unique("uq_accounts_email", "email"),
        // @Index(unique = true) is bound by Hibernate 7.4 as a unique key: a constraint
        unique("ux_accounts_code", "code"),
        unique(null, "phone"),
        // @NaturalId
        unique(null, "ssn"),
        // @Column(unique = true) and @OneToOne: marked on the column, not in the unique-key map
        unique(null, "login"),
        unique(null, "referrer_id")),
        table.uniqueConstraints());
    // A unique on the primary key's columns is the primary key; email's two uniques are one.
    assertTrue(table.indexes().isEmpty(), () -> "indexes: " + table.indexes());
  }

  @Entity(name = "Tagged")
  static class Tagged {
    @Id Long id;
    @ElementCollection Set<String> tags;
  }

  @Test
  void aSetCollectionTableWithoutPrimaryKeyHasHibernatesUniqueOnAllItsColumns() {
    Table table = read(Tagged.class).requireTable("tagged_tags");

    assertTrue(table.primaryKey().isEmpty());
    assertEquals(List.of(unique(null, "tagged_id", "tags")), table.uniqueConstraints());
  }

  // --- indexes --------------------------------------------------------------------------------

  @Entity(name = "Event")
  @jakarta.persistence.Table(name = "events", indexes = {
      @jakarta.persistence.Index(columnList = "happenedAt desc, kind"),
      @jakarta.persistence.Index(name = "ix_events_kind_place", columnList = "kind ASC, place DESC"),
      @jakarta.persistence.Index(name = "ix_events_place", columnList = "place"),
      @jakarta.persistence.Index(name = "ix_events_lower_kind", columnList = "(lower(kind))")})
  static class Event {
    @Id Long id;
    java.time.Instant happenedAt;
    String kind;
    String place;
  }

  @Test
  void readsIndexesWithColumnOrderAndDirection() {
    Table table = read(Event.class).requireTable("events");

    assertEquals(List.of(
        Index.index(null, desc("happenedat"), asc("kind")),
        Index.index("ix_events_kind_place", asc("kind"), desc("place")),
        Index.index("ix_events_place", "place"),
        Index.verbatim("ix_events_lower_kind", false, "create index ix_events_lower_kind on events ((lower(kind)))")),
        table.indexes());
  }

  // --- foreign keys ---------------------------------------------------------------------------

  @Entity(name = "Folder")
  @jakarta.persistence.Table(name = "folders")
  static class Folder {
    @Id Long id;
    @ManyToOne @JoinColumn(name = "parent_id", foreignKey = @jakarta.persistence.ForeignKey(name = "fk_folders_parent"))
    Folder parent;
    @ManyToOne @OnDelete(action = OnDeleteAction.CASCADE) Owner owner;
    @ManyToOne @OnDelete(action = OnDeleteAction.SET_NULL) Owner deputy;
    @ManyToOne @JoinColumn(foreignKey = @jakarta.persistence.ForeignKey(ConstraintMode.NO_CONSTRAINT)) Owner auditor;
    @ManyToOne @JoinColumn(name = "owner_email", referencedColumnName = "email") Owner byEmail;
    @ManyToOne
    @JoinColumns(value = {
        @JoinColumn(name = "grant_user", referencedColumnName = "userId"),
        @JoinColumn(name = "grant_folder", referencedColumnName = "folderId")},
        foreignKey = @jakarta.persistence.ForeignKey(name = "fk_folders_grant"))
    Grant grant;
    @ManyToMany
    @JoinTable(name = "folder_watchers",
        joinColumns = @JoinColumn(name = "folder_id"),
        inverseJoinColumns = @JoinColumn(name = "watcher_id"),
        foreignKey = @jakarta.persistence.ForeignKey(name = "fk_watchers_folder"))
    Set<Owner> watchers;
    @ManyToOne
    @JoinColumn(name = "archive_id", foreignKey = @jakarta.persistence.ForeignKey(name = "fk_folders_archive",
        foreignKeyDefinition = "foreign key (archive_id) references owners on update cascade on delete set null"))
    Owner archive;
  }

  @Entity(name = "Owner")
  @jakarta.persistence.Table(name = "owners")
  static class Owner {
    @Id Long id;
    @jakarta.persistence.Column(unique = true) String email;
  }

  @Embeddable
  record GrantId(Long folderId, Long userId) implements Serializable {}

  @Entity(name = "Grant")
  @jakarta.persistence.Table(name = "grants")
  static class Grant {
    @EmbeddedId GrantId id;
  }

  @Test
  void readsForeignKeysWithReferencedColumnsAndActions() {
    Schema schema = read(Folder.class, Owner.class, Grant.class);
    Table folders = schema.requireTable("folders");

    assertEquals(Set.of(
        ForeignKey.foreignKey("fk_folders_parent", List.of("parent_id"), "folders", List.of("id")),
        ForeignKey.foreignKey(null, List.of("owner_id"), "owners", List.of("id")).onDelete(ReferentialAction.CASCADE),
        ForeignKey.foreignKey(null, List.of("deputy_id"), "owners", List.of("id")).onDelete(ReferentialAction.SET_NULL),
        ForeignKey.foreignKey(null, List.of("owner_email"), "owners", List.of("email")),
        // columns in the order of the referenced primary key (folderid, userid)
        ForeignKey.foreignKey("fk_folders_grant", List.of("grant_folder", "grant_user"), "grants",
            List.of("folderid", "userid")),
        ForeignKey.foreignKey("fk_folders_archive", List.of("archive_id"), "owners", List.of("id"))
            .onDelete(ReferentialAction.SET_NULL).onUpdate(ReferentialAction.CASCADE)),
        Set.copyOf(folders.foreignKeys()));
    // NO_CONSTRAINT: the column is there, the key is not
    assertTrue(folders.hasColumn("auditor_id"));
    assertEquals(Set.of(
        ForeignKey.foreignKey("fk_watchers_folder", List.of("folder_id"), "folders", List.of("id")),
        ForeignKey.foreignKey(null, List.of("watcher_id"), "owners", List.of("id"))),
        Set.copyOf(schema.requireTable("folder_watchers").foreignKeys()));
  }

  @Entity(name = "Vehicle")
  @jakarta.persistence.Table(name = "vehicles")
  @Inheritance(strategy = InheritanceType.JOINED)
  static class Vehicle {
    @Id Long id;
  }

  @Entity(name = "Truck")
  @jakarta.persistence.Table(name = "trucks")
  @OnDelete(action = OnDeleteAction.CASCADE)
  static class Truck extends Vehicle {
    int axles;
  }

  @Entity(name = "Bus")
  @jakarta.persistence.Table(name = "buses")
  static class Bus extends Vehicle {
    int seats;
  }

  @Test
  void joinedSubclassTablesReferenceTheirParentTable() {
    Schema schema = read(Vehicle.class, Truck.class, Bus.class);

    assertEquals(List.of(ForeignKey.foreignKey(null, List.of("id"), "vehicles", List.of("id"))
        .onDelete(ReferentialAction.CASCADE)), schema.requireTable("trucks").foreignKeys());
    assertEquals(List.of(ForeignKey.foreignKey(null, List.of("id"), "vehicles", List.of("id"))),
        schema.requireTable("buses").foreignKeys());
  }

  @Entity(name = "Doc")
  @jakarta.persistence.Table(name = "docs")
  static class Doc {
    @Id Long id;
    @ElementCollection
    @CollectionTable(name = "doc_lines", joinColumns = @JoinColumn(name = "doc_id"),
        foreignKey = @jakarta.persistence.ForeignKey(name = "fk_doc_lines_doc"))
    @OnDelete(action = OnDeleteAction.CASCADE)
    List<String> lines;
  }

  @Test
  void collectionTablesReferenceTheirOwner() {
    Table lines = read(Doc.class).requireTable("doc_lines");

    assertEquals(List.of(ForeignKey.foreignKey("fk_doc_lines_doc", List.of("doc_id"), "docs", List.of("id"))
        .onDelete(ReferentialAction.CASCADE)), lines.foreignKeys());
  }

  // --- checks ---------------------------------------------------------------------------------

  enum Status { NEW, PAID, SHIPPED }

  @Entity(name = "Payment")
  @jakarta.persistence.Table(name = "payments",
      check = @jakarta.persistence.CheckConstraint(name = "ck_payments_range", constraint = "low <= high"))
  @Check(name = "ck_payments_low", constraints = "low >= 0")
  @Check(constraints = "high < 1000")
  static class Payment {
    @Id Long id;
    int low;
    int high;
    @Enumerated(EnumType.STRING) Status status;
    @Enumerated(EnumType.ORDINAL) Status stage;
    Status implicitStage;
    @jakarta.persistence.Column(check = @jakarta.persistence.CheckConstraint(name = "ck_payments_fee", constraint = "fee >= 0"))
    int fee;
    @jakarta.persistence.Column(check = @jakarta.persistence.CheckConstraint(constraint = "tax >= 0"))
    int tax;
    @Enumerated(EnumType.STRING)
    @jakarta.persistence.Column(check = @jakarta.persistence.CheckConstraint(constraint = "refund <> 'PAID'"))
    Status refund;
  }

  @Test
  void readsColumnAndTableChecksAsHibernateWritesThem() {
    Table table = read(Payment.class).requireTable("payments");

    assertEquals(Set.of(
        CheckConstraint.check(null, "status in ('NEW','PAID','SHIPPED')"),
        CheckConstraint.check(null, "stage between 0 and 2"),
        CheckConstraint.check(null, "implicitStage between 0 and 2"),
        CheckConstraint.check("ck_payments_fee", "fee >= 0"),
        CheckConstraint.check(null, "tax >= 0"),
        // a column's anonymous checks are one constraint, as Hibernate declares them
        CheckConstraint.check(null, "(refund <> 'PAID') and (refund in ('NEW','PAID','SHIPPED'))"),
        CheckConstraint.check("ck_payments_range", "low <= high"),
        CheckConstraint.check("ck_payments_low", "low >= 0"),
        CheckConstraint.check(null, "high < 1000")),
        Set.copyOf(table.checks()));
    assertEquals(9, table.checks().size());
  }

  // --- quoted names ---------------------------------------------------------------------------

  @Entity(name = "QuotedUser")
  @jakarta.persistence.Table(name = "\"Users\"",
      uniqueConstraints = @jakarta.persistence.UniqueConstraint(name = "\"UQ_Users_Nick\"", columnNames = "\"NickName\""),
      indexes = @jakarta.persistence.Index(name = "IX_Users_Nick", columnList = "\"NickName\" desc"))
  static class QuotedUser {
    @Id @GeneratedValue(strategy = GenerationType.IDENTITY) Long id;
    @jakarta.persistence.Column(name = "\"NickName\"") String nickName;
    @ManyToOne @JoinColumn(name = "\"BossId\"", foreignKey = @jakarta.persistence.ForeignKey(name = "FK_Users_Boss"))
    QuotedUser boss;
  }

  @Test
  void quotedNamesKeepTheirCaseAndUnquotedOnesAreFolded() {
    Table table = read(QuotedUser.class).requireTable("Users");

    assertEquals(List.of("id", "NickName", "BossId"), table.columns().stream().map(c -> c.name()).toList());
    assertEquals(List.of(unique("UQ_Users_Nick", "NickName")), table.uniqueConstraints());
    assertEquals(List.of(Index.index("ix_users_nick", desc("NickName"))), table.indexes());
    assertEquals(List.of(ForeignKey.foreignKey("fk_users_boss", List.of("BossId"), "Users", List.of("id"))),
        table.foreignKeys());
  }

  @Test
  void globallyQuotedIdentifiersKeepTheirCase() {
    EntityModelOptions options = new EntityModelOptions(getClass().getClassLoader(), null, null,
        java.util.Map.of("hibernate.globally_quoted_identifiers", "true"));
    Schema schema = new EntityModelReader(options).read(List.of(Folder.class, Owner.class, Grant.class));

    Table grants = schema.requireTable("grants");
    assertEquals(List.of("folderId", "userId"), grants.primaryKey().orElseThrow().columns());
    Table folders = schema.requireTable("folders");
    assertTrue(folders.foreignKeys().contains(ForeignKey.foreignKey("fk_folders_grant",
        List.of("grant_folder", "grant_user"), "grants", List.of("folderId", "userId"))), () -> "" + folders.foreignKeys());
    assertTrue(folders.foreignKeys().contains(
        ForeignKey.foreignKey(null, List.of("owner_email"), "owners", List.of("email"))), () -> "" + folders.foreignKeys());
  }

  // --- invented names never reach the model ---------------------------------------------------

  @Test
  void noHibernateHashNameReachesTheModel() {
    Schema schema = read(Account.class, Tagged.class, Event.class, Folder.class, Owner.class, Grant.class,
        Vehicle.class, Truck.class, Bus.class, Doc.class, Payment.class);
    java.util.regex.Pattern hash = java.util.regex.Pattern.compile("(?i)(fk|uk|idx)[0-9a-z]{20,}");

    List<String> names = new java.util.ArrayList<>();
    for (Table table : schema.tables().values()) {
      table.constraints().forEach(constraint -> names.add(constraint.name()));
      table.indexes().stream().filter(Index::isManaged).forEach(index -> names.add(index.name()));
    }
    assertTrue(names.stream().filter(java.util.Objects::nonNull).noneMatch(name -> hash.matcher(name).matches()),
        () -> "names: " + names);
    assertTrue(names.contains(null));
  }

  @Entity(name = "Broken")
  @jakarta.persistence.Table(name = "broken",
      uniqueConstraints = @jakarta.persistence.UniqueConstraint(columnNames = "nosuch"))
  static class Broken {
    @Id Long id;
  }

  @Test
  void aUniqueConstraintOnAMissingColumnIsAMappingError() {
    EntityMappingException error = org.junit.jupiter.api.Assertions.assertThrows(EntityMappingException.class,
        () -> read(Broken.class));

    assertTrue(error.getMessage().contains("nosuch"), error.getMessage());
  }

  @Entity(name = "Shape")
  @Inheritance(strategy = InheritanceType.TABLE_PER_CLASS)
  abstract static class Shape {
    @Id Long id;
    @ManyToOne Owner owner;
  }

  @Entity(name = "Square")
  @jakarta.persistence.Table(name = "squares")
  static class Square extends Shape {
    double side;
  }

  @Test
  void tablePerClassTablesGetTheInheritedForeignKeys() {
    Schema schema = read(Shape.class, Square.class, Owner.class);

    assertEquals(List.of("owners", "squares"), List.copyOf(schema.tables().keySet()));
    assertEquals(List.of(ForeignKey.foreignKey(null, List.of("owner_id"), "owners", List.of("id"))),
        schema.requireTable("squares").foreignKeys());
  }

  static Schema read(Class<?>... classes) {
    return new EntityModelReader(EntityModelOptions.using(ConstraintReadingTest.class.getClassLoader()))
        .read(List.of(classes));
  }
}
