package dev.autogenerate.project;

import dev.autogenerate.runtime.SourceStamp;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemLoopException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The regular files under a class path's folder, in name order (so that a key does not depend on
 * the file system's order), each with its {@link SourceStamp}, read in one pass: each entry's
 * attributes are read once, which tells a folder from a file and stamps it. A class path of a
 * thousand entities is listed on every command, before Hibernate's boot may start; a walk that
 * then stamps each file asks the file system twice as often, and costs the cold path tens of
 * milliseconds.
 *
 * <p>Symbolic links are followed, as the class loader follows them (a linked folder is not an
 * empty one); a link that leads nowhere is no file. A link back to a folder it is in is a
 * {@link FileSystemLoopException}, as for {@code Files.walk}.
 *
 * @param files in the order of their names
 */
record FolderFiles(Path root, List<File> files) {

  /**
   * One file.
   *
   * @param name its path under the root, {@code /}-separated
   */
  record File(String name, Path path, SourceStamp stamp) {}

  FolderFiles {
    files = List.copyOf(files);
  }

  static FolderFiles of(Path root) throws IOException {
    List<File> files = new ArrayList<>();
    Set<String> enclosing = new HashSet<>();
    enclosing.add(identity(SourceStamp.of(root)));
    collect(root, "", files, enclosing);
    files.sort(Comparator.comparing(File::name));
    return new FolderFiles(root, files);
  }

  /**
   * Adds the files under {@code folder}, whose names start with {@code prefix}.
   *
   * @param enclosing the identities of {@code folder} and of the folders it is in
   */
  private static void collect(Path folder, String prefix, List<File> files, Set<String> enclosing)
      throws IOException {
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
      for (Path entry : entries) {
        SourceStamp.Read read;
        try {
          read = SourceStamp.read(entry);
        } catch (NoSuchFileException e) {
          if (Files.isSymbolicLink(entry)) {
            continue;
          }
          throw e;
        }
        String name = prefix.concat(entry.getFileName().toString());
        if (read.folder()) {
          String identity = identity(read.stamp());
          if (identity != null && !enclosing.add(identity)) {
            throw new FileSystemLoopException(entry.toString());
          }
          collect(entry, name.concat("/"), files, enclosing);
          enclosing.remove(identity);
        } else if (read.regularFile()) {
          files.add(new File(name, entry, read.stamp()));
        }
      }
    }
  }

  /**
   * A folder's identity, its device and inode; null where the file system gives none (then a loop
   * goes on until the names grow too long for it, an error all the same).
   */
  private static String identity(SourceStamp stamp) {
    return stamp.inode() == 0 ? null : stamp.device() + ":" + stamp.inode();
  }
}
