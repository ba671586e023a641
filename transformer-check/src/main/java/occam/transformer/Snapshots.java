package occam.transformer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import occam.transformer.records.RunFolder;
import occam.transformer.records.SnapshotSchedule;
import occam.transformer.records.TrainingConfig;
import occam.transformer.records.TrainingCost;

/**
 * The weight snapshots of a run folder: one {@link Snapshot} file per step, {@code
 * snapshots/step-NNNNNNNNN.snap} (the step zero-padded to nine digits), written atomically by the
 * {@link #measurement} that a run with {@code --snapshots} carries. One file per step makes a
 * resumed run safe: it rewrites the snapshots it passes again with the same weights (training resumes
 * bit for bit), keeps the earlier ones and never holds two of one step. The resume checkpoint stays a
 * separate file.
 */
public final class Snapshots {
  /** Name of the snapshot measurement. */
  public static final String NAME = "snapshots";

  private static final Pattern FILE = Pattern.compile("step-(\\d{9})\\.snap");

  private Snapshots() {}

  /**
   * The file of one step's snapshot.
   *
   * @param runDir the run folder
   * @param step the step
   * @return {@code runDir/snapshots/step-NNNNNNNNN.snap}
   */
  public static Path file(Path runDir, int step) {
    return new RunFolder(runDir).snapshotDir().resolve(String.format(Locale.ROOT, "step-%09d.snap", step));
  }

  /**
   * The steps a run folder holds snapshots of, from the file names alone.
   *
   * @param runDir the run folder
   * @return the steps, ascending; empty when the folder has no snapshots
   * @throws IOException if the snapshot folder cannot be listed
   */
  public static SortedSet<Integer> steps(Path runDir) throws IOException {
    SortedSet<Integer> steps = new TreeSet<>();
    Path dir = new RunFolder(runDir).snapshotDir();
    if (!Files.isDirectory(dir)) {
      return steps;
    }
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
      for (Path f : files) {
        Matcher m = FILE.matcher(f.getFileName().toString());
        if (m.matches() && Files.isRegularFile(f)) {
          steps.add(Integer.parseInt(m.group(1)));
        }
      }
    }
    return steps;
  }

  /**
   * Reads one step's snapshot.
   *
   * @param runDir the run folder
   * @param step a step of {@link #steps}
   * @return the snapshot
   * @throws IllegalArgumentException if there is no such snapshot or it is unreadable
   */
  public static Snapshot read(Path runDir, int step) {
    Path file = file(runDir, step);
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("run folder " + runDir + " has no snapshot of step " + step);
    }
    Snapshot s = Snapshot.read(file);
    if (s.step() != step) {
      throw new IllegalArgumentException("snapshot " + file + " holds step " + s.step() + ", not " + step);
    }
    return s;
  }

  /**
   * Reads every snapshot of a run folder.
   *
   * @param runDir the run folder
   * @return the snapshots, steps ascending; empty when there are none
   * @throws IOException if the snapshot folder cannot be listed
   * @throws IllegalArgumentException if a snapshot is unreadable
   */
  public static List<Snapshot> read(Path runDir) throws IOException {
    List<Snapshot> out = new ArrayList<>();
    for (int step : steps(runDir)) {
      out.add(read(runDir, step));
    }
    return out;
  }

  /**
   * The measurement that takes the snapshots of a run: due at {@link SnapshotSchedule#steps(int)}, at
   * the final step and at the milestones (t_mem, t_grok).
   *
   * @param config the run (its {@link TrainingConfig#snapshots()} and steps)
   * @return the measurement
   */
  public static Measurement<Snapshot> measurement(TrainingConfig config) {
    Schedule schedule = Schedule.at(config.snapshots().steps(config.steps()), true);
    return new Measurement<>() {
      @Override
      public String name() {
        return NAME;
      }

      @Override
      public Schedule schedule() {
        return schedule;
      }

      @Override
      public Snapshot measure(ModelState state) {
        return Snapshot.of(state);
      }
    };
  }

  /**
   * Where a run's snapshots go.
   *
   * @param runDir the run folder
   * @return a sink writing each snapshot to its {@link #file}
   */
  public static Consumer<Snapshot> writer(Path runDir) {
    return s -> {
      try {
        s.write(file(runDir, s.step()));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    };
  }

  /**
   * Checks a run's snapshot schedule against the size budget ({@link SnapshotSchedule#BUDGET_BYTES})
   * with the parameter count of {@link TrainingCost}.
   *
   * @param config the run
   * @throws IllegalArgumentException if the snapshots would not fit
   */
  public static void requireWithinBudget(TrainingConfig config) {
    config.snapshots().requireWithinBudget(config.steps(), TrainingCost.of(config).parameters());
  }
}
