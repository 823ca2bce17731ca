package dev.autogenerate.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogenerate.testing.EntitySources;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The classes that can change the entities' model are the mapped ones and whatever they name,
 * however they name it (a field's type, a generic argument, an annotation's class value, a
 * string); what only the rest of the application names does not count.
 */
class MappingClassesTest {

  @TempDir Path directory;

  private static final List<String> APPLICATION = List.of("""
      package com.example.domain;

      import jakarta.persistence.*;
      import java.util.Set;

      @Entity
      public class Customer {
        static final String GENERATOR = "com.example.domain.NamedByString";
        static final String NESTED = "com.example.domain.Outer.Inner";
        @Id Long id;
        @Enumerated(EnumType.STRING) Status status;
        @ElementCollection @Enumerated(EnumType.STRING) Set<Role> roles;
        @Convert(converter = MoneyConverter.class) Long price;
        @Embedded Address address;
      }
      """, """
      package com.example.domain;
      public enum Status { ACTIVE, CLOSED }
      """, """
      package com.example.domain;
      public enum Role { ADMIN, USER }
      """, """
      package com.example.domain;
      public class MoneyConverter implements jakarta.persistence.AttributeConverter<Long, String> {
        public String convertToDatabaseColumn(Long value) { return Rounding.format(value); }
        public Long convertToEntityAttribute(String value) { return Long.valueOf(value); }
      }
      """, """
      package com.example.domain;
      final class Rounding {
        static String format(Long value) { return String.valueOf(value); }
      }
      """, """
      package com.example.domain;
      @jakarta.persistence.Embeddable
      public class Address { String street; }
      """, """
      package com.example.domain;
      public class NamedByString {}
      """, """
      package com.example.domain;
      public class Outer { public static class Inner {} }
      """, """
      package com.example.domain;
      public class NamingStrategy {}
      """, """
      package com.example.service;

      import com.example.domain.Customer;

      public class CustomerService {
        Customer load(long id) { return Helper.make(id); }
      }
      """, """
      package com.example.service;
      class Helper {
        static com.example.domain.Customer make(long id) { return new com.example.domain.Customer(); }
      }
      """);

  @Test
  void theMappedClassesAndWhatTheyNameCountAndTheRestDoesNot() throws Exception {
    Map<String, byte[]> classFiles = compiled(APPLICATION);

    Optional<Set<String>> counted = MappingClasses.of(classFiles, List.of("com.example.domain.NamingStrategy"));

    assertEquals(Optional.of(new TreeSet<>(List.of("com/example/domain/Address", "com/example/domain/Customer",
        "com/example/domain/MoneyConverter", "com/example/domain/NamedByString", "com/example/domain/NamingStrategy",
        "com/example/domain/Outer", "com/example/domain/Outer$Inner", "com/example/domain/Role",
        "com/example/domain/Rounding", "com/example/domain/Status"))), counted.map(TreeSet::new));
  }

  @Test
  void aPackageInfoCountsWithWhatItNames() throws Exception {
    // A package-info class holds the package's annotations (type registrations, generators);
    // the fixtures compile no package-info source, so a class naming another stands in for one.
    Map<String, byte[]> classFiles = compiled(List.of("""
        package com.example.domain;
        public class Annotations { UuidType registered; }
        """, """
        package com.example.domain;
        public class UuidType {}
        """));
    classFiles.put("com/example/domain/package-info", classFiles.remove("com/example/domain/Annotations"));

    assertEquals(Optional.of(Set.of("com/example/domain/package-info", "com/example/domain/UuidType")),
        MappingClasses.of(classFiles, List.of()));
  }

  @Test
  void namesBeyondAsciiAreFollowed() throws Exception {
    Map<String, byte[]> classFiles = compiled(List.of("""
        package com.example.größe;

        @jakarta.persistence.Entity
        public class Kunde {
          @jakarta.persistence.Id Long id;
          Größe größe;
          Emoji\uD835\uDC9C tag;
        }
        """, """
        package com.example.größe;
        public enum Größe { KLEIN, GROSS }
        """, """
        package com.example.größe;
        public enum Emoji\uD835\uDC9C { A }
        """, """
        package com.example.größe;
        public class Dienst {}
        """));

    assertEquals(Optional.of(Set.of("com/example/größe/Kunde", "com/example/größe/Größe",
        "com/example/größe/Emoji\uD835\uDC9C")), MappingClasses.of(classFiles, List.of()));
  }

  @Test
  void aClassFileThatDoesNotReadMakesEveryClassCount() throws Exception {
    Map<String, byte[]> classFiles = compiled(APPLICATION);
    classFiles.put("com/example/Broken", new byte[] {1, 2, 3});

    assertEquals(Optional.empty(), MappingClasses.of(classFiles, List.of()));
  }

  @Test
  void onlyAMappingFileNamingClassesInAPackageMakesEveryClassCount() {
    assertTrue(MappingClasses.namesClassesInAPackage("""
        <entity-mappings xmlns="https://jakarta.ee/xml/ns/persistence/orm" version="3.1">
          <package>com.example.domain</package>
          <entity class="Customer"/>
        </entity-mappings>
        """));
    assertTrue(MappingClasses.namesClassesInAPackage("<hibernate-mapping package=\"com.example\"><class name=\"User\"/>"
        + "</hibernate-mapping>"));
    assertFalse(MappingClasses.namesClassesInAPackage("""
        <configuration>
          <logger name="com.example.package" level="DEBUG"/>
        </configuration>
        """));
    assertFalse(MappingClasses.namesClassesInAPackage("""
        <entity-mappings><entity class="com.example.domain.Customer"/></entity-mappings>
        """));
  }

  private Map<String, byte[]> compiled(List<String> sources) {
    return EntitySources.compileInto(directory, sources).classFiles();
  }
}
