package occam.transformer;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.Consumer;
import occam.io.LockedRunFolder;
import occam.io.Messages;
import occam.io.UsageException;
import occam.transformer.records.MetricsLog;
import occam.transformer.records.RunFolder;
import occam.transformer.records.StepMetrics;
import occam.transformer.records.TrainingConfig;
import occam.transformer.records.TrainingSummary;

/**
 * Trains a {@link DecoderTransformer} on a modular task with {@link AdamW} ({@link TrainingLoop}) and
 * keeps the run's records in a {@link RunFolder}: {@code metrics.jsonl} (the {@link MetricsLine}
 * measurement), {@code summary.json}, {@code checkpoint/state.ckpt} and, when the configuration asks
 * for them, weight snapshots ({@link Snapshots}). Further measurements are added
 * with {@link #measure}. Before anything is written the folder and any checkpoint are checked, so bad
 * input leaves existing files as they were.
 */
public final class TrainingRun {
  private final TrainingConfig config;
  private final List<TrainingLoop.Probe<?>> measurements = new ArrayList<>();
  private RunFolder out;
  private boolean resume;
  private boolean restartUnfinished;
  private String preset;
  private String command = "occam.transformer.TrainingRun";
  private TrainingListener listener = new TrainingListener() {};
  private WeightComplexity complexity = WeightComplexity.NONE;

  private TrainingRun(TrainingConfig config) {
    this.config = config;
  }

  /**
   * Prepares a run.
   *
   * @param config the run's configuration
   * @return the run, writing no files until {@link #output(Path)} is set
   */
  public static TrainingRun of(TrainingConfig config) {
    return new TrainingRun(config);
  }

  /**
   * Sets the run folder.
   *
   * @param dir where metrics, summary and checkpoints go (created if absent)
   * @return this
   */
  public TrainingRun output(Path dir) {
    this.out = new RunFolder(dir);
    return this;
  }

  /**
   * Continues from the folder's checkpoint when there is one.
   *
   * @param value whether to resume
   * @return this
   */
  public TrainingRun resume(boolean value) {
    this.resume = value;
    return this;
  }

  /**
   * With resume on: lets a folder left by a run killed before its first checkpoint (a metrics log, no
   * summary, no checkpoint) start over instead of being refused; for grids, which re-run their cells.
   *
   * @param value whether such a folder starts over
   * @return this
   */
  public TrainingRun restartUnfinished(boolean value) {
    this.restartUnfinished = value;
    return this;
  }

  /**
   * Names the preset the configuration came from, for the summary.
   *
   * @param name preset name or null
   * @return this
   */
  public TrainingRun preset(String name) {
    this.preset = name;
    return this;
  }

  /**
   * Names the command line that runs this training, for the folder's lock and manifest.
   *
   * @param value the command line
   * @return this
   */
  public TrainingRun command(String value) {
    this.command = value;
    return this;
  }

  /**
   * Sets the observer.
   *
   * @param value the listener
   * @return this
   */
  public TrainingRun listener(TrainingListener value) {
    this.listener = value;
    return this;
  }

  /**
   * Sets the complexity estimate logged at every log step.
   *
   * @param value the estimate ({@link WeightComplexity#NONE} by default)
   * @return this
   */
  public TrainingRun complexity(WeightComplexity value) {
    this.complexity = value;
    return this;
  }

  /**
   * Adds a measurement: the loop calls it at the steps of its schedule (after the metrics line) and
   * hands each result to the sink.
   *
   * @param <R> result type
   * @param measurement the measurement
   * @param sink where its results go
   * @return this
   */
  public <R> TrainingRun measure(Measurement<R> measurement, Consumer<? super R> sink) {
    measurements.add(new TrainingLoop.Probe<>(measurement, sink));
    return this;
  }

  /**
   * The checkpoint file of a run folder.
   *
   * @param dir run folder
   * @return {@code dir/checkpoint/state.ckpt}
   */
  public static Path checkpointFile(Path dir) {
    return new RunFolder(dir).checkpointFile();
  }

  /**
   * Checks the run folder and reads the checkpoint to resume from, writing nothing.
   *
   * <p>With resume on and no checkpoint, training starts fresh only into a folder that holds no run's
   * files (absent, or without metrics and summary); a folder that holds a metrics log or summary but no
   * checkpoint is refused, so nothing is silently started over and overwritten (except, with {@link
   * #restartUnfinished}, a metrics log without a summary).
   *
   * @return the checkpoint, or null for a fresh start
   * @throws UsageException if the snapshots would exceed their size budget, the folder is a file,
   *     already holds a run and resume is off, holds a run without a checkpoint and resume is on, or the
   *     checkpoint is unreadable, belongs to another configuration or is past {@code config.steps()}
   *     (the user's input, not a failure)
   */
  public Checkpoint preflight() {
    requireSnapshotBudget();
    if (out == null) {
      return null;
    }
    Path dir = out.dir();
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      throw new UsageException("--out " + Messages.value(dir) + " is a file, not a directory");
    }
    Path checkpoint = out.checkpointFile();
    boolean holdsRun = Files.exists(out.metricsFile()) || Files.exists(out.summaryFile());
    if (!resume) {
      if (Files.exists(checkpoint) || holdsRun) {
        throw new UsageException("--out " + Messages.value(dir)
            + " already holds a run; pass --resume to continue it or choose another --out");
      }
      return null;
    }
    if (!Files.exists(checkpoint)) {
      if (holdsRun && !(restartUnfinished && !Files.exists(out.summaryFile()))) {
        throw new UsageException("nothing to resume: " + Messages.value(dir) + " has no " + RunFolder.CHECKPOINT_DIR
            + "/" + RunFolder.CHECKPOINT_FILE + " but holds a run's metrics or summary; remove them or choose another --out");
      }
      return null;
    }
    try {
      Checkpoint c = Checkpoint.read(checkpoint);
      c.requireCompatible(config, checkpoint);
      if (c.step() > config.steps()) {
        throw new UsageException("--steps " + config.steps() + " is below the step of the checkpoint to resume, "
            + c.step() + " (" + Messages.value(checkpoint) + "); pass --steps " + c.step() + " or more");
      }
      return c;
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
  }

  /**
   * Runs to {@code config.steps()} (or divergence). A run folder is held ({@link LockedRunFolder}) for
   * the whole run and its manifest written last, after {@link TrainingListener#onEnd} (which may add
   * files, such as a figure); a reader takes the folder for a finished run only with that manifest.
   * A JVM shutdown during training saves a checkpoint at the step reached ({@link Interruption}).
   *
   * @return the summary (also written to {@code summary.json} when a folder is set)
   * @throws IOException if an output file cannot be written
   * @throws UsageException as {@link #preflight()}, or if another command holds the folder (naming it)
   */
  public TrainingSummary run() throws IOException {
    if (out == null) {
      return train(preflight());
    }
    requireSnapshotBudget(); // before the lock makes the folder
    // the lock first, so a folder another command writes is refused naming it; the preflight runs under
    // it before the folder is touched (a new folder cannot fail it, so a refusal never makes one appear)
    Checkpoint[] start = new Checkpoint[1];
    try (LockedRunFolder folder = LockedRunFolder.open(out.dir(), command, () -> start[0] = preflight())) {
      TrainingSummary summary = train(start[0]);
      folder.finish();
      return summary;
    }
  }

  /**
   * Checks the snapshots against their size budget ({@link Snapshots#requireWithinBudget}).
   *
   * @throws UsageException if they would not fit
   */
  public void requireSnapshotBudget() {
    try {
      Snapshots.requireWithinBudget(config);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
  }

  private TrainingSummary train(Checkpoint start) throws IOException {
    ModularSequences data = ModularSequences.of(config.split());
    Engine engine = Djl.engine();
    Device device = Djl.device();
    engine.setRandomSeed((int) config.seed());
    try (NDManager manager = engine.newBaseManager(device)) {
      DecoderTransformer model = DecoderTransformer.create(config.model(), config.seed(), manager);
      try (AdamW adam = new AdamW(config.optimizer(), model.namedParameters(), manager)) {
        TrainingLoop loop = new TrainingLoop(config, data, model, adam, manager, engine);
        if (start != null) {
          loop.restore(start);
        }
        OptionalInt resumedFrom = start == null ? OptionalInt.empty() : OptionalInt.of(start.step());
        List<String> changes = start == null ? List.of() : start.config().scheduleChangesTo(config);
        return train(loop, resumedFrom, changes, device.toString());
      }
    }
  }

  private TrainingSummary train(TrainingLoop loop, OptionalInt resumedFrom, List<String> changes, String device)
      throws IOException {
    int startStep = loop.step();
    MetricsLine metrics = new MetricsLine(config, complexity);
    List<StepMetrics> last = new ArrayList<>(1);
    TrainingLoop.End end;
    Path checkpoint = out == null ? null : out.checkpointFile();
    try (Interruption stop = Interruption.onShutdown()) {
      try (MetricsLog log = out == null ? null : MetricsLog.openFrom(out.metricsFile(), startStep)) {
        if (log != null) {
          log.kept().forEach(listener::onLog);
        }
        List<TrainingLoop.Probe<?>> probes = new ArrayList<>();
        probes.add(new TrainingLoop.Probe<>(metrics, line -> {
          if (log != null) {
            log.append(line);
          }
          last.clear();
          last.add(line);
          listener.onLog(line);
        }));
        if (out != null && !config.snapshots().isNone()) {
          probes.add(new TrainingLoop.Probe<>(Snapshots.measurement(config), Snapshots.writer(out.dir())));
        }
        probes.addAll(measurements);
        end = loop.run(probes, listener, device, checkpoint, stop);
      }
      if (end.interrupted()) {
        listener.onInterrupt(end.step(), checkpoint);
        stop.halt();
      }
    }
    TrainingSummary summary = new TrainingSummary(config, preset, loop.trainSize(), loop.testSize(), end.step(),
        loop.milestones().tMem(), loop.milestones().tGen(), loop.milestones().phase(end.diverged()), last.get(0),
        device, TrainingLoop.rate(end.step() - startStep, end.seconds()), end.seconds(), metrics.complexity(),
        resumedFrom, changes);
    if (out != null) {
      summary.write(out.summaryFile());
    }
    listener.onEnd(summary);
    return summary;
  }
}
