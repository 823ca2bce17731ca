package dev.autogenerate.project;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The entity source of a table and of a column is found by a text search of the source roots. */
class EntitySourceLocatorTest {

  @TempDir Path directory;

  private static final String USER = """
      package com.example.domain;

      import jakarta.persistence.*;

      /** A user. */
      @Entity
      @Table(name = "app.users")
      public class User {
        static final int LIMIT = 3;
        @Id Long id;
        @Column(name = "mail_address", nullable = false)
        private String email;
        String firstName;
        @ManyToOne @JoinColumn(name = "team_ref") Team team;

        int age() {
          int years = 1;
          return years;
        }
      }
      """;

  private static final String ORDER_LINE = """
      package com.example.domain;

      @jakarta.persistence.Entity
      public class OrderLine {
        @jakarta.persistence.Id Long id;
      }
      """;

  private static final String NOT_AN_ENTITY = """
      package com.example.domain;

      public class Users {
        String email;
      }
      """;

  private EntitySourceLocator locator() throws Exception {
    write("src/main/java/com/example/domain/Users.java", NOT_AN_ENTITY);
    write("src/main/java/com/example/domain/User.java", USER);
    write("shop/src/main/java/com/example/domain/OrderLine.java", ORDER_LINE);
    return EntitySourceLocator.under(directory);
  }

  @Test
  void aColumnIsFoundByItsAnnotationOrItsFieldName() throws Exception {
    EntitySourceLocator locator = locator();
    String file = "src/main/java/com/example/domain/User.java";
    assertEquals(Optional.of(new SourceLocation(file, 12)), locator.locate("users", "mail_address"));
    assertEquals(Optional.of(new SourceLocation(file, 13)), locator.locate("app.users", "first_name"));
    assertEquals(Optional.of(new SourceLocation(file, 13)), locator.locate("USERS", "FIRSTNAME"));
    assertEquals(Optional.of(new SourceLocation(file, 14)), locator.locate("users", "team_ref"));
    assertEquals(Optional.of(new SourceLocation(file, 10)), locator.locate("users", "id"));
  }

  @Test
  void aColumnWithoutAFieldPointsAtTheClass() throws Exception {
    EntitySourceLocator locator = locator();
    String file = "src/main/java/com/example/domain/User.java";
    assertEquals(Optional.of(new SourceLocation(file, 8)), locator.locate("users", "nickname"));
    // a local variable and a constant are not columns; "email" is named otherwise by @Column
    assertEquals(Optional.of(new SourceLocation(file, 8)), locator.locate("users", "years"));
    assertEquals(Optional.of(new SourceLocation(file, 8)), locator.locate("users", "limit"));
    assertEquals(Optional.of(new SourceLocation(file, 8)), locator.locate("users", "email"));
    assertEquals(Optional.of(new SourceLocation(file, 8)), locator.locate("users", null));
  }

  @Test
  void aTableWithoutTableIsFoundByItsClassNameInAModule() throws Exception {
    EntitySourceLocator locator = locator();
    String file = "shop/src/main/java/com/example/domain/OrderLine.java";
    assertEquals(Optional.of(new SourceLocation(file, 4)), locator.locate("order_line", null));
    assertEquals(Optional.of(new SourceLocation(file, 5)), locator.locate("orderline", "id"));
  }

  @Test
  void aTableNoEntityMapsIsNotFound() throws Exception {
    assertEquals(Optional.empty(), locator().locate("accounts", "id"));
    assertEquals(Optional.empty(), EntitySourceLocator.under(directory.resolve("missing")).locate("users", "id"));
  }

  private void write(String path, String text) throws Exception {
    Path file = directory.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  /** The name of an @Index inside @Table was read as the table's: the entity got no file in a GitHub report. */
  @Test
  void anIndexNameInsideTableIsNotTheTablesName() throws Exception {
    write("src/main/java/com/example/domain/Customer.java", """
        package com.example.domain;

        import jakarta.persistence.*;

        @Entity
        @Table(indexes = @Index(name = "ix_customer_email", columnList = "email"))
        public class Customer {
          @Id Long id;
          String email;
        }
        """);
    write("src/main/java/com/example/domain/Invoice.java", """
        package com.example.domain;

        import jakarta.persistence.*;

        @Entity
        @Table(indexes = {@Index(name = "ix_invoice_no", columnList = "no")}, name = "bills")
        public class Invoice {
          @Id Long id;
          String no;
        }
        """);
    EntitySourceLocator locator = EntitySourceLocator.under(directory);

    String customer = "src/main/java/com/example/domain/Customer.java";
    assertEquals(Optional.of(new SourceLocation(customer, 9)), locator.locate("customer", "email"));
    String invoice = "src/main/java/com/example/domain/Invoice.java";
    assertEquals(Optional.of(new SourceLocation(invoice, 9)), locator.locate("bills", "no"));
  }
}
