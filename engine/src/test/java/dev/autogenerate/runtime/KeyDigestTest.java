package dev.autogenerate.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The cache keys' hash is FNV-1a with 128 bits. The expected values were computed apart, with
 * arbitrary-precision integers from the published offset basis and prime: a slip in the 128-bit
 * multiplication (the carry between the words, the 2^88 term) changes them.
 */
class KeyDigestTest {

  @Test
  void nothingHashedIsTheOffsetBasis() {
    assertEquals("6c62272e07bb014262b821756295c58d", KeyDigest.start().hex());
  }

  @Test
  void matchesTheReferenceValues() {
    assertEquals("d228cb696f1a8caf78912b704e4a8964", KeyDigest.of(new byte[] {'a'}));
    assertEquals("343e1662793c64bf6f0d3597ba446f18", KeyDigest.of("foobar".getBytes()));
    byte[] high = new byte[1000];
    Arrays.fill(high, (byte) 0xff);
    // Bytes read as unsigned, and the carry out of the low word on every step.
    assertEquals("9678f5dfffbdcdb8accf384c8484dd65", KeyDigest.of(high));
    // Every byte value, in states whose low word takes every size: the carry out of it is
    // computed from its two halves, which a low word near 2^64 would get wrong if done signed.
    byte[] mixed = new byte[4096];
    for (int i = 0; i < mixed.length; i++) {
      mixed[i] = (byte) ((i * 131 + 7) % 256);
    }
    assertEquals("b6182cb53ee0d0dc6d2be0287852a58d", KeyDigest.of(mixed));
  }

  @Test
  void textsAreUtf8EachEndedByAZeroByte() {
    assertEquals("a68a93d05d8b5822836dbc7850e7009b", KeyDigest.start().text("é").hex());
    String abThenC = KeyDigest.start().text("ab").text("c").hex();
    assertEquals("3275330bec83d94f708144878a7ef76d", abThenC);
    assertNotEquals(abThenC, KeyDigest.start().text("a").text("bc").hex());
  }
}
