package dev.autogenerate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The picocli switches the command line's process sets ({@link AutogenerateCli#leanPicocli}) leave
 * every option working: the timestamps {@code --created} takes still convert, and the value a
 * user gave a switch stays.
 */
class LeanPicocliTest {

  private static final String[] SWITCHES = {"picocli.disable.closures", "picocli.converters.excludes"};

  private final Map<String, String> before = new HashMap<>();

  @BeforeEach
  void remember() {
    for (String name : SWITCHES) {
      before.put(name, System.getProperty(name));
      System.clearProperty(name);
    }
  }

  @AfterEach
  void restore() {
    before.forEach((name, value) -> {
      if (value == null) {
        System.clearProperty(name);
      } else {
        System.setProperty(name, value);
      }
    });
  }

  @Test
  void theCreatedTimestampStillConverts() {
    AutogenerateCli.leanPicocli();
    AutogenerateCli root = new AutogenerateCli(Path.of("."), Map.of());
    CommandLine commandLine = new CommandLine(root);

    commandLine.parseArgs("-m", "add age", "--created", "2026-12-03T10:15:30Z");

    assertEquals(Instant.parse("2026-12-03T10:15:30Z"), root.created);
  }

  @Test
  void theConvertersLeftOutAreJavaSqlsAndJavaTimesOtherThanInstant() {
    AutogenerateCli.leanPicocli();
    String excludes = System.getProperty("picocli.converters.excludes");

    for (String left : new String[] {"java.sql.Timestamp", "java.sql.Connection", "java.time.Duration",
        "java.time.YearMonth", "java.time.ZoneId"}) {
      assertTrue(matchesOne(left, excludes), left);
    }
    for (String kept : new String[] {"java.time.Instant", "java.nio.file.Path", "java.lang.Integer"}) {
      assertTrue(!matchesOne(kept, excludes), kept);
    }
  }

  @Test
  void aValueTheUserGaveStays() {
    System.setProperty("picocli.converters.excludes", "java.net.InetAddress");

    AutogenerateCli.leanPicocli();

    assertEquals("java.net.InetAddress", System.getProperty("picocli.converters.excludes"));
  }

  /** As picocli reads the switch: comma-separated, each a whole match. */
  private static boolean matchesOne(String className, String excludes) {
    for (String regex : excludes.split(",")) {
      if (className.matches(regex)) {
        return true;
      }
    }
    return false;
  }
}
