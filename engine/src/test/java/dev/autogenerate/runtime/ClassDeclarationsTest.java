package dev.autogenerate.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogenerate.testing.EntitySources;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A class's declarations stay the same through an edit of a method body, however the compiler
 * renumbers the constant pool, and change with anything Hibernate could read: an annotation or
 * its value, a field, a method, a generic type, a type annotation, a record component.
 */
class ClassDeclarationsTest {

  private static final String ORDER = """
      package com.example;

      import jakarta.persistence.*;
      import java.util.List;

      @Entity
      @Table(name = "orders")
      public class Order implements java.io.Serializable {
        private static final long serialVersionUID = 1L;
        @Id @GeneratedValue Long id;
        @Column(length = 40) String note;
        @ElementCollection List<String> tags;

        public String label() {
          return "order " + id;
        }
      }
      """;

  @Test
  void anEditedMethodBodyKeepsTheDeclarations() throws Exception {
    byte[] before = compiled(ORDER, "com/example/Order");
    // Other constants (a new literal, a call), so another pool; the same members.
    byte[] after = compiled(ORDER.replace("return \"order \" + id;",
        "String prefix = String.valueOf(System.nanoTime());\n    return prefix.isEmpty() ? \"none\" : prefix + note;"),
        "com/example/Order");
    assertFalse(Arrays.equals(before, after), "the class files differ");
    assertEquals(digest(before), digest(after));
    // No string concatenation left: no bootstrap method, no MethodHandles.Lookup among the inner classes.
    byte[] plain = compiled(ORDER.replace("return \"order \" + id;", "return note;"), "com/example/Order");
    assertEquals(digest(before), digest(plain));
    assertEquals(List.of("Ljakarta/persistence/Entity;", "Ljakarta/persistence/Table;"),
        ClassDeclarations.of(before).orElseThrow().annotations());
    assertEquals(List.of("java/io/Serializable"), ClassDeclarations.of(before).orElseThrow().interfaces());
  }

  @Test
  void whatHibernateCanReadChangesThem() throws Exception {
    String before = digest(compiled(ORDER, "com/example/Order"));
    List<String> edits = List.of(
        ORDER.replace("length = 40", "length = 80"),
        ORDER.replace("@Table(name = \"orders\")", "@Table(name = \"order_rows\")"),
        ORDER.replace("String note;", "String note;\n  Integer age;"),
        ORDER.replace("String note;", "String remark;"),
        ORDER.replace("List<String> tags;", "List<Integer> tags;"),
        ORDER.replace("serialVersionUID = 1L", "serialVersionUID = 2L"),
        ORDER.replace("public String label()", "protected String label()"),
        ORDER.replace("public String label() {", "public Integer size() { return 1; }\n  public String label() {"),
        // A lambda is a method of its own, declared in the class.
        ORDER.replace("return \"order \" + id;", "return java.util.Optional.of(id).map(i -> \"order \" + i).get();"));
    for (String edited : edits) {
      assertNotEquals(before, digest(compiled(edited, "com/example/Order")), edited);
    }
  }

  @Test
  void typeAnnotationsAndRecordComponentsAreDeclarations() throws Exception {
    String annotation = """
        package com.example;

        import java.lang.annotation.*;

        @Retention(RetentionPolicy.RUNTIME)
        @Target({ElementType.TYPE_USE, ElementType.FIELD, ElementType.METHOD, ElementType.RECORD_COMPONENT})
        public @interface Marked { String value() default ""; }
        """;
    String money = """
        package com.example;

        @jakarta.persistence.Embeddable
        public record Money(@Marked("a") String currency, java.util.List<@Marked("b") String> codes, long cents) {
          public String shown() { return cents + " cents"; }
        }
        """;
    String before = digest(compiledWith(money, annotation, "com/example/Money"));
    assertEquals(before, digest(compiledWith(money.replace("cents + \" cents\"", "\"\" + (cents / 100)"), annotation,
        "com/example/Money")));
    assertNotEquals(before, digest(compiledWith(money.replace("@Marked(\"b\")", "@Marked(\"c\")"), annotation,
        "com/example/Money")));
    assertNotEquals(before, digest(compiledWith(money.replace("@Marked(\"a\")", "@Marked(\"z\")"), annotation,
        "com/example/Money")));
    assertNotEquals(before, digest(compiledWith(money.replace("long cents", "int cents"), annotation,
        "com/example/Money")));
  }

  /**
   * Found in review: decoded and encoded again, an unpaired surrogate became a question mark, and
   * two column names one key.
   */
  @Test
  void namesThatDifferInAnUnpairedSurrogateDiffer() throws Exception {
    String questionMark = digest(compiled(ORDER.replace("@Column(length = 40)", "@Column(name = \"note?\")"),
        "com/example/Order"));
    String surrogate = digest(compiled(ORDER.replace("@Column(length = 40)", "@Column(name = \"note\\uD800\")"),
        "com/example/Order"));
    assertNotEquals(questionMark, surrogate);
  }

  @Test
  void aClassWithAnAttributeItDoesNotKnowHasNoDeclarations() throws Exception {
    byte[] order = compiled(ORDER, "com/example/Order");
    assertTrue(ClassDeclarations.of(order).isPresent());
    // The source file attribute's name made into one no specification defines (same length).
    byte[] renamed = replaceOnce(order, "SourceFile", "SourceFilf");
    assertTrue(ClassDeclarations.of(renamed).isEmpty());
    assertTrue(ClassDeclarations.of("not a class".getBytes(StandardCharsets.UTF_8)).isEmpty());
    assertTrue(ClassDeclarations.of(Arrays.copyOf(order, order.length - 3)).isEmpty());
  }

  private static String digest(byte[] classFile) {
    return ClassDeclarations.of(classFile).orElseThrow().digest();
  }

  private static byte[] compiled(String source, String internalName) throws Exception {
    return Files.readAllBytes(EntitySources.compile(source).directory().resolve(internalName + ".class"));
  }

  private static byte[] compiledWith(String source, String other, String internalName) throws Exception {
    return Files.readAllBytes(EntitySources.compile(source, other).directory().resolve(internalName + ".class"));
  }

  private static byte[] replaceOnce(byte[] bytes, String text, String replacement) {
    byte[] target = text.getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i + target.length <= bytes.length; i++) {
      if (Arrays.equals(bytes, i, i + target.length, target, 0, target.length)) {
        byte[] copy = bytes.clone();
        System.arraycopy(replacement.getBytes(StandardCharsets.UTF_8), 0, copy, i, target.length);
        return copy;
      }
    }
    throw new AssertionError(text + " not found");
  }
}
