package dev.autogenerate.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The names a source mentions and may declare, which decide whether it stands alone: always at
 * least what javac would see, and a source that names another file's class never stands alone.
 */
class SourceNamesTest {

  @Test
  void mentionsEveryIdentifierInCodeCommentsAndStringsAfterUnicodeEscapes() {
    Set<String> names = SourceNames.mentioned("""
        package m;
        // uses Sizes
        class A { String s = "Labels"; int n = \\u004eames.COUNT; Object o = Outer$Inner.X; }
        """);
    assertTrue(names.containsAll(List.of("package", "m", "uses", "Sizes", "A", "String", "Labels", "Names", "COUNT",
        "Outer$Inner", "Outer", "Inner")), names.toString());
  }

  @Test
  void declaresTheNamesOfTopLevelClassesOutsideCommentsAndLiterals() {
    Set<String> names = SourceNames.declared("""
        package m;
        // One class would pass Java's limits
        /* enum Commented {} */
        @Revision(id = "a", revises = {"b"}, message = "a class name")
        public final class First implements Migration {
          record Pair(int a) {}
          enum Kind { A { void run() {} } }
          char brace = '{';
          String text = \"\"\"
              } interface Quoted {
              \"\"\";
          Object type = String.class;
          Object other = Integer
              .class;
        }
        @interface Marker {}
        interface Shape {}
        record Point(int x) {}
        """);
    assertEquals(Set.of("First", "Marker", "Shape", "Point"), names);
  }

  @Test
  void aClassIsReachedFromAnotherFileByItsTopLevelName() {
    assertEquals("Outer", SourceNames.topLevelName("m.Outer$Inner"));
    assertEquals("Outer", SourceNames.topLevelName("m.Outer$1Local"));
    assertEquals("Top", SourceNames.topLevelName("Top"));
  }

  @Test
  void aSourceStandsAloneUnlessItNamesAClassAnotherSourceDeclares() {
    Path first = Path.of("First.java");
    Path second = Path.of("Second.java");
    Path helper = Path.of("Names.java");
    Path copy = Path.of("Copy.java");
    List<SelfStandingSources.Source> folder = List.of(
        SelfStandingSources.Source.uncompiled(first, "class First { String c = \"c1\"; }"),
        SelfStandingSources.Source.uncompiled(second, "class Second { String c = Names.SECOND; }"),
        SelfStandingSources.Source.uncompiled(helper, "final class Names { static final String SECOND = \"c2\"; }"));
    assertEquals(Set.of(first, helper), SelfStandingSources.of(folder, List.of(first, second, helper)));

    // Two files declaring one name: neither stands alone (javac has a duplicate to report).
    List<SelfStandingSources.Source> twice = List.of(
        SelfStandingSources.Source.uncompiled(first, "class First {}"),
        SelfStandingSources.Source.uncompiled(copy, "class First {}"));
    assertEquals(Set.of(), SelfStandingSources.of(twice, List.of(first, copy)));

    // A compiled source is judged by what it declares and refers to, read from its classes too.
    SelfStandingSources.Source broken = new SelfStandingSources.Source(first, "class First {}", Set.of("First"),
        Map.of("m.First", new byte[] {1, 2, 3}));
    assertFalse(SelfStandingSources.of(List.of(broken), List.of(first)).contains(first),
        "classes that cannot be read are never taken on trust");
  }
}
