package dev.autogenerate.codegen;

import java.security.SecureRandom;
import java.util.HexFormat;

/** Revision ids: 12 lowercase hex characters (48 random bits), as in {@code 3f2a9c1b7d4e}. */
public final class RevisionIds {

  /** The number of characters of an id. */
  public static final int LENGTH = 12;

  private static final SecureRandom RANDOM = new SecureRandom();

  private RevisionIds() {}

  /** A fresh random id, such as {@code 3f2a9c1b7d4e}. */
  public static String random() {
    byte[] bytes = new byte[LENGTH / 2];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }
}
