package occam.transformer.ensemble;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.function.Function;
import java.util.stream.IntStream;
import occam.io.LockedRunFolder;
import occam.io.UsageException;
import occam.modular.Milestones;
import occam.transformer.Checkpoint;
import occam.transformer.Djl;
import occam.transformer.Interruption;
import occam.transformer.MetricsLine;
import occam.transformer.ModelState;
import occam.transformer.Measurement;
import occam.transformer.Scores;
import occam.transformer.Snapshot;
import occam.transformer.Snapshots;
import occam.transformer.TrainingRun;
import occam.transformer.WeightComplexity;
import occam.transformer.records.MetricsLog;
import occam.transformer.records.RunFolder;
import occam.transformer.records.StepMetrics;
import occam.transformer.records.TrainingConfig;
import occam.transformer.records.TrainingSummary;

/**
 * Trains compatible runs ({@link Ensemble#requireCompatible}) as one {@link Ensemble}, each member a
 * full run: it writes the same run folder as a {@link TrainingRun} of its configuration ({@code
 * metrics.jsonl} through {@link MetricsLine}, {@code summary.json}, its weight {@link Snapshots} when
 * its configuration asks for them, a {@link Checkpoint} in the same
 * format, so {@code occam train --resume} continues a member's folder and an ensemble continues a
 * single run's), resumes from its own checkpoint, and leaves the ensemble once it has done its steps
 * or diverged (phase {@code diverged}) without changing the others' arithmetic.
 *
 * <p>Each ensemble step follows the single loop's turn for every active member k at its own step
 * s_k: score θ_{s_k} from the gradient pass's logits; evaluate the held-out set when a measurement is
 * due or t_grok is sought; feed t_mem/t_grok ({@link Milestones}); measure the metrics line when due;
 * then, unless s_k is final, AdamW update s_k + 1. A member whose step is final is frozen for that
 * update, its final checkpoint and summary are written, and it is dropped ({@link Ensemble#retain}).
 * Members may differ in seed, frac, lr, weight decay and steps, and may resume from different steps.
 *
 * <p>Reliability as a {@link TrainingRun}: each member's folder is held ({@link LockedRunFolder}) from
 * the start of the run until the member ends, its preflight runs under the lock, and its manifest is
 * written last, after {@link EnsembleListener#onMemberEnd}; a JVM shutdown ({@link Interruption})
 * makes every active member write its checkpoint at the step reached, then {@link
 * EnsembleListener#onInterrupt} says so once.
 */
public final class EnsembleRun {
  private final List<TrainingConfig> configs;
  private Function<TrainingConfig, Path> folders;
  private boolean resume;
  private boolean restartUnfinished;
  private String preset;
  private String command = "occam.transformer.ensemble.EnsembleRun";
  private SetLayout layout = SetLayout.GATHER;
  private EnsembleListener listener = new EnsembleListener() {};
  private WeightComplexity complexity = WeightComplexity.NONE;

  private EnsembleRun(List<TrainingConfig> configs) {
    this.configs = configs;
  }

  /**
   * Prepares an ensemble run.
   *
   * @param members the runs, in member order
   * @return the run, writing no files until an output is set
   * @throws IllegalArgumentException if there are no members or two are not compatible
   */
  public static EnsembleRun of(List<TrainingConfig> members) {
    if (members.isEmpty()) {
      throw new IllegalArgumentException("an ensemble needs at least one member");
    }
    members.forEach(c -> Ensemble.requireCompatible(members.get(0), c));
    return new EnsembleRun(List.copyOf(members));
  }

  /**
   * Puts each member's run folder under a parent, named by {@link RunFolder#in}.
   *
   * @param parent where the members' folders go
   * @return this
   */
  public EnsembleRun output(Path parent) {
    return output(c -> RunFolder.in(parent, c).dir());
  }

  /**
   * Names each member's run folder.
   *
   * @param folder member → its run folder
   * @return this
   */
  public EnsembleRun output(Function<TrainingConfig, Path> folder) {
    this.folders = folder;
    return this;
  }

  /**
   * Continues each member from its folder's checkpoint when there is one.
   *
   * @param value whether to resume
   * @return this
   */
  public EnsembleRun resume(boolean value) {
    this.resume = value;
    return this;
  }

  /**
   * With resume on: lets a member folder left by a run killed before its first checkpoint start over,
   * as {@link TrainingRun#restartUnfinished}; for grids, which re-run their cells.
   *
   * @param value whether such a folder starts over
   * @return this
   */
  public EnsembleRun restartUnfinished(boolean value) {
    this.restartUnfinished = value;
    return this;
  }

  /**
   * Names the command line that runs this training, for the member folders' locks and manifests.
   *
   * @param value the command line
   * @return this
   */
  public EnsembleRun command(String value) {
    this.command = value;
    return this;
  }

  /**
   * Names the preset the configurations came from, for the summaries.
   *
   * @param name preset name or null
   * @return this
   */
  public EnsembleRun preset(String name) {
    this.preset = name;
    return this;
  }

  /**
   * Sets how the members' training sets are laid out ({@link SetLayout#GATHER} by default, the faster).
   *
   * @param value the layout
   * @return this
   */
  public EnsembleRun layout(SetLayout value) {
    this.layout = value;
    return this;
  }

  /**
   * Sets the observer.
   *
   * @param value the listener
   * @return this
   */
  public EnsembleRun listener(EnsembleListener value) {
    this.listener = value;
    return this;
  }

  /**
   * Sets the complexity estimate each member logs ({@link WeightComplexity#NONE} by default); the
   * members' metrics lines are measured in parallel, so it is called from several threads at once.
   *
   * @param value the estimate
   * @return this
   */
  public EnsembleRun complexity(WeightComplexity value) {
    this.complexity = value;
    return this;
  }

  /** @return the members' configurations */
  public List<TrainingConfig> members() {
    return configs;
  }

  /**
   * Checks every member's folder and reads the checkpoints to resume from, writing nothing.
   *
   * @return one entry per member: its checkpoint, or null for a fresh start
   * @throws UsageException as {@link TrainingRun#preflight()} for any member, if two members would
   *     share a folder, or if the ensemble's estimated memory exceeds {@link EnsemblePlan#requireFits}
   */
  public List<Checkpoint> preflight() {
    requirePlan();
    List<Checkpoint> starts = new ArrayList<>();
    for (TrainingConfig c : configs) {
      starts.add(folders == null ? null : single(c).preflight());
    }
    return starts;
  }

  /** The memory, snapshot-budget and distinct-folder checks of {@link #preflight()}, reading no folder. */
  private void requirePlan() {
    try {
      new EnsemblePlan(List.of(configs)).requireFits(EnsemblePlan.freeMemory());
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    if (folders == null) {
      return;
    }
    configs.forEach(c -> TrainingRun.of(c).requireSnapshotBudget());
    Map<Path, TrainingConfig> seen = new HashMap<>();
    for (TrainingConfig c : configs) {
      Path dir = folders.apply(c);
      TrainingConfig other = seen.putIfAbsent(dir, c);
      if (other != null) {
        throw new UsageException("two members would share the run folder " + dir + ": "
            + String.join(", ", other.differencesFrom(c)) + "; give them distinct folders");
      }
    }
  }

  /** A member as a single run into its folder: its preflight is the member's. */
  private TrainingRun single(TrainingConfig c) {
    return TrainingRun.of(c).output(folders.apply(c)).resume(resume).restartUnfinished(restartUnfinished);
  }

  /**
   * Trains every member to its steps (or divergence).
   *
   * @return the members' summaries, in member order (also written to each {@code summary.json})
   * @throws IOException if an output file cannot be written
   * @throws UsageException as {@link #preflight()}, or if another command holds a member's folder
   *     (naming it; the folders locked so far are released, none is changed)
   */
  public List<TrainingSummary> run() throws IOException {
    requirePlan();
    List<Member> active = new ArrayList<>();
    try {
      for (int i = 0; i < configs.size(); i++) {
        active.add(member(i));
      }
    } catch (IOException | RuntimeException e) {
      for (Member m : active) {
        m.close();
      }
      throw e;
    }
    TrainingSummary[] summaries = new TrainingSummary[configs.size()];
    try (NDManager manager = Djl.engine().newBaseManager(Djl.device());
        Ensemble ensemble = Ensemble.of(configs, layout, manager)) {
      List<Checkpoint> starts = active.stream().map(m -> m.start).toList();
      if (starts.stream().anyMatch(Objects::nonNull)) {
        ensemble.restore(starts);
      }
      for (Member m : active) {
        m.open(listener);
      }
      new Session(ensemble, active, summaries, Djl.device().toString()).run();
    } finally {
      for (Member m : active) {
        m.close();
      }
    }
    return List.of(summaries);
  }

  /** Member i, its folder locked and checked under the lock (as {@link TrainingRun#run()}). */
  private Member member(int i) throws IOException {
    TrainingConfig c = configs.get(i);
    if (folders == null) {
      return new Member(i, c, null, null, null, new MetricsLine(c, complexity));
    }
    Path dir = folders.apply(c);
    Checkpoint[] start = new Checkpoint[1];
    LockedRunFolder lock = LockedRunFolder.open(dir, command, () -> start[0] = single(c).preflight());
    return new Member(i, c, new RunFolder(dir), lock, start[0], new MetricsLine(c, complexity));
  }

  /** One member's run: its records, step and milestones. */
  private static final class Member implements AutoCloseable {
    final int index;
    final TrainingConfig config;
    final RunFolder out;
    LockedRunFolder lock;
    final MetricsLine metrics;
    final Measurement<Snapshot> snapshots;
    final Milestones milestones;
    final Checkpoint start;
    final OptionalInt resumedFrom;
    final int startStep;
    final double elapsedBefore;
    MetricsLog log;
    int step;
    Scores lastTest = Scores.NONE;
    StepMetrics last;

    Member(int index, TrainingConfig config, RunFolder out, LockedRunFolder lock, Checkpoint start,
        MetricsLine metrics) {
      this.index = index;
      this.config = config;
      this.out = out;
      this.lock = lock;
      this.start = start;
      this.metrics = metrics;
      this.snapshots = out == null || config.snapshots().isNone() ? null : Snapshots.measurement(config);
      this.milestones = new Milestones(config.threshold());
      this.step = start == null ? 0 : start.step();
      this.startStep = step;
      this.resumedFrom = start == null ? OptionalInt.empty() : OptionalInt.of(start.step());
      this.elapsedBefore = start == null || !Double.isFinite(start.elapsedSeconds()) ? 0 : start.elapsedSeconds();
      if (start != null) {
        start.replay(milestones);
      }
    }

    void open(EnsembleListener listener) throws IOException {
      if (out != null) {
        log = MetricsLog.openFrom(out.metricsFile(), startStep);
        log.kept().forEach(line -> listener.onLog(config, line));
      }
    }

    void record(StepMetrics line, EnsembleListener listener) {
      if (log != null) {
        log.append(line);
      }
      last = line;
      listener.onLog(config, line);
    }

    /** Closes the metrics log (the folder stays locked). */
    void closeLog() throws IOException {
      if (log != null) {
        log.close();
        log = null;
      }
    }

    /** Closes the log and releases the folder (unfinished unless {@link LockedRunFolder#finish()} ran). */
    @Override
    public void close() throws IOException {
      try {
        closeLog();
      } finally {
        if (lock != null) {
          lock.close();
          lock = null;
        }
      }
    }
  }

  /** The step loop over the active members; their order is the ensemble's member order. */
  private final class Session {
    private final Ensemble ensemble;
    private final List<Member> active;
    private final TrainingSummary[] summaries;
    private final String device;
    private final int members;
    private final long t0 = System.nanoTime();
    private long modelSteps;

    Session(Ensemble ensemble, List<Member> active, TrainingSummary[] summaries, String device) {
      this.ensemble = ensemble;
      this.active = new ArrayList<>(active);
      this.summaries = summaries;
      this.device = device;
      this.members = active.size();
    }

    void run() throws IOException {
      try (Interruption stop = Interruption.onShutdown()) {
        while (!active.isEmpty()) {
          turn();
          if (stop.requested()) {
            interrupt(stop);
          }
        }
      }
    }

    /** Every active member writes its checkpoint at the step reached; one call to the listener; halts. */
    private void interrupt(Interruption stop) throws IOException {
      Map<Path, Integer> saved = new LinkedHashMap<>();
      for (int i = 0; i < active.size(); i++) {
        Member m = active.get(i);
        if (m.out != null) {
          checkpoint(m, i);
          saved.put(m.out.checkpointFile(), m.step);
        }
        m.closeLog();
      }
      listener.onInterrupt(saved);
      stop.halt();
    }

    /** One ensemble step, the finished members dropped, periodic checkpoints written. */
    private void turn() throws IOException {
      List<Member> finished = step();
      if (!finished.isEmpty() && finished.size() < active.size()) {
        List<Integer> keep = new ArrayList<>();
        for (int k = 0; k < active.size(); k++) {
          if (!finished.contains(active.get(k))) {
            keep.add(k);
          }
        }
        ensemble.retain(keep.stream().mapToInt(Integer::intValue).toArray());
      }
      active.removeAll(finished);
      for (Member m : active) {
        TrainingConfig c = m.config;
        if (m.out != null && c.checkpointEvery() > 0 && m.step % c.checkpointEvery() == 0) {
          checkpoint(m, active.indexOf(m));
        }
      }
      listener.onStep(new EnsembleProgress(members, members - active.size(), modelSteps, stepsLeft(), seconds()));
    }

    private long stepsLeft() {
      long left = 0;
      for (Member m : active) {
        left += m.config.steps() - m.step;
      }
      return left;
    }

    private double seconds() {
      return (System.nanoTime() - t0) / 1e9;
    }

    /** One turn of every active member; returns the members whose step was final (already written). */
    private List<Member> step() throws IOException {
      List<Member> finished = new ArrayList<>();
      try (NDScope scope = new NDScope()) {
        scope.suppressNotUsedWarning();
        boolean anyUpdate = active.stream().anyMatch(m -> m.step < m.config.steps());
        MemberSets sets = ensemble.sets();
        NDArray trainLogits = anyUpdate ? ensemble.gradientPass() : ensemble.logits(sets.train().tokens());
        MemberScores train = ensemble.trainScores(trainLogits);
        int k = active.size();
        boolean[] isFinal = new boolean[k];
        boolean[] diverged = new boolean[k];
        boolean[] due = new boolean[k];
        boolean[] needTest = new boolean[k];
        boolean anyTest = false;
        for (int i = 0; i < k; i++) {
          Member m = active.get(i);
          diverged[i] = !Double.isFinite(train.loss()[i]);
          isFinal[i] = m.step >= m.config.steps() || diverged[i];
          due[i] = m.metrics.schedule().isDue(m.step, isFinal[i]);
          boolean seekingGrok = m.milestones.reached(train.accuracy()[i]) && m.milestones.tGen().isEmpty();
          needTest[i] = m.config.split().testSize() > 0 && (due[i] || seekingGrok);
          anyTest |= needTest[i];
        }
        NDArray testLogits = null;
        MemberScores test = null;
        if (anyTest) {
          testLogits = sets.testInTrainingPass() ? trainLogits : ensemble.logits(sets.test().tokens());
          test = Ensemble.score(testLogits, sets.test());
        }
        double seconds = seconds();
        List<ModelState> states = new ArrayList<>();
        List<Member> measured = new ArrayList<>();
        for (int i = 0; i < k; i++) {
          Member m = active.get(i);
          Scores trainScores = new Scores(train.loss()[i], train.accuracy()[i]);
          double testAcc = Double.NaN;
          if (needTest[i]) {
            m.lastTest = new Scores(test.loss()[i], test.accuracy()[i]);
            testAcc = m.lastTest.accuracy();
          }
          boolean milestone = m.milestones.observe(m.step, trainScores.accuracy(), testAcc);
          boolean lineDue = m.metrics.schedule().isDue(m.step, isFinal[i], milestone);
          boolean snapshotDue = m.snapshots != null && m.snapshots.schedule().isDue(m.step, isFinal[i], milestone);
          if (lineDue || snapshotDue) {
            ModelState state = new ModelState(m.config, m.step, isFinal[i], trainScores, m.lastTest,
                ensemble.tensors(i), logitTable(m, i, trainLogits, testLogits), m.elapsedBefore + seconds);
            if (lineDue) {
              states.add(state);
              measured.add(m);
            }
            if (snapshotDue) {
              Snapshots.writer(m.out.dir()).accept(m.snapshots.measure(state));
            }
          }
        }
        // the metrics lines are engine-free Java on copies: measured in parallel while the engine idles
        List<StepMetrics> lines = IntStream.range(0, states.size()).parallel()
            .mapToObj(j -> measured.get(j).metrics.measure(states.get(j))).toList();
        for (int j = 0; j < lines.size(); j++) {
          measured.get(j).record(lines.get(j), listener);
        }
        for (int i = 0; i < k; i++) {
          if (isFinal[i]) {
            ensemble.freeze(i);
            finish(active.get(i), i, diverged[i], seconds);
            finished.add(active.get(i));
          }
        }
        if (anyUpdate) {
          ensemble.update();
        }
        for (Member m : active) {
          if (!finished.contains(m)) {
            m.step++;
            modelSteps++;
          }
        }
      }
      return finished;
    }

    /** Writes a finished member's final checkpoint (unless diverged) and summary. */
    private void finish(Member m, int i, boolean diverged, double seconds) throws IOException {
      if (m.out != null && !diverged) {
        checkpoint(m, i);
      }
      int steps = m.step - m.startStep;
      TrainingSummary summary = new TrainingSummary(m.config, preset, m.config.split().trainSize(),
          m.config.split().testSize(), m.step, m.milestones.tMem(), m.milestones.tGen(),
          m.milestones.phase(diverged), m.last, device, seconds > 0 ? steps / seconds : Double.NaN, seconds,
          m.metrics.complexity(), m.resumedFrom,
          m.start == null ? List.of() : m.start.config().scheduleChangesTo(m.config));
      if (m.out != null) {
        summary.write(m.out.summaryFile());
      }
      m.closeLog();
      summaries[m.index] = summary;
      listener.onMemberEnd(summary);
      if (m.lock != null) {
        m.lock.finish();
      }
      m.close();
    }

    private void checkpoint(Member m, int i) throws IOException {
      EnsembleAdamW adam = ensemble.optimizer();
      Checkpoint.of(m.config, m.step, adam.updates()[i], m.milestones, m.elapsedBefore + seconds(), ensemble.tensors(i),
          adam.firstMoments(i), adam.secondMoments(i)).write(m.out.checkpointFile());
    }

    /** Member i's last-position logits of every domain cell, as {@link ModelState#logitTable()}. */
    private float[] logitTable(Member m, int i, NDArray trainLogits, NDArray testLogits) {
      try (NDArray own = trainLogits.get(i)) {
        if (ensemble.sets().testInTrainingPass()) {
          return own.toFloatArray(); // masks: the rows are the whole domain in domain order
        }
        float[] testRows = null;
        if (testLogits != null) {
          try (NDArray ownTest = testLogits.get(i)) {
            testRows = ownTest.toFloatArray();
          }
        }
        return ModelState.logitTable(m.config.task(), m.config.split().train(), own.toFloatArray(),
            m.config.split().test(), testRows);
      }
    }
  }
}
