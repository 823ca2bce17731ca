package dev.autogenerate.runtime;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A cache key: the SHA-256 of what an entry was made from, in hex. Each text is followed by a
 * zero byte, so that the parts ("ab", "c") and ("a", "bc") make different keys.
 */
public final class KeyDigest {

  private final MessageDigest digest;

  private KeyDigest(MessageDigest digest) {
    this.digest = digest;
  }

  public static KeyDigest start() {
    try {
      return new KeyDigest(MessageDigest.getInstance("SHA-256"));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The key of these bytes alone. */
  public static String of(byte[] bytes) {
    return start().bytes(bytes).hex();
  }

  public KeyDigest text(String text) {
    digest.update(text.getBytes(StandardCharsets.UTF_8));
    digest.update((byte) 0);
    return this;
  }

  public KeyDigest bytes(byte[] bytes) {
    digest.update(bytes);
    return this;
  }

  /** A file by its size and modification time, as the text {@code size@millis}. */
  public KeyDigest sizeAndTime(Path file) throws IOException {
    return text(Files.size(file) + "@" + Files.getLastModifiedTime(file).toMillis());
  }

  /** The key; the digest is spent. */
  public String hex() {
    return HexFormat.of().formatHex(digest.digest());
  }
}
