package occam.transformer;

import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;
import occam.io.AtomicFiles;
import occam.io.Json;
import occam.modular.Milestones;
import occam.transformer.records.RunFolder;
import occam.transformer.records.TrainingConfig;

/**
 * Everything a killed run needs to continue exactly: the weights θ_step, AdamW's moments and update
 * count, the run configuration and the memorization/grokking steps found so far.
 *
 * <p>File format (big-endian, {@link DataOutputStream}): the 8 ASCII bytes {@code OCCAMCKP}, int
 * format version (1), int length and UTF-8 bytes of a JSON header ({@code config}, {@code step},
 * {@code updates}, {@code memorization_step}, {@code grokking_step}, {@code elapsed_s}), int number
 * of tensors, then per tensor: UTF name ({@code param/…}, {@code adam_m/…}, {@code adam_v/…}), int
 * rank, the dimensions as ints, the values as IEEE floats; last, the CRC-32 of all preceding bytes
 * as a long. Files are written atomically ({@link AtomicFiles}), so a crash leaves the previous
 * checkpoint in place.
 *
 * @param config the run that wrote it
 * @param step number of updates behind the saved weights
 * @param updates AdamW's update count t (equal to step)
 * @param memorizationStep first step with train accuracy ≥ threshold, if already seen
 * @param grokkingStep first step with train and test accuracy ≥ threshold, if already seen
 * @param elapsedSeconds wall-clock training seconds so far
 * @param parameters the weights, in {@link DecoderTransformer#namedParameters()} order
 * @param firstMoments AdamW's m, same names and order
 * @param secondMoments AdamW's v, same names and order
 */
public record Checkpoint(
    TrainingConfig config,
    int step,
    long updates,
    OptionalInt memorizationStep,
    OptionalInt grokkingStep,
    double elapsedSeconds,
    List<NamedTensor> parameters,
    List<NamedTensor> firstMoments,
    List<NamedTensor> secondMoments) {

  /** File name of the checkpoint inside a run's {@code checkpoint/} directory. */
  public static final String FILE_NAME = RunFolder.CHECKPOINT_FILE;

  private static final byte[] MAGIC = "OCCAMCKP".getBytes(StandardCharsets.US_ASCII);
  private static final int VERSION = 1;
  private static final String PARAM = "param/";
  private static final String FIRST = "adam_m/";
  private static final String SECOND = "adam_v/";

  /** Copies the lists. */
  public Checkpoint {
    parameters = List.copyOf(parameters);
    firstMoments = List.copyOf(firstMoments);
    secondMoments = List.copyOf(secondMoments);
  }

  /**
   * The checkpoint of a training state, AdamW's moments given by name.
   *
   * @param config the run
   * @param step updates behind the weights
   * @param updates AdamW's update count
   * @param milestones t_mem and t_grok so far
   * @param elapsedSeconds wall-clock training seconds so far
   * @param weights the weights, in {@link DecoderTransformer#namedParameters()} order
   * @param m AdamW's first moments by name
   * @param v AdamW's second moments by name
   * @return the checkpoint (moments in the weights' order and shapes)
   */
  public static Checkpoint of(TrainingConfig config, int step, long updates, Milestones milestones,
      double elapsedSeconds, List<NamedTensor> weights, Map<String, float[]> m, Map<String, float[]> v) {
    List<NamedTensor> first = new ArrayList<>();
    List<NamedTensor> second = new ArrayList<>();
    for (NamedTensor w : weights) {
      first.add(new NamedTensor(w.name(), w.shape(), m.get(w.name())));
      second.add(new NamedTensor(w.name(), w.shape(), v.get(w.name())));
    }
    return new Checkpoint(config, step, updates, milestones.tMem(), milestones.tGen(), elapsedSeconds, weights,
        first, second);
  }

  /**
   * Replays the milestones seen before this checkpoint into a fresh tracker: at t_mem train accuracy
   * reached the threshold, at t_grok train and test accuracy did.
   *
   * @param milestones a tracker that has seen nothing yet
   */
  public void replay(Milestones milestones) {
    double reached = milestones.threshold();
    memorizationStep.ifPresent(t -> milestones.observe(t, reached, Double.NaN));
    grokkingStep.ifPresent(t -> milestones.observe(t, reached, reached));
  }

  /**
   * Tensors by name.
   *
   * @param tensors e.g. {@link #firstMoments()}
   * @return name → values, in the list's order
   */
  public static Map<String, float[]> byName(List<NamedTensor> tensors) {
    Map<String, float[]> m = new LinkedHashMap<>();
    tensors.forEach(t -> m.put(t.name(), t.data()));
    return m;
  }

  /**
   * Writes the checkpoint atomically.
   *
   * @param file target file
   * @throws IOException if it cannot be written (a previous file is then unchanged)
   */
  public void write(Path file) throws IOException {
    JsonObject header = new JsonObject();
    header.add("config", config.toJson());
    header.addProperty("step", step);
    header.addProperty("updates", updates);
    header.add("memorization_step", Json.step(memorizationStep));
    header.add("grokking_step", Json.step(grokkingStep));
    header.add("elapsed_s", Json.number(elapsedSeconds));
    byte[] headerBytes = header.toString().getBytes(StandardCharsets.UTF_8);
    AtomicFiles.write(
        file,
        raw -> {
          CheckedOutputStream checked = new CheckedOutputStream(raw, new CRC32());
          DataOutputStream out = new DataOutputStream(checked);
          out.write(MAGIC);
          out.writeInt(VERSION);
          out.writeInt(headerBytes.length);
          out.write(headerBytes);
          out.writeInt(parameters.size() + firstMoments.size() + secondMoments.size());
          writeAll(out, PARAM, parameters);
          writeAll(out, FIRST, firstMoments);
          writeAll(out, SECOND, secondMoments);
          out.flush();
          long crc = checked.getChecksum().getValue();
          new DataOutputStream(raw).writeLong(crc);
        });
  }

  private static void writeAll(DataOutputStream out, String prefix, List<NamedTensor> tensors)
      throws IOException {
    for (NamedTensor t : tensors) {
      out.writeUTF(prefix + t.name());
      out.writeInt(t.shape().length);
      for (int d : t.shape()) {
        out.writeInt(d);
      }
      ByteBuffer buffer = ByteBuffer.allocate(4 * t.size());
      buffer.asFloatBuffer().put(t.data());
      out.write(buffer.array());
    }
  }

  /**
   * Reads a checkpoint, verifying its format and checksum.
   *
   * @param file the checkpoint file
   * @return the checkpoint
   * @throws IllegalArgumentException if the file is missing, unreadable, truncated, corrupted or of
   *     another format
   */
  public static Checkpoint read(Path file) {
    try (InputStream raw = new BufferedInputStream(Files.newInputStream(file))) {
      CheckedInputStream checked = new CheckedInputStream(raw, new CRC32());
      DataInputStream in = new DataInputStream(checked);
      byte[] magic = new byte[MAGIC.length];
      in.readFully(magic);
      if (!Arrays.equals(magic, MAGIC)) {
        throw unreadable(file, "not an Occam checkpoint");
      }
      int version = in.readInt();
      if (version != VERSION) {
        throw unreadable(file, "format version " + version + ", this build reads " + VERSION);
      }
      int headerLength = in.readInt();
      if (headerLength < 0 || headerLength > 1 << 24) {
        throw unreadable(file, "corrupt header length " + headerLength);
      }
      byte[] headerBytes = new byte[headerLength];
      in.readFully(headerBytes);
      int count = in.readInt();
      if (count < 0) {
        throw unreadable(file, "corrupt tensor count " + count);
      }
      List<NamedTensor> params = new ArrayList<>();
      List<NamedTensor> first = new ArrayList<>();
      List<NamedTensor> second = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        String name = in.readUTF();
        int rank = in.readInt();
        if (rank < 0 || rank > 8) {
          throw unreadable(file, "corrupt rank " + rank + " of " + name);
        }
        int[] shape = new int[rank];
        long size = 1;
        for (int d = 0; d < rank; d++) {
          shape[d] = in.readInt();
          size *= shape[d];
          if (shape[d] < 0 || size > Integer.MAX_VALUE / 4) {
            throw unreadable(file, "corrupt shape of " + name);
          }
        }
        byte[] bytes = new byte[(int) size * 4];
        in.readFully(bytes);
        float[] data = new float[(int) size];
        ByteBuffer.wrap(bytes).asFloatBuffer().get(data);
        if (name.startsWith(PARAM)) {
          params.add(new NamedTensor(name.substring(PARAM.length()), shape, data));
        } else if (name.startsWith(FIRST)) {
          first.add(new NamedTensor(name.substring(FIRST.length()), shape, data));
        } else if (name.startsWith(SECOND)) {
          second.add(new NamedTensor(name.substring(SECOND.length()), shape, data));
        } else {
          throw unreadable(file, "unknown tensor " + name);
        }
      }
      long computed = checked.getChecksum().getValue();
      long stored = in.readLong();
      if (computed != stored || raw.read() != -1) {
        throw unreadable(file, "checksum mismatch (the file is corrupted)");
      }
      JsonObject header = JsonParser.parseString(new String(headerBytes, StandardCharsets.UTF_8)).getAsJsonObject();
      return new Checkpoint(
          TrainingConfig.fromJson(header.getAsJsonObject("config")),
          header.get("step").getAsInt(),
          header.get("updates").getAsLong(),
          Json.step(header, "memorization_step"),
          Json.step(header, "grokking_step"),
          Json.value(header.get("elapsed_s")),
          params,
          first,
          second);
    } catch (EOFException e) {
      throw unreadable(file, "truncated");
    } catch (IOException e) {
      throw unreadable(file, e.getClass().getSimpleName() + ": " + e.getMessage());
    } catch (JsonParseException | IllegalStateException | NullPointerException | UnsupportedOperationException e) {
      throw unreadable(file, "malformed header");
    } catch (IllegalArgumentException e) {
      if (e.getMessage() != null && e.getMessage().startsWith("checkpoint ")) {
        throw e;
      }
      throw unreadable(file, e.getMessage());
    }
  }

  private static IllegalArgumentException unreadable(Path file, String why) {
    return new IllegalArgumentException("checkpoint " + file + " is unreadable: " + why);
  }

  /**
   * Checks that this checkpoint can continue {@code run}: same task, split, architecture and
   * optimizer; only the schedule ({@code Settings.SCHEDULE}) may differ, and {@code --wd-after} only
   * from this checkpoint's step on ({@link TrainingConfig#requireSameDecayBefore}).
   *
   * @param run the configuration asked for now
   * @param file the checkpoint's file, for the message
   * @throws IllegalArgumentException naming every setting that differs, or the first trained step whose
   *     weight decay would change
   */
  public void requireCompatible(TrainingConfig run, Path file) {
    List<String> differences = config.differencesFrom(run);
    if (!differences.isEmpty()) {
      throw new IllegalArgumentException(
          "checkpoint " + file + " belongs to a different run (checkpoint vs now: "
              + String.join(", ", differences) + "); resume with the checkpoint's settings or use another --out");
    }
    config.requireSameDecayBefore(run, step);
  }
}
