package dev.autogenerate.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The command line's picocli is the picocli-java17 build: class-data sharing skips class files
 * older than Java 6, and Maven Central's picocli jar is Java 5 (every command then loaded and
 * verified it again).
 */
class PicocliClassFilesTest {

  /** Java 6's class file version: the oldest class-data sharing archives. */
  private static final int OLDEST_ARCHIVED = 50;

  @Test
  void picocliIsCompiledForAJavaThatClassDataSharingArchives() throws IOException {
    for (Class<?> type : new Class<?>[] {CommandLine.class, CommandLine.Model.CommandSpec.class}) {
      int major = majorVersion(type);
      assertTrue(major >= OLDEST_ARCHIVED, () -> type.getName() + " is class file version " + major
          + ", loaded from " + type.getProtectionDomain().getCodeSource().getLocation());
    }
  }

  private static int majorVersion(Class<?> type) throws IOException {
    String resource = type.getName().replace('.', '/') + ".class";
    try (InputStream in = type.getClassLoader().getResourceAsStream(resource);
        DataInputStream data = new DataInputStream(in)) {
      data.readInt(); // magic
      data.readUnsignedShort(); // minor
      return data.readUnsignedShort();
    }
  }
}
