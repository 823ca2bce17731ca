package dev.autogenerate.codegen;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/** Revision ids: 12 lowercase hex characters (48 random bits), as in {@code 3f2a9c1b7d4e}. */
public final class RevisionIds {

  /** The number of characters of an id. */
  public static final int LENGTH = 12;

  private static final SecureRandom RANDOM = new SecureRandom();

  private RevisionIds() {}

  /**
   * The id of the {@code n}th revision written after {@code id} by the same command: the same
   * every time for the same id, so a fixed id gives reproducible files.
   */
  public static String derived(String id, int n) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest((id + "/" + n).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, LENGTH / 2);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  /** A fresh random id, such as {@code 3f2a9c1b7d4e}. */
  public static String random() {
    byte[] bytes = new byte[LENGTH / 2];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }
}
