package dev.autogenerate.cli.daemon;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;

/**
 * The jar a daemon runs from, by its size and modification time, as the launcher's key names it;
 * a daemon run from a folder of classes (the tests) has no path and never sees it change.
 */
record JarStamp(Path path, long size, long modified) {

  /** The jar or folder {@code type} was loaded from, or null where it cannot be told. */
  static Path ofClasses(Class<?> type) {
    try {
      return Optional.ofNullable(type.getProtectionDomain().getCodeSource())
          .map(source -> Path.of(java.net.URI.create(source.getLocation().toString()))).orElse(null);
    } catch (RuntimeException e) {
      return null;
    }
  }

  /** The stamp of the file now: a missing file (or none) stamps as size and time -1. */
  static JarStamp of(Path path) {
    if (path == null) {
      return new JarStamp(null, -1, -1);
    }
    try {
      BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
      return new JarStamp(path, attributes.size(), attributes.lastModifiedTime().toMillis());
    } catch (IOException e) {
      return new JarStamp(path, -1, -1);
    }
  }
}
