package dev.autogenerate.runtime;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A cache key: the 128-bit FNV-1a hash of what an entry was made from, in hex. Each text is
 * followed by a zero byte, so that the parts ("ab", "c") and ("a", "bc") make different keys.
 *
 * <p>Not SHA-256, which the keys were until measured: a command's first {@code MessageDigest}
 * costs 10-15 ms of setting up the security providers, and SHA-256 runs in the interpreter for
 * most of a short command (30-40 ms for the 1 MB of class files of 1,000 entities, against 5 for
 * this hash). A cache key guards against files changed by accident, not by an adversary (who
 * could as well change the files the tool reads): any one changed byte always changes this hash,
 * and two texts that differ anywhere collide by chance with odds of about 2^-128.
 */
public final class KeyDigest {

  /** FNV-1a's 128-bit prime is 2^88 + 0x13b; its offset basis is the initial state. */
  private static final long PRIME_LOW = 0x13b;

  private static final byte[] END_OF_TEXT = {0};

  private long high = 0x6c62272e07bb0142L;
  private long low = 0x62b821756295c58dL;

  private KeyDigest() {}

  public static KeyDigest start() {
    return new KeyDigest();
  }

  /** A digest in the given state, as if it had hashed something already (tests: every state's step). */
  static KeyDigest inState(long high, long low) {
    KeyDigest digest = new KeyDigest();
    digest.high = high;
    digest.low = low;
    return digest;
  }

  /** The key of these bytes alone. */
  public static String of(byte[] bytes) {
    return start().bytes(bytes).hex();
  }

  public KeyDigest text(String text) {
    return bytes(text.getBytes(StandardCharsets.UTF_8)).bytes(END_OF_TEXT);
  }

  public KeyDigest bytes(byte[] bytes) {
    long h = high;
    long l = low;
    for (byte each : bytes) {
      l ^= each & 0xff;
      // (h:l) * (2^88 + 0x13b), modulo 2^128: the 2^88 term shifts l into the high word. The
      // carry, the high word of l * 0x13b, from l's two halves (0x13b is below 2^32): not
      // Math.multiplyHigh, which the first-tier compiler calls rather than inlines (twice as slow).
      long carry = ((l >>> 32) * PRIME_LOW + (((l & 0xffffffffL) * PRIME_LOW) >>> 32)) >>> 32;
      h = h * PRIME_LOW + carry + (l << 24);
      l *= PRIME_LOW;
    }
    high = h;
    low = l;
    return this;
  }

  /** A file by its size and modification time, as the text {@code size@millis}. */
  public KeyDigest sizeAndTime(Path file) throws IOException {
    return sizeAndTime(Files.size(file), Files.getLastModifiedTime(file).toMillis());
  }

  /** The same, from a size and time already read (a {@link SourceStamp}'s). */
  public KeyDigest sizeAndTime(long size, long modifiedMillis) {
    return text(size + "@" + modifiedMillis);
  }

  /** The key, 32 hex digits. */
  public String hex() {
    return hex(high).concat(hex(low));
  }

  private static String hex(long word) {
    String digits = Long.toHexString(word);
    return "0".repeat(16 - digits.length()).concat(digits);
  }
}
