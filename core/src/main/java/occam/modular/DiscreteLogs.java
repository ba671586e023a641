package occam.modular;

import java.util.concurrent.ConcurrentHashMap;

/** Shared, lazily built discrete-log tables, one per prime (they are immutable). */
final class DiscreteLogs {
  private static final ConcurrentHashMap<Integer, DiscreteLog> CACHE = new ConcurrentHashMap<>();

  private DiscreteLogs() {}

  static DiscreteLog of(int p) {
    return CACHE.computeIfAbsent(p, DiscreteLog::of);
  }
}
