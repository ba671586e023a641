package occam.distributed;

import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where Spark runs a grid: {@code local[N]} / {@code local[*]} / {@code local[N,F]} (an embedded Spark in
 * this JVM, N task threads, F attempts per task), {@code spark://host:port} (a standalone cluster), or
 * {@code yarn} / {@code k8s://https://host:port}, which run only under {@code spark-submit} (it brings their
 * cluster-manager classes).
 *
 * @param url the master URL as Spark reads it
 */
public record SparkMaster(String url) {
  private static final Pattern LOCAL = Pattern.compile("local(?:\\[(\\*|[1-9]\\d{0,3})(?:,([1-9]\\d{0,2}))?])?");
  private static final Pattern SUBMITTED = Pattern.compile("yarn|k8s://https?://[A-Za-z0-9.\\[\\]:-]{1,260}");
  private static final Pattern STANDALONE = Pattern.compile(
      "spark://([A-Za-z0-9][A-Za-z0-9.-]{0,252}|\\[[0-9A-Fa-f:.]+]):([1-9]\\d{0,4})");

  /**
   * Validates the URL.
   *
   * @throws IllegalArgumentException naming the URL and the forms allowed
   */
  public SparkMaster {
    if (url == null || !(LOCAL.matcher(url).matches() || standalone(url).isPresent() || SUBMITTED.matcher(url).matches())) {
      throw new IllegalArgumentException("--spark " + (url == null ? "" : url.length() > 80 ? url.substring(0, 80) + "…" : url)
          + " is not a Spark master: give local, local[N], local[*], local[N,F] (F attempts per task), spark://HOST:PORT,"
          + " or under spark-submit yarn or k8s://https://HOST:PORT");
    }
  }

  /** @return whether Spark runs embedded in this JVM */
  public boolean local() {
    return LOCAL.matcher(url).matches();
  }

  /**
   * The task threads of a local master.
   *
   * @param cores the cores of this machine, for {@code local[*]}
   * @return N of {@code local[N]}, cores for {@code local[*]}, 1 for {@code local}; empty for a cluster
   */
  public OptionalInt localThreads(int cores) {
    Matcher m = LOCAL.matcher(url);
    if (!m.matches()) {
      return OptionalInt.empty();
    }
    return OptionalInt.of(m.group(1) == null ? 1 : "*".equals(m.group(1)) ? cores : Integer.parseInt(m.group(1)));
  }

  /** @return host and port of a standalone master, empty for a local one */
  public Optional<HostPort> standalone() {
    return standalone(url);
  }

  /**
   * A standalone master's address.
   *
   * @param host host name or address
   * @param port TCP port in 1..65535
   */
  public record HostPort(String host, int port) {
    /**
     * Validates the port.
     *
     * @throws IllegalArgumentException if the port is outside 1..65535
     */
    public HostPort {
      if (port < 1 || port > 65_535) {
        throw new IllegalArgumentException("port " + port + " is not allowed: give 1..65535");
      }
    }

    /** @return whether the host is this machine's loopback interface */
    public boolean loopback() {
      return host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]");
    }
  }

  private static Optional<HostPort> standalone(String url) {
    Matcher m = STANDALONE.matcher(url);
    if (!m.matches() || Integer.parseInt(m.group(2)) > 65_535) {
      return Optional.empty();
    }
    return Optional.of(new HostPort(m.group(1), Integer.parseInt(m.group(2))));
  }
}
