package dev.autogenerate.project;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Gives each test a cache folder of its own ({@code autogenerate.cache}), so that what it finds
 * there is what it wrote, and puts the setting back after it.
 */
final class OwnCacheDirectory implements BeforeEachCallback, AfterEachCallback {

  private static final String PROPERTY = "autogenerate.cache";

  private Path path;
  private String before;

  /** The test's cache folder. */
  Path path() {
    return path;
  }

  @Override
  public void beforeEach(ExtensionContext context) throws Exception {
    path = Files.createTempDirectory("autogenerate-cache");
    before = System.getProperty(PROPERTY);
    System.setProperty(PROPERTY, path.toString());
  }

  @Override
  public void afterEach(ExtensionContext context) throws IOException {
    if (before == null) {
      System.clearProperty(PROPERTY);
    } else {
      System.setProperty(PROPERTY, before);
    }
    try (Stream<Path> files = Files.walk(path)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(file);
      }
    }
  }
}
