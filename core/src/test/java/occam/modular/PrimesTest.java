package occam.modular;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PrimesTest {

  @ParameterizedTest
  @ValueSource(longs = {2, 3, 5, 7, 11, 13, 31, 97, 113, 257, 7919, 2_147_483_647L})
  void primesArePrime(long p) {
    assertTrue(Primes.isPrime(p));
  }

  @ParameterizedTest
  @ValueSource(longs = {4, 6, 9, 12, 15, 25, 49, 91, 96, 256, 561, 7917, 62_710_561L})
  void compositesAreNot(long n) {
    // 561 is a Carmichael number, 62710561 = 7919².
    assertFalse(Primes.isPrime(n));
  }

  @ParameterizedTest
  @ValueSource(longs = {0, 1, -1, -2, -7, Long.MIN_VALUE})
  void zeroOneAndNegativesAreNot(long n) {
    assertFalse(Primes.isPrime(n));
  }

  @Test
  void agreesWithASieveBelowTenThousand() {
    int limit = 10_000;
    boolean[] composite = new boolean[limit];
    for (int i = 2; i * i < limit; i++) {
      if (!composite[i]) {
        for (int j = i * i; j < limit; j += i) {
          composite[j] = true;
        }
      }
    }
    for (int n = 0; n < limit; n++) {
      assertEquals(n >= 2 && !composite[n], Primes.isPrime(n), "n = " + n);
    }
  }

  @Test
  void requirePrimeReturnsUsableModuli() {
    assertEquals(3, Primes.requirePrime(3));
    assertEquals(97, Primes.requirePrime(97));
  }

  @ParameterizedTest
  @ValueSource(ints = {2, 1, 0, -3, 4, 9, 96, Integer.MIN_VALUE})
  void requirePrimeRejectsTheRest(int p) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Primes.requirePrime(p));
    assertTrue(e.getMessage().contains(String.valueOf(p)), e.getMessage());
  }
}
