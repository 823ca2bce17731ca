package dev.autogenerate.runtime;

import java.nio.file.Path;

/**
 * Where the tool keeps what it can compute again (compiled migrations, read entities):
 * {@code $AUTOGENERATE_CACHE} (or the {@code autogenerate.cache} system property), else
 * {@code $XDG_CACHE_HOME/autogenerate}, else {@code ~/.cache/autogenerate}.
 */
public final class CacheDirectory {

  private CacheDirectory() {}

  /** The folder for one kind of entry, {@code migrations} or {@code entities}. */
  public static Path of(String kind) {
    String configured = System.getenv("AUTOGENERATE_CACHE");
    if (configured == null || configured.isBlank()) {
      configured = System.getProperty("autogenerate.cache");
    }
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured).resolve(kind);
    }
    String xdg = System.getenv("XDG_CACHE_HOME");
    Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
    return base.resolve("autogenerate").resolve(kind);
  }
}
