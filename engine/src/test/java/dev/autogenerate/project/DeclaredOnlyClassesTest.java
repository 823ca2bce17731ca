package dev.autogenerate.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogenerate.testing.EntitySources;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Which mapped classes count by their declarations: those whose own file allows it, that no
 * setting names, and that no code which may run while Hibernate reads the entities reaches,
 * directly or through the code of a mapped class that fell back.
 */
class DeclaredOnlyClassesTest {

  private static final String OBJECT = "java/lang/Object";

  private static DeclaredOnlyClasses.Shape mapped(String superName, String... reaches) {
    return new DeclaredOnlyClasses.Shape(Optional.of("d"), superName, List.of(reaches));
  }

  private static DeclaredOnlyClasses.Shape code(String superName, String... reaches) {
    return new DeclaredOnlyClasses.Shape(Optional.empty(), superName, List.of(reaches));
  }

  @Test
  void whatRunningCodeReachesFallsBackAndSoDoesWhatItsCodeReaches() {
    Map<String, DeclaredOnlyClasses.Shape> shapes = Map.of(
        "Converter", code(OBJECT, "Order"),
        "Order", mapped(OBJECT, "Line"),
        "Line", mapped(OBJECT),
        "Customer", mapped(OBJECT, "Address"),
        "Address", mapped(OBJECT),
        "Base", mapped(OBJECT),
        "Special", code("Base"));
    Set<String> declared = DeclaredOnlyClasses.of(shapes, shapes.keySet(), Set.of());
    // Order is reached by the converter, Line by Order's code once Order's may run; Base is
    // Special's superclass, whose methods Special's code may call as its own. Customer's code
    // never runs, so what it reaches stays declared.
    assertEquals(Set.of("Customer", "Address"), declared);
  }

  @Test
  void aNamedClassOrOneWhoseSuperclassIsNoCandidateFallsBack() {
    Map<String, DeclaredOnlyClasses.Shape> shapes = Map.of(
        "Strategy", mapped(OBJECT),
        "Library", mapped("org/hibernate/boot/model/naming/PhysicalNamingStrategyStandardImpl"),
        "Plain", code(OBJECT),
        "OnPlain", mapped("Plain"),
        "Base", mapped(OBJECT),
        "Sub", mapped("Base"));
    assertEquals(Set.of("Base", "Sub"), DeclaredOnlyClasses.of(shapes, shapes.keySet(), Set.of("Strategy")));
    // Only the classes that count are looked at.
    assertEquals(Set.of("Base"), DeclaredOnlyClasses.of(shapes, Set.of("Base", "Plain"), Set.of()));
  }

  @Test
  void aClassFileAllowsItOnlyAsAnEntityWithoutStaticInitializerOrOtherInterfaces() throws Exception {
    String entity = """
        package com.example;

        @jakarta.persistence.Entity
        public class Item implements java.io.Serializable {
          @jakarta.persistence.Id Long id;
          public String label() { return Helper.text(id); }
        }
        """;
    String helper = """
        package com.example;

        public class Helper {
          static String text(Long id) { return "item " + id; }
        }
        """;
    MappingClasses.KnownNames known = new MappingClasses.KnownNames(Set.of("com/example/Item", "com/example/Helper"));
    DeclaredOnlyClasses.Shape shape = shape(known, "com/example/Item", entity, helper);
    assertTrue(shape.declarations().isPresent());
    assertEquals(OBJECT, shape.superName());
    assertEquals(List.of("com/example/Helper"), shape.memberOwners());

    assertTrue(shape(known, "com/example/Item", entity.replace("public String label()",
        "static final Object LOCK = new Object();\n  public String label()"), helper).declarations().isEmpty(),
        "a static initializer");
    assertTrue(shape(known, "com/example/Item", entity.replace("java.io.Serializable",
        "java.io.Serializable, org.hibernate.boot.model.naming.ImplicitNamingStrategy")
        .replace("public class", "public abstract class"), helper).declarations().isEmpty(), "Hibernate's interface");
    assertTrue(shape(known, "com/example/Helper", entity, helper).declarations().isEmpty(), "not mapped");
  }

  private static DeclaredOnlyClasses.Shape shape(MappingClasses.KnownNames known, String name, String... sources)
      throws Exception {
    byte[] classFile = Files.readAllBytes(EntitySources.compile(sources).directory().resolve(name + ".class"));
    return DeclaredOnlyClasses.Shape.of(classFile, known);
  }
}
