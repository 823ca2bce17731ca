package dev.autogenerate.project;

import dev.autogenerate.runtime.SourceStamp;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The configured class path as one listing read it: each folder's files with their stamps
 * ({@link FolderFiles}), each jar's stamp. The entity cache's stamps and key are both read from
 * one listing, so the files are listed and stamped once per command.
 */
record ClassPathFiles(List<Entry> entries) {

  /**
   * One entry of the class path.
   *
   * @param folder its files when it is a folder; empty for a jar
   */
  record Entry(Path path, SourceStamp stamp, Optional<FolderFiles> folder) {

    /** A jar as its one file, a folder as its files. */
    List<FolderFiles.File> files() {
      return folder.map(FolderFiles::files).orElseGet(() -> List.of(new FolderFiles.File("", path, stamp)));
    }
  }

  ClassPathFiles {
    entries = List.copyOf(entries);
  }

  /** Empty when there is no class path, or an entry is missing or cannot be read. */
  static Optional<ClassPathFiles> list(Settings settings) {
    if (settings.classPath().isEmpty()) {
      return Optional.empty();
    }
    List<Entry> entries = new ArrayList<>();
    try {
      for (Path path : settings.classPath()) {
        SourceStamp.Read read = SourceStamp.read(path);
        entries.add(new Entry(path, read.stamp(), read.folder() ? Optional.of(FolderFiles.of(path)) : Optional.empty()));
      }
    } catch (IOException e) {
      return Optional.empty();
    }
    return Optional.of(new ClassPathFiles(entries));
  }
}
