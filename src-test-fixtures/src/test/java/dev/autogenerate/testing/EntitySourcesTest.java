package dev.autogenerate.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.Entity;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EntitySourcesTest {

  private static final String BEFORE =
      String.join(
          "\n",
          "package com.example.shop;",
          "",
          "import jakarta.persistence.Entity;",
          "import jakarta.persistence.Id;",
          "",
          "@Entity",
          "public class Customer {",
          "  @Id private Long id;",
          "  private String name;",
          "}");

  private static final String AFTER =
      String.join(
          "\n",
          "package com.example.shop;",
          "",
          "import jakarta.persistence.Column;",
          "import jakarta.persistence.Entity;",
          "import jakarta.persistence.Id;",
          "",
          "@Entity",
          "public class Customer {",
          "  @Id private Long id;",
          "  private String name;",
          "  @Column(nullable = false) private String email;",
          "}");

  @Test
  void compilesTwoVersionsOfOneClassSideBySide() throws Exception {
    CompiledClasses before = EntitySources.compile(BEFORE);
    CompiledClasses after = EntitySources.compile(AFTER);

    assertEquals(List.of("com.example.shop.Customer"), before.classNames());
    assertEquals(before.classNames(), after.classNames());
    assertNotEquals(before.directory(), after.directory());
    assertTrue(Files.isRegularFile(before.directory().resolve("com/example/shop/Customer.class")));

    Class<?> oldCustomer = before.loadClasses().get(0);
    Class<?> newCustomer = after.loadClasses().get(0);
    assertNotSame(oldCustomer, newCustomer);
    assertEquals(List.of("id", "name"), fieldNames(oldCustomer));
    assertEquals(List.of("id", "name", "email"), fieldNames(newCustomer));
    // The annotation resolves to the test's own Jakarta Persistence, not a copy.
    assertTrue(newCustomer.isAnnotationPresent(Entity.class));
  }

  /**
   * The second compile of the same sources writes what the first one compiled, from memory: the
   * same class files in a directory of their own, whatever became of the first directory since.
   */
  @Test
  void sourcesCompiledAgainGiveTheSameClassFilesInTheirOwnDirectory(@TempDir Path first, @TempDir Path second)
      throws Exception {
    EntitySources.compileInto(first, List.of(AFTER));
    byte[] compiled = Files.readAllBytes(first.resolve("com/example/shop/Customer.class"));
    Files.write(first.resolve("com/example/shop/Customer.class"), new byte[] {0});

    CompiledClasses again = EntitySources.compileInto(second, List.of(AFTER));

    assertArrayEquals(compiled, Files.readAllBytes(second.resolve("com/example/shop/Customer.class")));
    assertEquals(List.of("id", "name", "email"), fieldNames(again.loadClasses().get(0)));
    // A changed source is compiled, not served the class files of the other version.
    CompiledClasses changed = EntitySources.compileInto(second, List.of(BEFORE));
    assertEquals(List.of("id", "name"), fieldNames(changed.loadClasses().get(0)));
  }

  @Test
  void compilesSourcesGivenByClassName() {
    CompiledClasses compiled =
        EntitySources.compile(
            Map.of(
                "com.example.Money",
                "package com.example; public record Money(long cents, String currency) {}"));

    assertEquals(List.of("com.example.Money"), compiled.classNames());
    assertEquals("com.example.Money", compiled.loadClasses().get(0).getName());
  }

  @Test
  void compilesSourcesThatReferToEachOther() {
    CompiledClasses compiled =
        EntitySources.compile(
            "package com.example; public enum Status { ACTIVE, CLOSED }",
            "package com.example; public class Account { Status status = Status.ACTIVE; }");

    assertEquals(List.of("com.example.Status", "com.example.Account"), compiled.classNames());
    assertEquals(2, compiled.loadClasses().size());
  }

  @Test
  void reportsCompileErrorsWithFileAndLine() {
    String broken =
        String.join(
            "\n",
            "package com.example.shop;",
            "",
            "public class Broken {",
            "  private Strin name;",
            "}");

    AssertionError error = assertThrows(AssertionError.class, () -> EntitySources.compile(broken));

    String message = error.getMessage();
    assertTrue(message.contains("com/example/shop/Broken.java:4:"), message);
    assertTrue(message.contains("cannot find symbol"), message);
    assertTrue(message.contains("private Strin name;"), message);
  }

  @Test
  void findsTheClassNameAfterCommentsAnnotationsAndStrings() {
    String source =
        String.join(
            "\n",
            "/* This class is not the one: class Decoy */",
            "package com.example.shop; // a class comment",
            "",
            "@jakarta.persistence.Table(name = \"class Order\")",
            "public final class PurchaseOrder {}");

    assertEquals("com.example.shop.PurchaseOrder", SourceNames.qualifiedName(source));
    assertEquals("Plain", SourceNames.qualifiedName("record Plain() {}"));
  }

  private static List<String> fieldNames(Class<?> type) {
    return Arrays.stream(type.getDeclaredFields()).map(Field::getName).collect(Collectors.toList());
  }
}
