package dev.autogenerate.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code .java} files under a migrations directory, in path order, and their
 * {@link SourceStamp}s, read in one pass: each file is asked for its attributes once, which both
 * tells a folder from a file and stamps it.
 *
 * @param stamps the stamps in the order of {@code sources} and when they were read; empty when
 *     one could not be read (then nothing is taken from the cache by stamp)
 */
record SourceListing(List<Path> sources, Optional<Stamps> stamps) {

  /**
   * The sources' stamps and when they were read.
   *
   * @param readAtMillis the clock just before the first stamp was read
   */
  record Stamps(long readAtMillis, List<SourceStamp> stamps) {

    Stamps {
      stamps = List.copyOf(stamps);
    }
  }

  SourceListing {
    sources = List.copyOf(sources);
  }

  /** A missing directory holds no sources. */
  static SourceListing of(Path directory) {
    long readAt = System.currentTimeMillis();
    if (!Files.isDirectory(directory)) {
      return new SourceListing(List.of(), Optional.of(new Stamps(readAt, List.of())));
    }
    Map<Path, SourceStamp> found = new LinkedHashMap<>();
    boolean stamped;
    try {
      stamped = collect(directory, found);
    } catch (IOException | DirectoryIteratorException e) {
      throw new UncheckedIOException("cannot list migrations in " + directory,
          e instanceof DirectoryIteratorException iteration ? iteration.getCause() : (IOException) e);
    }
    if (!SourceStamp.trustsChangeTimes(directory)) {
      found.replaceAll((source, stamp) -> stamp == null ? null : stamp.withoutChangeTime());
    }
    List<Path> sources = new ArrayList<>(found.keySet());
    Collections.sort(sources);
    if (!stamped) {
      return new SourceListing(sources, Optional.empty());
    }
    List<SourceStamp> stamps = new ArrayList<>(sources.size());
    sources.forEach(source -> stamps.add(found.get(source)));
    return new SourceListing(sources, Optional.of(new Stamps(readAt, stamps)));
  }

  /**
   * Adds the sources under {@code folder} with their stamps (null when unreadable); folders are
   * entered, symbolic links to folders are not (as {@code Files.walk} does).
   *
   * @return whether every source was stamped
   */
  private static boolean collect(Path folder, Map<Path, SourceStamp> found) throws IOException {
    boolean stamped = true;
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
      for (Path entry : entries) {
        SourceStamp.Read read;
        try {
          read = SourceStamp.read(entry);
        } catch (IOException e) {
          read = null;
        }
        SourceStamp stamp = read == null ? null : read.stamp();
        if (read != null && read.folder()) {
          if (!Files.isSymbolicLink(entry)) {
            stamped &= collect(entry, found);
          }
        } else if (entry.getFileName().toString().endsWith(".java")) {
          found.put(entry, stamp);
          stamped &= stamp != null;
        }
      }
    }
    return stamped;
  }
}
