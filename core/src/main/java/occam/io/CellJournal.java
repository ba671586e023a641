package occam.io;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import java.io.IOException;
import java.lang.reflect.Type;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The finished cells of a grid (scan, experiment), so a killed grid re-run with the same settings
 * skips them. An append-only JSON-lines file: a header line {@code {"occam_journal":1,
 * "fingerprint":…,"settings":…}}, then one line {@code {"key":…,"cell":…}} per finished cell, appended
 * and flushed as the cell finishes. The cell is any value {@link Json} serializes; the key is a
 * canonical text of the cell's coordinates ({@link #key}).
 *
 * <p>The settings fingerprint is the SHA-256 of the settings' JSON with keys sorted; a journal opened
 * with other settings is refused, since its cells would belong to another grid. A kill during an append
 * leaves a last line without its newline: it is cut off on open and that cell runs again. The journal
 * takes no lock; keep it under the lock of the folder it belongs to ({@link ReportFolder#journal()}).
 *
 * @param <T> the cell payload
 */
public final class CellJournal<T> implements AutoCloseable {
  private static final int VERSION = 1;

  private final Path file;
  private final Type type;
  private final FileChannel out;
  private final Map<String, T> cells;

  private CellJournal(Path file, Type type, FileChannel out, Map<String, T> cells) {
    this.file = file;
    this.type = type;
    this.out = out;
    this.cells = cells;
  }

  /**
   * Opens a journal, creating it with a header for these settings if absent (or empty, or holding only
   * a torn header), reading its cells otherwise.
   *
   * @param <T> the cell payload
   * @param file the journal file
   * @param settings everything that decides the grid's cells (a record or JSON tree)
   * @param type the payload's class or generic type
   * @return the open journal
   * @throws UsageException if the journal was written by different settings, or is not a journal
   * @throws IOException if it cannot be read or written
   */
  public static <T> CellJournal<T> open(Path file, Object settings, Type type) throws IOException {
    JsonElement wanted = canonical(Json.COMPACT.toJsonTree(settings));
    String fingerprint = sha256(Json.compact(wanted));
    if (file.getParent() != null) {
      Files.createDirectories(file.toAbsolutePath().getParent());
    }
    FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    try {
      byte[] bytes = readAll(ch);
      int end = lastNewline(bytes) + 1; // a torn last line (no newline) is dropped
      ch.truncate(end);
      Map<String, T> cells = new LinkedHashMap<>();
      if (end == 0) {
        JsonObject header = new JsonObject();
        header.addProperty("occam_journal", VERSION);
        header.addProperty("fingerprint", fingerprint);
        header.add("settings", wanted);
        ch.write(ByteBuffer.wrap((Json.compact(header) + "\n").getBytes(StandardCharsets.UTF_8)), 0);
      } else {
        List<String> lines = List.of(new String(bytes, 0, end - 1, StandardCharsets.UTF_8).split("\n", -1));
        JsonObject header = header(file, lines.get(0));
        if (!header.get("fingerprint").getAsString().equals(fingerprint)) {
          throw new UsageException(Messages.value(file) + " was written by different settings: "
              + Messages.value(String.join("; ", differences(header.get("settings"), wanted)))
              + "; use a new --out or delete it");
        }
        for (int i = 1; i < lines.size(); i++) {
          try {
            JsonObject o = Json.parseStrict(lines.get(i)).getAsJsonObject();
            cells.put(o.get("key").getAsString(), Json.COMPACT.fromJson(o.get("cell"), type));
          } catch (RuntimeException e) {
            throw new UsageException(Messages.value(file) + " line " + (i + 1) + " is not a finished cell: "
                + Messages.value(e.getMessage()) + "; delete the journal to start over");
          }
        }
      }
      ch.position(ch.size());
      return new CellJournal<>(file, type, ch, cells);
    } catch (IOException | RuntimeException e) {
      ch.close();
      throw e;
    }
  }

  private static JsonObject header(Path file, String line) {
    try {
      JsonObject h = Json.parseStrict(line).getAsJsonObject();
      if (h.has("occam_journal") && h.has("fingerprint") && h.has("settings")) {
        return h;
      }
    } catch (RuntimeException e) {
      // fall through
    }
    throw new UsageException(Messages.value(file) + " is not an Occam cell journal; delete it or choose another --out");
  }

  /** The whole content of a channel's file. */
  static byte[] readAll(FileChannel ch) throws IOException {
    if (ch.size() > Integer.MAX_VALUE - 8) {
      throw new IOException("file larger than 2 GB");
    }
    ByteBuffer b = ByteBuffer.allocate((int) ch.size());
    while (b.hasRemaining() && ch.read(b, b.position()) >= 0) {
      // read it all
    }
    return b.array();
  }

  private static int lastNewline(byte[] bytes) {
    for (int i = bytes.length - 1; i >= 0; i--) {
      if (bytes[i] == '\n') {
        return i;
      }
    }
    return -1;
  }

  /** The tree with every object's keys sorted, so equal settings give equal text. */
  static JsonElement canonical(JsonElement e) {
    if (e.isJsonObject()) {
      JsonObject sorted = new JsonObject();
      new TreeMap<>(e.getAsJsonObject().asMap()).forEach((k, v) -> sorted.add(k, canonical(v)));
      return sorted;
    }
    if (e.isJsonArray()) {
      JsonArray a = new JsonArray();
      e.getAsJsonArray().forEach(v -> a.add(canonical(v)));
      return a;
    }
    return e;
  }

  /** The settings that differ, as {@code key: old → new}, at most four then "…". */
  private static List<String> differences(JsonElement stored, JsonElement wanted) {
    Map<String, String> a = flatten(stored);
    Map<String, String> b = flatten(wanted);
    TreeMap<String, String> all = new TreeMap<>();
    a.keySet().forEach(k -> all.put(k, ""));
    b.keySet().forEach(k -> all.put(k, ""));
    List<String> out = new ArrayList<>();
    for (String k : all.keySet()) {
      String x = a.getOrDefault(k, "absent");
      String y = b.getOrDefault(k, "absent");
      if (!x.equals(y)) {
        if (out.size() == 4) {
          out.add("…");
          break;
        }
        out.add(k + " " + x + " → " + y);
      }
    }
    return out.isEmpty() ? List.of("(same values, other format)") : out;
  }

  private static Map<String, String> flatten(JsonElement e) {
    Map<String, String> out = new TreeMap<>();
    if (e != null && e.isJsonObject()) {
      e.getAsJsonObject().entrySet().forEach(en -> {
        JsonElement v = en.getValue();
        if (v.isJsonObject()) {
          flatten(v).forEach((k, s) -> out.put(en.getKey() + "." + k, s));
        } else {
          out.put(en.getKey(), Json.compact(v));
        }
      });
    } else if (e != null) {
      out.put("settings", Json.compact(e));
    }
    return out;
  }

  private static String sha256(String text) {
    return HexFormat.of().formatHex(Manifest.sha256().digest(text.getBytes(StandardCharsets.UTF_8)));
  }

  /**
   * A canonical key for a cell's coordinates: their compact JSON array, e.g. {@code ["hard",0.001,0.3,1]}
   * (doubles in their shortest round-trip form, so equal coordinates give equal keys).
   *
   * @param coordinates the cell's coordinates (strings, numbers, enums, records)
   * @return the key
   */
  public static String key(Object... coordinates) {
    return Json.compact(List.of(coordinates));
  }

  /** The journal file. */
  public Path file() {
    return file;
  }

  /**
   * A finished cell.
   *
   * @param key its key
   * @return its payload, empty if the cell has not finished
   */
  public synchronized Optional<T> get(String key) {
    return Optional.ofNullable(cells.get(key));
  }

  /** The finished cells by key, in the order they finished (a key journaled twice keeps its last). */
  public synchronized Map<String, T> cells() {
    return Collections.unmodifiableMap(new LinkedHashMap<>(cells));
  }

  /**
   * Records a finished cell: one line appended and written to the file before this returns (a kill
   * afterwards keeps it; the process's own crash cannot tear it).
   *
   * @param key its key ({@link #key})
   * @param cell its payload
   * @throws IOException if the line cannot be written
   */
  public synchronized void append(String key, T cell) throws IOException {
    JsonObject line = new JsonObject();
    line.addProperty("key", key);
    line.add("cell", Json.COMPACT.toJsonTree(cell, type));
    ByteBuffer b = ByteBuffer.wrap((Json.compact(line) + "\n").getBytes(StandardCharsets.UTF_8));
    while (b.hasRemaining()) {
      out.write(b);
    }
    cells.put(key, cell);
  }

  /**
   * Closes the file (the journal stays for the next run).
   *
   * @throws IOException if it cannot be closed
   */
  @Override
  public void close() throws IOException {
    out.close();
  }
}
