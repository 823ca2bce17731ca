package dev.autogenerate.runtime;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.CRC32;

/**
 * What a migrations directory compiled to, as one cache entry: each source with its stamp, the
 * key of its content and the names of its classes; each revision its classes define, with what
 * its {@code @Revision} says and, when it is known to be the same in every process, its
 * upgrade's checksum; and the classes' bytes, last, read only when a class is first defined. A
 * command on an unchanged history reads this one entry and defines no class until a revision's
 * operations are asked for.
 *
 * <p>The entry ends with a CRC-32 of all before it: a damaged or cut entry is refused whole when
 * read, not found out when a class is defined.
 *
 * @param context what the sources were compiled against and loaded by (class path, tool, JDK):
 *     an entry made for another context is a miss
 * @param stampedAtMillis when the sources' stamps were read (before their content was)
 * @param revisions in the order the compile gave them, which the history breaks ties by
 * @param used the application's classes the classes use: the entry holds while they do
 */
record CompiledHistory(String context, long stampedAtMillis, List<Source> sources, List<Header> revisions,
    ApplicationClasses used, ClassFiles classFiles) {

  /** Raise it whenever what is written changes. */
  static final int FORMAT = 5;

  CompiledHistory {
    sources = List.copyOf(sources);
    revisions = List.copyOf(revisions);
  }

  /**
   * One source file.
   *
   * @param path its absolute path
   * @param contentKey {@link CompiledClassCache#key} of its text
   * @param classNames the binary names of the classes it compiled to
   */
  record Source(String path, SourceStamp stamp, String contentKey, List<String> classNames) {

    Source {
      classNames = List.copyOf(classNames);
    }

    Source withStamp(SourceStamp newer) {
      return new Source(path, newer, contentKey, classNames);
    }
  }

  /**
   * One revision: its class and its {@code @Revision} as read from the class (where it came from is
   * told by the sources as this command lists them).
   *
   * @param upgradeChecksum the checksum of what its upgrade records, or "" when it must be recorded again
   */
  record Header(String className, String id, List<String> parents, String message, String created,
      String upgradeChecksum) {

    Header {
      parents = List.copyOf(parents);
    }
  }

  /** Every class's bytes by binary name: given, or read from an entry's bytes when first asked for. */
  static final class ClassFiles {

    private byte[] data;
    private int offset;
    private Map<String, byte[]> classes;

    private ClassFiles(Map<String, byte[]> classes, byte[] data, int offset) {
      this.classes = classes;
      this.data = data;
      this.offset = offset;
    }

    static ClassFiles of(Map<String, byte[]> classes) {
      return new ClassFiles(Map.copyOf(classes), null, 0);
    }

    synchronized Map<String, byte[]> all() {
      if (classes == null) {
        ByteBuffer in = ByteBuffer.wrap(data, offset, data.length - offset - Long.BYTES);
        int count = in.getInt();
        Map<String, byte[]> read = new HashMap<>();
        for (int i = 0; i < count; i++) {
          String name = text(in);
          byte[] bytes = new byte[in.getInt()];
          in.get(bytes);
          read.put(name, bytes);
        }
        classes = read;
        data = null;
      }
      return classes;
    }
  }

  CompiledHistory withSources(long newStampedAtMillis, List<Source> newSources) {
    return new CompiledHistory(context, newStampedAtMillis, newSources, revisions, used, classFiles);
  }

  byte[] write() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(FORMAT);
      text(out, context);
      out.writeLong(stampedAtMillis);
      out.writeInt(sources.size());
      for (Source source : sources) {
        text(out, source.path());
        out.writeLong(source.stamp().size());
        out.writeLong(source.stamp().modifiedNanos());
        out.writeLong(source.stamp().changedNanos());
        out.writeLong(source.stamp().device());
        out.writeLong(source.stamp().inode());
        text(out, source.contentKey());
        out.writeInt(source.classNames().size());
        for (String name : source.classNames()) {
          text(out, name);
        }
      }
      out.writeInt(revisions.size());
      for (Header header : revisions) {
        text(out, header.className());
        text(out, header.id());
        out.writeInt(header.parents().size());
        for (String parent : header.parents()) {
          text(out, parent);
        }
        text(out, header.message());
        text(out, header.created());
        text(out, header.upgradeChecksum());
      }
      List<String> usedTexts = used.texts();
      out.writeInt(usedTexts.size());
      for (String text : usedTexts) {
        text(out, text);
      }
      Map<String, byte[]> sorted = new TreeMap<>(classFiles.all());
      out.writeInt(sorted.size());
      for (Map.Entry<String, byte[]> type : sorted.entrySet()) {
        text(out, type.getKey());
        out.writeInt(type.getValue().length);
        out.write(type.getValue());
      }
    }
    CRC32 crc = new CRC32();
    crc.update(bytes.toByteArray());
    ByteArrayOutputStream whole = new ByteArrayOutputStream();
    whole.write(bytes.toByteArray());
    whole.write(ByteBuffer.allocate(Long.BYTES).putLong(crc.getValue()).array());
    return whole.toByteArray();
  }

  /**
   * Reads an entry, all but the classes' bytes; a {@link ByteBuffer} rather than a stream, since
   * each call of a stream's read costs in a JVM that has not compiled it yet, and a long history
   * is thousands of them.
   *
   * @throws IOException when the bytes are not a whole entry of this format
   */
  static CompiledHistory read(byte[] data) throws IOException {
    try {
      if (data.length < Long.BYTES) {
        throw new IOException("cut short");
      }
      CRC32 crc = new CRC32();
      crc.update(data, 0, data.length - Long.BYTES);
      if (crc.getValue() != ByteBuffer.wrap(data, data.length - Long.BYTES, Long.BYTES).getLong()) {
        throw new IOException("damaged");
      }
      ByteBuffer in = ByteBuffer.wrap(data, 0, data.length - Long.BYTES);
      if (in.getInt() != FORMAT) {
        throw new IOException("another format");
      }
      String context = text(in);
      long stampedAt = in.getLong();
      int sourceCount = count(in);
      List<Source> sources = new ArrayList<>(sourceCount);
      for (int i = 0; i < sourceCount; i++) {
        String path = text(in);
        SourceStamp stamp = new SourceStamp(in.getLong(), in.getLong(), in.getLong(), in.getLong(), in.getLong());
        String contentKey = text(in);
        int classCount = count(in);
        List<String> classNames = new ArrayList<>(classCount);
        for (int j = 0; j < classCount; j++) {
          classNames.add(text(in));
        }
        sources.add(new Source(path, stamp, contentKey, classNames));
      }
      int revisionCount = count(in);
      List<Header> revisions = new ArrayList<>(revisionCount);
      for (int i = 0; i < revisionCount; i++) {
        String className = text(in);
        String id = text(in);
        int parentCount = count(in);
        List<String> parents = new ArrayList<>(parentCount);
        for (int j = 0; j < parentCount; j++) {
          parents.add(text(in));
        }
        revisions.add(new Header(className, id, parents, text(in), text(in), text(in)));
      }
      int usedCount = count(in);
      List<String> usedTexts = new ArrayList<>(usedCount);
      for (int i = 0; i < usedCount; i++) {
        usedTexts.add(text(in));
      }
      return new CompiledHistory(context, stampedAt, sources, revisions, ApplicationClasses.fromTexts(usedTexts),
          new ClassFiles(null, data, in.position()));
    } catch (BufferUnderflowException | IllegalArgumentException e) {
      throw new IOException("cut short", e);
    }
  }

  /** A length or count, which a damaged entry must not turn into a huge allocation. */
  private static int count(ByteBuffer in) throws IOException {
    int count = in.getInt();
    if (count < 0 || count > in.remaining()) {
      throw new IOException("bad count " + count);
    }
    return count;
  }

  private static String text(ByteBuffer in) {
    int length = in.getInt();
    if (length < 0 || length > in.remaining()) {
      throw new IllegalArgumentException("bad length " + length);
    }
    String text = new String(in.array(), in.position(), length, StandardCharsets.UTF_8);
    in.position(in.position() + length);
    return text;
  }

  private static void text(DataOutputStream out, String text) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    out.writeInt(bytes.length);
    out.write(bytes);
  }
}
