package occam.transformer.records;

import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import occam.io.AtomicFiles;
import occam.io.Json;
import occam.io.Messages;
import occam.io.UsageException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;

/**
 * The JSON-lines log {@code metrics.jsonl}: one {@link StepMetrics} object per line, steps
 * ascending. Lines are appended and flushed as they are measured; a last line cut short by a kill is
 * skipped on reading and dropped when a run resumes; any other bad line is refused, naming it.
 */
public final class MetricsLog implements AutoCloseable {
  private final BufferedWriter writer;
  private final List<StepMetrics> kept;

  private MetricsLog(BufferedWriter writer, List<StepMetrics> kept) {
    this.writer = writer;
    this.kept = List.copyOf(kept);
  }

  /** @return the lines kept from an earlier session by {@link #openFrom}, steps ascending */
  public List<StepMetrics> kept() {
    return kept;
  }

  /**
   * Reads a log. Blank lines are skipped, and so is an unparseable last line without a line end (cut
   * short by a kill); any other line that is not a metrics line, or not UTF-8, is refused.
   *
   * @param file the log
   * @return its lines in file order
   * @throws UsageException naming the file and the line that is not a metrics line
   * @throws IOException if the file cannot be read
   */
  public static List<StepMetrics> read(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    List<StepMetrics> out = new ArrayList<>();
    int start = 0;
    int number = 0;
    while (start < bytes.length) {
      int end = start;
      while (end < bytes.length && bytes[end] != '\n') {
        end++;
      }
      number++;
      boolean cut = end == bytes.length;
      String line = utf8(file, number, bytes, start, end);
      start = end + 1;
      if (line.isBlank()) {
        continue;
      }
      try {
        out.add(StepMetrics.fromJson(JsonParser.parseString(line).getAsJsonObject()));
      } catch (JsonParseException | IllegalStateException | IllegalArgumentException e) {
        if (!cut) {
          throw new UsageException(Messages.value(file) + " line " + number + " is not a metrics line: "
              + Messages.value(line));
        }
        // a partial last line from a killed run: not a measurement
      }
    }
    return out;
  }

  private static String utf8(Path file, int number, byte[] bytes, int from, int to) {
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes, from, to - from)).toString();
    } catch (CharacterCodingException e) {
      throw new UsageException(Messages.value(file) + " line " + number + " is not UTF-8 text: not a metrics log");
    }
  }

  /**
   * Opens a log for appending, keeping only the lines of steps before {@code fromStep} (those a
   * resumed run does not measure again). The kept lines are rewritten atomically first.
   *
   * @param file the log (created if absent)
   * @param fromStep first step the run will log; 0 starts an empty log
   * @return the open log
   * @throws IOException if the file cannot be read or written
   */
  public static MetricsLog openFrom(Path file, int fromStep) throws IOException {
    List<StepMetrics> kept = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    if (fromStep > 0 && Files.exists(file)) {
      for (StepMetrics m : read(file)) {
        if (m.step() < fromStep) {
          kept.add(m);
          text.append(Json.compact(m.toJson())).append('\n');
        }
      }
    }
    AtomicFiles.writeString(file, text.toString());
    return new MetricsLog(
        Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.APPEND), kept);
  }

  /**
   * Appends a line and flushes it.
   *
   * @param metrics the measurement
   * @throws UncheckedIOException if writing fails
   */
  public void append(StepMetrics metrics) {
    try {
      writer.write(Json.compact(metrics.toJson()));
      writer.write('\n');
      writer.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() throws IOException {
    writer.close();
  }
}
