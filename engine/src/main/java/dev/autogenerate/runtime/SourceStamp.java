package dev.autogenerate.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * What the file system tells of a source without reading it: size, modification time, change
 * time and file identity (inode). A cache may take an unchanged stamp for unchanged content only
 * when it can tell that no write since could have left the stamp as it was: see
 * {@link #settledBefore}.
 *
 * @param changedNanos the change time (ctime), or -1 where the file system does not give one
 * @param device with {@code inode}, the file's identity (a save that replaces the file makes a
 *     new one), or 0 where the file system does not give them
 */
public record SourceStamp(long size, long modifiedNanos, long changedNanos, long device, long inode) {

  /**
   * How far before the moment a stamp was read its change time must be for the stamp to be
   * trusted: more than the coarsest time stamps in use (FAT keeps two seconds), and than the
   * drift between this clock and a file server's.
   */
  public static final long SETTLE_MILLIS = 2_000;

  /** What one read of a file's attributes tells: whether it is a folder or a regular file, and its stamp. */
  public record Read(boolean folder, boolean regularFile, SourceStamp stamp) {}

  /** The stamp of a file now; the change time only where the platform has it (Linux, macOS). */
  public static SourceStamp of(Path file) throws IOException {
    return read(file).stamp();
  }

  /** One read of a file's attributes (following a symbolic link, as reading the file does). */
  public static Read read(Path file) throws IOException {
    try {
      Map<String, Object> unix =
          Files.readAttributes(file, "unix:isDirectory,isRegularFile,size,lastModifiedTime,ctime,ino,dev");
      return new Read((Boolean) unix.get("isDirectory"), (Boolean) unix.get("isRegularFile"),
          new SourceStamp((Long) unix.get("size"),
          nanos((FileTime) unix.get("lastModifiedTime")), nanos((FileTime) unix.get("ctime")), (Long) unix.get("dev"),
          (Long) unix.get("ino")));
    } catch (UnsupportedOperationException | IllegalArgumentException | ClassCastException | NullPointerException e) {
      BasicFileAttributes basic = Files.readAttributes(file, BasicFileAttributes.class);
      return new Read(basic.isDirectory(), basic.isRegularFile(),
          new SourceStamp(basic.size(), nanos(basic.lastModifiedTime()), -1, 0, 0));
    }
  }

  /**
   * Whether this stamp, read at {@code readAtMillis} or later, identifies the content it was read
   * with: any write after that moment sets the change time to a later tick than this one, so
   * the stamp cannot stay the same. Git's "racily clean" entries are the same problem. A file
   * system without a change time never settles: a modification time can be set back (tar, rsync,
   * cp -p), so only the content can tell.
   */
  public boolean settledBefore(long readAtMillis) {
    return changedNanos >= 0 && TimeUnit.NANOSECONDS.toMillis(changedNanos) < readAtMillis - SETTLE_MILLIS;
  }

  /** This stamp without its change time: never settled, so its file is always read and hashed. */
  SourceStamp withoutChangeTime() {
    return new SourceStamp(size, modifiedNanos, -1, device, inode);
  }

  /**
   * The same stamp. Spelled out rather than the record's {@code equals}, whose first call builds
   * its method handles: tens of milliseconds of a command's start-up.
   */
  public boolean sameAs(SourceStamp other) {
    return size == other.size && modifiedNanos == other.modifiedNanos && changedNanos == other.changedNanos
        && device == other.device && inode == other.inode;
  }

  /**
   * File systems whose change time a stamp cannot rely on: network ones and the shares of a
   * virtual machine's host (attributes cached for a while, another machine's clock), FUSE ones
   * (sshfs reports the modification time), FAT ones (derived from stored times). There every file is read and hashed, every time.
   */
  private static final Set<String> UNRELIABLE_CHANGE_TIMES =
      Set.of("nfs", "nfs4", "cifs", "smb", "smb3", "smbfs", "9p", "vboxsf", "virtiofs", "vfat", "msdos", "exfat",
          "fuseblk", "afpfs", "webdav", "osxfuse", "macfuse");

  /** Whether the change times of the file system holding {@code path} can settle a stamp. */
  public static boolean trustsChangeTimes(Path path) {
    try {
      String type = Files.getFileStore(path).type().toLowerCase(Locale.ROOT);
      return !UNRELIABLE_CHANGE_TIMES.contains(type) && !type.startsWith("fuse");
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  private static long nanos(FileTime time) {
    return time.to(TimeUnit.NANOSECONDS);
  }
}
