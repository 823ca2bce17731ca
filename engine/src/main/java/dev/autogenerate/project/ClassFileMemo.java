package dev.autogenerate.project;

import dev.autogenerate.runtime.CacheDirectory;
import dev.autogenerate.runtime.CacheLimit;
import dev.autogenerate.runtime.KeyDigest;
import dev.autogenerate.runtime.SourceStamp;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@link EntityModelCache}'s key read of each class file of a project's folders (its
 * content's digest and its {@link MappingClasses.Reach}), kept by the file's stamp. After an
 * entity edit the key is made again, and a class file whose stamp is the one it had then is not
 * read again: at 1,000 entities, reading and scanning every class file was 100-130 ms of the
 * command's critical path, before the classes could be loaded for Hibernate.
 *
 * <p>A stamp is trusted as the entities' cache trusts one ({@link EntityModelCache#stamps}): the
 * facts are kept only when every stamp had settled when they were read (no write can hide behind
 * a stamp older than the file system's clock tick, and any write changes the change time), and
 * used for a file only when its stamp is the same in every part (size, times, device, inode).
 * What a file names depends on the other classes of the folders as well: the facts are used only
 * while the folders hold the same classes. One entry per project, replaced as its files change;
 * as with the other caches, an entry that cannot be read is a miss, and one that cannot be
 * written costs only speed.
 */
final class ClassFileMemo {

  /** Raise it whenever what is written changes. */
  private static final int FORMAT = 1;

  private final Path directory;
  private final CacheLimit limit;

  ClassFileMemo(Path directory, CacheLimit limit) {
    this.directory = directory;
    this.limit = limit;
  }

  static ClassFileMemo standard() {
    return new ClassFileMemo(CacheDirectory.of("class-files"), CacheLimit.STANDARD);
  }

  /**
   * What was read of one class file.
   *
   * @param stamp the file's stamp when it was read
   * @param digest its content's key ({@link KeyDigest#of})
   */
  record Facts(SourceStamp stamp, String digest, MappingClasses.Reach reach) {}

  /**
   * The facts kept for this project, by file path; none when they were read with other classes
   * in its folders.
   *
   * @param project the project's stamps' {@link EntityModelCache.Stamps#project}
   * @param classes the folders' classes, by internal name, sorted
   */
  Map<String, Facts> read(String project, List<String> classes) {
    try {
      byte[] bytes = Files.readAllBytes(entry(project));
      try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
        if (in.readInt() != FORMAT || !in.readUTF().equals(identity(classes))) {
          return Map.of();
        }
        int count = in.readInt();
        // Counts checked against what the bytes can hold: a damaged entry is a miss, not an array of a billion.
        if (count < 0 || count > bytes.length) {
          return Map.of();
        }
        Map<String, Facts> facts = new HashMap<>();
        for (int i = 0; i < count; i++) {
          String path = in.readUTF();
          SourceStamp stamp = new SourceStamp(in.readLong(), in.readLong(), in.readLong(), in.readLong(), in.readLong());
          String digest = in.readUTF();
          boolean start = in.readBoolean();
          int namedCount = in.readInt();
          if (namedCount < 0 || namedCount > classes.size()) {
            return Map.of();
          }
          String[] named = new String[namedCount];
          for (int n = 0; n < named.length; n++) {
            named[n] = classes.get(in.readInt());
          }
          facts.put(path, new Facts(stamp, digest, new MappingClasses.Reach(start, Arrays.asList(named))));
        }
        return in.read() == -1 ? facts : Map.of();
      }
    } catch (IOException | RuntimeException e) {
      return Map.of();
    }
  }

  /** Keeps the facts, by file path, read with {@code classes} in the project's folders. */
  void write(String project, List<String> classes, Map<String, Facts> facts) {
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < classes.size(); i++) {
      index.put(classes.get(i), i);
    }
    CacheDirectory.writeEntry(directory, entryName(project), () -> {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (DataOutputStream out = new DataOutputStream(bytes)) {
        out.writeInt(FORMAT);
        out.writeUTF(identity(classes));
        out.writeInt(facts.size());
        for (Map.Entry<String, Facts> each : facts.entrySet()) {
          Facts fact = each.getValue();
          SourceStamp stamp = fact.stamp();
          out.writeUTF(each.getKey());
          for (long part : new long[] {stamp.size(), stamp.modifiedNanos(), stamp.changedNanos(), stamp.device(),
              stamp.inode()}) {
            out.writeLong(part);
          }
          out.writeUTF(fact.digest());
          out.writeBoolean(fact.reach().start());
          out.writeInt(fact.reach().named().size());
          for (String named : fact.reach().named()) {
            out.writeInt(index.get(named));
          }
        }
      }
      return bytes.toByteArray();
    }, limit);
  }

  private Path entry(String project) {
    return directory.resolve(entryName(project));
  }

  private static String entryName(String project) {
    return project + ".facts";
  }

  /** The key of the folders' classes: the facts name them by their place in the sorted list. */
  private static String identity(List<String> classes) {
    KeyDigest digest = KeyDigest.start();
    for (String name : classes) {
      digest.text(name);
    }
    return digest.hex();
  }
}
