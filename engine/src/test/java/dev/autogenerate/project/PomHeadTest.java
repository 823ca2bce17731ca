package dev.autogenerate.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The groupId and packaging of a POM, read without an XML parser. */
class PomHeadTest {

  @Test
  void theProjectsOwnGroupIdWinsOverItsParentsAndItsDependencies() {
    PomHead pom = PomHead.parse("""
        <?xml version="1.0" encoding="UTF-8"?>
        <!-- <groupId>not.this</groupId> -->
        <project xmlns="http://maven.apache.org/POM/4.0.0">
          <parent>
            <groupId>org.springframework.boot</groupId>
            <artifactId>spring-boot-starter-parent</artifactId>
          </parent>
          <dependencies>
            <dependency><groupId>org.postgresql</groupId></dependency>
          </dependencies>
          <groupId> com.acme.shop </groupId>
          <packaging>jar</packaging>
        </project>
        """);

    assertEquals(new PomHead(Optional.of("com.acme.shop"), "jar", true), pom);
  }

  @Test
  void anInheritedGroupIdIsTheParentsAndAnAggregatorSaysSo() {
    PomHead pom = PomHead.parse("<project><parent><groupId>com.acme</groupId><relativePath/></parent>"
        + "<artifactId>shop</artifactId><packaging>pom</packaging><modules><module>a</module></modules></project>");

    assertEquals(Optional.of("com.acme"), pom.groupId());
    assertEquals("pom", pom.packaging());
    assertFalse(pom.namesSpringBoot());
  }

  @Test
  void anExpressionOrNoGroupIdIsNone() {
    assertEquals(Optional.empty(), PomHead.parse("<project><groupId>${group}</groupId></project>").groupId());
    assertEquals(Optional.empty(), PomHead.parse("<project><artifactId>a</artifactId></project>").groupId());
    assertTrue(PomHead.parse("<project><build><plugins><plugin><artifactId>spring-boot-maven-plugin</artifactId>"
        + "</plugin></plugins></build></project>").namesSpringBoot());
  }
}
