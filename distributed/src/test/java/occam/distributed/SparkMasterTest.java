package occam.distributed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Master URLs: the forms Occam runs, and one-line refusals of the rest. */
class SparkMasterTest {
  @ParameterizedTest
  @CsvSource({"local,1", "local[1],1", "local[3],3", "'local[*]',8", "'local[2,4]',2", "'local[*,2]',8"})
  void localMastersRunThreads(String url, int threads) {
    SparkMaster m = new SparkMaster(url);
    assertTrue(m.local());
    assertEquals(OptionalInt.of(threads), m.localThreads(8));
    assertEquals(Optional.empty(), m.standalone());
  }

  @ParameterizedTest
  @CsvSource({"spark://127.0.0.1:7077,127.0.0.1,7077,true", "spark://node-1.example.org:7077,node-1.example.org,7077,false",
      "spark://localhost:65535,localhost,65535,true"})
  void standaloneMastersHaveAnAddress(String url, String host, int port, boolean loopback) {
    SparkMaster m = new SparkMaster(url);
    assertFalse(m.local());
    assertEquals(OptionalInt.empty(), m.localThreads(8));
    assertEquals(new SparkMaster.HostPort(host, port), m.standalone().orElseThrow());
    assertEquals(loopback, m.standalone().orElseThrow().loopback());
  }

  @ParameterizedTest
  @ValueSource(strings = {"yarn", "k8s://https://api.example.org:6443"})
  void submittedMastersAreNeitherLocalNorStandalone(String url) {
    SparkMaster m = new SparkMaster(url);
    assertFalse(m.local());
    assertEquals(Optional.empty(), m.standalone());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "local[0]", "local[-1]", "local[x]", "local[2,0]", "locale", "spark://", "spark://host",
      "spark://host:0", "spark://host:65536", "spark://host:7077/x", "http://host:7077", "yarnx", "k8s://host", "spark://a b:7077"})
  void malformedMastersAreRefusedInOneLine(String url) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new SparkMaster(url));
    assertTrue(e.getMessage().startsWith("--spark " + url + " is not a Spark master: give local"), e.getMessage());
    assertEquals(1, e.getMessage().lines().count());
  }
}
