package dev.autogenerate.operations;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * The checksum recorded with each applied revision: a fingerprint of the operations its upgrade
 * runs, so that a migration edited after it ran is noticed, while reformatting its source is not.
 *
 * <p>The checksum is taken over the {@link CanonicalForm}, not over {@code toString()}, so that
 * renaming or reordering a record component in a release does not make every migrated database
 * look edited. It reads {@code v1:} followed by the SHA-256 of the canonical text (UTF-8), in
 * base64url without padding: 46 characters, within the version table's {@code varchar(64)}.
 *
 * <p>The prefix names the version of the canonical form. When the form must change (an operation
 * gains a field that tells two operations apart, say), the new form gets a new version and a new
 * prefix, and {@link #matches} keeps accepting checksums recorded under every older version, so
 * databases migrated by an older release stay valid. Checksums written before versioning began,
 * plain hex with no prefix, are accepted the same way.
 */
public final class OperationChecksum {

  private static final String V1 = "v1:";

  private OperationChecksum() {}

  /** The current checksum of these operations: {@code v1:} and 43 base64url characters. */
  public static String of(List<Operation> operations) {
    return V1 + Base64.getUrlEncoder().withoutPadding().encodeToString(sha256(CanonicalForm.of(operations)));
  }

  /**
   * Whether a checksum recorded when a revision was applied still describes its operations. It
   * does when it is the current checksum, or when it is a checksum of the release before
   * versioning (64 lowercase hex characters) that these operations still produce. A checksum of
   * an unknown version, from a newer release, does not match: this release cannot verify it.
   *
   * @param recorded the checksum in the version table; null never matches (the caller decides what
   *     a missing checksum means)
   */
  public static boolean matches(String recorded, List<Operation> operations) {
    if (recorded == null) {
      return false;
    }
    if (recorded.startsWith(V1)) {
      return recorded.equals(of(operations));
    }
    if (isLegacy(recorded)) {
      return recorded.equals(legacy(operations));
    }
    return false;
  }

  private static boolean isLegacy(String recorded) {
    return recorded.length() == 64 && recorded.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'));
  }

  /**
   * The checksum as releases before versioning computed it: lowercase hex SHA-256 of the list's
   * {@code toString()} in UTF-8. Frozen for compatibility: it exists only to accept what those
   * releases recorded, and must never change or be used for new checksums. It depends on the
   * records' {@code toString()}, so after a record changes shape it simply stops matching, and
   * such a database is told its migration was edited, as it would have been before.
   */
  private static String legacy(List<Operation> operations) {
    return HexFormat.of().formatHex(sha256(operations.toString()));
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      // Every Java platform is required to provide SHA-256.
      throw new IllegalStateException(e);
    }
  }
}
