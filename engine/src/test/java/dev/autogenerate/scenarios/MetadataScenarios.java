package dev.autogenerate.scenarios;

import static dev.autogenerate.scenarios.Entities.ID;
import static dev.autogenerate.scenarios.Entities.annotated;
import static dev.autogenerate.scenarios.Entities.entity;
import static dev.autogenerate.scenarios.Scenario.named;

import java.util.List;

/** Comments, sequences and inheritance. */
final class MetadataScenarios {

  private MetadataScenarios() {}

  private static final String SEQUENCED = entity("Invoice", "invoices", "@Id @GeneratedValue Long id;", "String number;");

  static List<Scenario> all() {
    return List.of(
        named("a table comment (SQLite has none, its migration still carries it)")
            .before(entity("User", "users", ID, "String email;"))
            .after(annotated("User", "@Entity\n@Table(name = \"users\")\n@org.hibernate.annotations.Comment(\"People who log in\")",
                ID, "String email;"))
            .expect("comment on table users"),
        named("a column comment")
            .before(entity("User", "users", ID, "String email;"))
            .after(entity("User", "users", ID, "@Comment(\"Where we write\") String email;"))
            .expect("alter column users.email: set comment"),
        named("a table comment removed")
            .before(annotated("User", "@Entity\n@Table(name = \"users\")\n@org.hibernate.annotations.Comment(\"People\")",
                ID, "String email;"))
            .after(entity("User", "users", ID, "String email;"))
            .expect("drop comment on table users"),
        named("a sequence-generated id brings its sequence")
            .after(SEQUENCED)
            .expect("create sequence invoices_seq", "create table invoices"),
        named("a named sequence generator")
            .after(entity("Invoice", "invoices",
                "@Id @GeneratedValue(generator = \"numbers\") @SequenceGenerator(name = \"numbers\","
                    + " sequenceName = \"invoice_numbers\", initialValue = 1000, allocationSize = 10) Long id;"))
            .expect("create sequence invoice_numbers", "create table invoices"),
        named("a sequence no entity uses any more is dropped")
            .before(SEQUENCED, entity("Note", "notes", ID))
            .after(entity("Note", "notes", ID))
            .expect("drop table invoices", "drop sequence invoices_seq"),
        named("single-table inheritance: a subclass adds its columns and the discriminator")
            .before(annotated("Payment", "@Entity\n@Table(name = \"payments\")\n@Inheritance(strategy = InheritanceType.SINGLE_TABLE)",
                ID, "BigDecimal amount;"))
            .after(annotated("Payment", "@Entity\n@Table(name = \"payments\")\n@Inheritance(strategy = InheritanceType.SINGLE_TABLE)",
                ID, "BigDecimal amount;"),
                annotated("CardPayment", "@Entity", "String cardNumber;").replace("public class CardPayment {",
                    "public class CardPayment extends Payment {"))
            .expect("add column payments.dtype", "add column payments.cardnumber",
                "add check constraint ck_payments_dtype on payments"),
        named("joined inheritance: a subclass table keyed by its parent")
            .before(annotated("Payment", "@Entity\n@Table(name = \"payments\")\n@Inheritance(strategy = InheritanceType.JOINED)",
                ID, "BigDecimal amount;"))
            .after(annotated("Payment", "@Entity\n@Table(name = \"payments\")\n@Inheritance(strategy = InheritanceType.JOINED)",
                ID, "BigDecimal amount;"),
                annotated("CardPayment", "@Entity\n@Table(name = \"card_payments\")", "String cardNumber;")
                    .replace("public class CardPayment {", "public class CardPayment extends Payment {"))
            .expect("create table card_payments"));
  }
}
