package dev.autogenerate.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The class files one compile of {@link EntitySources} wrote, by path relative to its output
 * directory: what is kept to write them out again instead of compiling the same sources twice.
 */
record ClassFiles(Map<String, byte[]> bytesByRelativePath) {

  ClassFiles {
    bytesByRelativePath = Map.copyOf(bytesByRelativePath);
  }

  /** What a compile's output depends on: the sources, and the class path they compile against. */
  record Key(Map<String, String> sourcesByClassName, String classPath) {}

  static ClassFiles readFrom(Path directory) {
    Map<String, byte[]> files = new TreeMap<>();
    try (Stream<Path> paths = Files.walk(directory)) {
      for (Path file : paths.filter(Files::isRegularFile).toList()) {
        files.put(directory.relativize(file).toString(), Files.readAllBytes(file));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the classes compiled into " + directory, e);
    }
    return new ClassFiles(files);
  }

  void writeTo(Path directory) {
    try {
      for (Map.Entry<String, byte[]> file : bytesByRelativePath.entrySet()) {
        Path target = directory.resolve(file.getKey());
        Files.createDirectories(target.getParent());
        Files.write(target, file.getValue());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write compiled classes into " + directory, e);
    }
  }
}
