package dev.autogenerate.project;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The YAML Spring configuration files use, flattened to Spring's dotted property names. */
class YamlSubsetTest {

  private static Map<String, String> single(String yaml) {
    List<Map<String, String>> documents = YamlSubset.documents(yaml);
    assertEquals(1, documents.size(), documents::toString);
    return documents.get(0);
  }

  @Test
  void nestedMapsBecomeDottedKeys() {
    Map<String, String> entries = single("""
        spring:
          datasource:
            url: jdbc:postgresql://db:5432/app
            username: app
          jpa:
            hibernate:
              naming:
                physical-strategy: com.example.Naming
        server:
          port: 8080
        """);

    assertEquals(Map.of(
        "spring.datasource.url", "jdbc:postgresql://db:5432/app",
        "spring.datasource.username", "app",
        "spring.jpa.hibernate.naming.physical-strategy", "com.example.Naming",
        "server.port", "8080"), entries);
  }

  @Test
  void aSiblingAfterADeeperBlockIsNotNestedUnderIt() {
    Map<String, String> entries = single("""
        spring:
          jpa:
            properties:
              hibernate.default_schema: app
          datasource.url: jdbc:sqlite:app.db
        top: value
        """);

    assertEquals("app", entries.get("spring.jpa.properties.hibernate.default_schema"));
    assertEquals("jdbc:sqlite:app.db", entries.get("spring.datasource.url"));
    assertEquals("value", entries.get("top"));
    assertEquals(3, entries.size(), entries::toString);
  }

  @Test
  void dottedKeysAndIndentationOfFourSpaces() {
    Map<String, String> entries = single("""
        spring.datasource:
            url: jdbc:sqlite:x.db
            password: s
        """);

    assertEquals(Map.of("spring.datasource.url", "jdbc:sqlite:x.db", "spring.datasource.password", "s"), entries);
  }

  @Test
  void commentsAreDroppedButAHashInsideAValueOrQuotesStays() {
    Map<String, String> entries = single("""
        # the database
        a: plain value   # why
        b: "quoted # not a comment"
        c: 'single # too'
        d: pass#word
          # an indented comment
        e: x
        """);

    assertEquals(Map.of("a", "plain value", "b", "quoted # not a comment", "c", "single # too",
        "d", "pass#word", "e", "x"), entries);
  }

  @Test
  void quotedScalarsAreUnquotedWithTheirEscapes() {
    Map<String, String> entries = single("""
        double: "say \\"hi\\""
        single: 'it''s'
        colon: "jdbc:sqlite:a.db"
        "quoted key": v
        empty: ""
        nothing: ~
        """);

    assertEquals("say \"hi\"", entries.get("double"));
    assertEquals("it's", entries.get("single"));
    assertEquals("jdbc:sqlite:a.db", entries.get("colon"));
    assertEquals("v", entries.get("quoted key"));
    assertEquals("", entries.get("empty"));
    assertEquals("", entries.get("nothing"));
  }

  @Test
  void aValueWithColonsNeedsNoQuotes() {
    assertEquals("jdbc:postgresql://h:5432/db?a=b", single("url: jdbc:postgresql://h:5432/db?a=b\n").get("url"));
  }

  @Test
  void placeholdersStayForSpringPlaceholdersToResolve() {
    assertEquals("${DB_URL:jdbc:sqlite:dev.db}", single("url: ${DB_URL:jdbc:sqlite:dev.db}\n").get("url"));
  }

  @Test
  void listsAndBlockScalarsAreSkippedWithEverythingUnderThem() {
    Map<String, String> entries = single("""
        management:
          endpoints:
            - health
            - name: info
              detail: x
          after: kept
        banner: |
          some: text
          more
        spring.datasource.url: jdbc:sqlite:a.db
        """);

    assertEquals(Map.of("management.after", "kept", "spring.datasource.url", "jdbc:sqlite:a.db"), entries);
  }

  @Test
  void documentsAreSeparatedByThreeDashes() {
    List<Map<String, String>> documents = YamlSubset.documents("""
        a: 1
        ---
        spring:
          config.activate.on-profile: prod
        a: 2
        """);

    assertEquals(List.of(Map.of("a", "1"), Map.of("spring.config.activate.on-profile", "prod", "a", "2")), documents);
  }

  @Test
  void tabsAndWindowsLineEndingsAreRead() {
    assertEquals(Map.of("a.b", "c"), single("a:\r\n\tb: c\r\n"));
  }

  @Test
  void aContinuationLineIsSkippedNotMistakenForAKey() {
    Map<String, String> entries = single("""
        description: a plain value
          that goes on
        list: [a,
          b]
        after: x
        """);

    assertEquals(Map.of("description", "a plain value", "list", "[a,", "after", "x"), entries);
  }
}
