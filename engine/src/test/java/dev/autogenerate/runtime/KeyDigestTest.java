package dev.autogenerate.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
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
    byte[] mixed = new byte[4096];
    for (int i = 0; i < mixed.length; i++) {
      mixed[i] = (byte) ((i * 131 + 7) % 256);
    }
    assertEquals("b6182cb53ee0d0dc6d2be0287852a58d", KeyDigest.of(mixed));
  }

  @Test
  void eachStepIsTheProductWithThePrimeModulo2To128() {
    // The carry out of the low word is built from its two 32-bit halves; the lower half's own
    // carry decides it only about once in ten million steps, so states are chosen, not hashed to:
    // 0x00d00d00ffffffff is one where it does (the upper half alone gives 0, the right carry is 1).
    BigInteger prime = BigInteger.ONE.shiftLeft(88).add(BigInteger.valueOf(0x13b));
    BigInteger modulus = BigInteger.ONE.shiftLeft(128);
    Random random = new Random(20261202);
    List<long[]> states = new ArrayList<>(List.of(new long[] {0, 0x00d00d00ffffffffL}, new long[] {-1, -1},
        new long[] {0, 0xffffffffL}, new long[] {0, 0xffffffff00000000L}, new long[] {Long.MIN_VALUE, Long.MAX_VALUE}));
    for (int i = 0; i < 20_000; i++) {
      states.add(new long[] {random.nextLong(), random.nextLong()});
    }
    for (long[] state : states) {
      int b = Math.floorMod(state[1] ^ state[0], 256);
      BigInteger before = unsigned(state[0]).shiftLeft(64).or(unsigned(state[1]));
      BigInteger expected = before.xor(BigInteger.valueOf(b)).multiply(prime).mod(modulus);
      String hex = KeyDigest.inState(state[0], state[1]).bytes(new byte[] {(byte) b}).hex();
      assertEquals(String.format("%032x", expected), hex, () -> Long.toHexString(state[1]));
    }
  }

  private static BigInteger unsigned(long word) {
    return new BigInteger(Long.toUnsignedString(word));
  }

  @Test
  void textsAreUtf8EachEndedByAZeroByte() {
    assertEquals("a68a93d05d8b5822836dbc7850e7009b", KeyDigest.start().text("é").hex());
    String abThenC = KeyDigest.start().text("ab").text("c").hex();
    assertEquals("3275330bec83d94f708144878a7ef76d", abThenC);
    assertNotEquals(abThenC, KeyDigest.start().text("a").text("bc").hex());
  }
}
