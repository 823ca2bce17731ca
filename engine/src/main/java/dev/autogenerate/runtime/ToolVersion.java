package dev.autogenerate.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The version of this tool, as the build wrote it into {@code version.properties}. */
public final class ToolVersion {

  private static final String VERSION = read();

  private ToolVersion() {}

  public static String current() {
    return VERSION;
  }

  private static String read() {
    try (InputStream in = ToolVersion.class.getResourceAsStream("version.properties")) {
      if (in == null) {
        return "unknown";
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version", "unknown");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
