package dev.autogenerate.project;

import dev.autogenerate.runtime.SourceStamp;
import java.io.IOException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;

/**
 * The regular files under a class path's folder, in name order (so that a key does not depend on
 * the file system's order), each with its {@link SourceStamp}, read in one pass: each entry's
 * attributes are read once, which tells a folder from a file and stamps it. A class path of a
 * thousand entities is listed on every command, before Hibernate's boot may start; a walk that
 * then stamps each file asks the file system twice as often, and costs the cold path tens of
 * milliseconds.
 *
 * <p>Symbolic links are followed, as the class loader follows them (a linked folder is not an
 * empty one); a link that cannot be followed (to nothing, to itself) is no file. A link back to
 * a folder it is in is left out: its files are listed under their own names already, and a
 * class cannot be loaded under another (Files.walk refuses the whole walk, which turned the
 * entity cache off for good).
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
    collect(root, "", files, new ArrayDeque<>(List.of(new Enclosing(root, identity(SourceStamp.of(root))))));
    files.sort(Comparator.comparing(File::name));
    return new FolderFiles(root, files);
  }

  /** A folder the listing is in, with its identity (null where the file system gives none). */
  private record Enclosing(Path folder, String identity) {}

  /**
   * Adds the files under {@code folder}, whose names start with {@code prefix}.
   *
   * @param enclosing {@code folder} and the folders it is in, innermost first
   */
  private static void collect(Path folder, String prefix, List<File> files, Deque<Enclosing> enclosing)
      throws IOException {
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
      for (Path entry : entries) {
        SourceStamp.Read read;
        try {
          read = SourceStamp.read(entry);
        } catch (IOException e) {
          // A link that leads nowhere, to itself, or through a file is no file, as for Files.walk.
          if (Files.isSymbolicLink(entry)) {
            continue;
          }
          throw e;
        }
        String name = prefix.concat(entry.getFileName().toString());
        if (read.folder()) {
          Enclosing inner = new Enclosing(entry, identity(read.stamp()));
          if (isAmong(inner, enclosing)) {
            continue;
          }
          enclosing.push(inner);
          collect(entry, name.concat("/"), files, enclosing);
          enclosing.pop();
        } else if (read.regularFile()) {
          files.add(new File(name, entry, read.stamp()));
        }
      }
    } catch (DirectoryIteratorException e) {
      throw e.getCause();
    }
  }

  /** Whether a folder is one it is in: a link back up, whose files would be listed without end. */
  private static boolean isAmong(Enclosing folder, Deque<Enclosing> enclosing) throws IOException {
    for (Enclosing outer : enclosing) {
      boolean same = folder.identity() != null && outer.identity() != null
          ? folder.identity().equals(outer.identity())
          : Files.isSameFile(folder.folder(), outer.folder());
      if (same) {
        return true;
      }
    }
    return false;
  }

  /** A folder's identity, its device and inode; null where the file system gives none. */
  private static String identity(SourceStamp stamp) {
    return stamp.inode() == 0 ? null : stamp.device() + ":" + stamp.inode();
  }
}
