package occam.transformer.ensemble;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import occam.io.UsageException;
import occam.transformer.Checkpoint;
import occam.transformer.WeightComplexity;
import occam.transformer.records.RunFolder;
import occam.transformer.records.TrainingConfig;
import occam.transformer.records.TrainingSummary;

/**
 * Trains a grid of runs as ensembles ({@link EnsemblePlan}, {@link EnsembleRun}) into one folder per
 * run ({@link RunFolder#in}), for {@code occam train} with list options and {@code occam experiment}.
 * {@link #plan} checks every ensemble (memory, folders) before the first is trained; with resume on, a
 * folder that holds a finished run of the wanted steps is left out. {@link #run} then trains the
 * ensembles here one after another; a distributed runner trains each of {@link GridPlan#ensembles()}
 * elsewhere with {@link #train}. An ensemble is a pure function of its members' settings and seeds that
 * writes each member's folder (checkpoints, summary, manifest last), so a runner may retry it: with
 * resume on, finished members are read back and the others continue from their checkpoints.
 */
public final class GridTraining {
  private final List<TrainingConfig> runs;
  private final Path parent;
  private Integer maxMembers;
  private boolean resume;
  private boolean restartUnfinished;
  private String preset;
  private String command = "occam.transformer.ensemble.GridTraining";
  private WeightComplexity complexity = WeightComplexity.NONE;

  private GridTraining(List<TrainingConfig> runs, Path parent) {
    this.runs = List.copyOf(runs);
    this.parent = parent;
  }

  /**
   * Prepares a grid.
   *
   * @param runs the runs, in grid order
   * @param parent where the run folders go
   * @return the grid, writing nothing yet
   * @throws IllegalArgumentException if there are no runs or no parent
   */
  public static GridTraining of(List<TrainingConfig> runs, Path parent) {
    if (runs.isEmpty() || parent == null) {
      throw new IllegalArgumentException("a training grid needs at least one run and a parent folder");
    }
    return new GridTraining(runs, parent);
  }

  /**
   * Sets the ensemble size K.
   *
   * @param value K, or null for {@link EnsemblePlan#defaultSize} on this machine
   * @return this
   */
  public GridTraining ensemble(Integer value) {
    this.maxMembers = value;
    return this;
  }

  /**
   * Resumes each folder from its checkpoint and leaves finished ones out.
   *
   * @param value whether to resume
   * @param restartUnfinishedFolders whether a folder left before its first checkpoint starts over
   *     ({@link EnsembleRun#restartUnfinished})
   * @return this
   */
  public GridTraining resume(boolean value, boolean restartUnfinishedFolders) {
    this.resume = value;
    this.restartUnfinished = restartUnfinishedFolders;
    return this;
  }

  /**
   * Names the preset the runs came from, for the summaries.
   *
   * @param value preset name or null
   * @return this
   */
  public GridTraining preset(String value) {
    this.preset = value;
    return this;
  }

  /**
   * Names the command line, for the folders' locks and manifests.
   *
   * @param value the command line
   * @return this
   */
  public GridTraining command(String value) {
    this.command = value;
    return this;
  }

  /**
   * Sets the complexity estimate every run logs.
   *
   * @param value the estimate
   * @return this
   */
  public GridTraining complexity(WeightComplexity value) {
    this.complexity = value;
    return this;
  }

  /** @return the runs, in grid order */
  public List<TrainingConfig> runs() {
    return runs;
  }

  /** @return where the run folders go */
  public Path parent() {
    return parent;
  }

  /** @return whether folders resume from their checkpoints */
  public boolean resumes() {
    return resume;
  }

  /** @return the preset name, or null */
  public String preset() {
    return preset;
  }

  /** @return the command line recorded in the folders */
  public String command() {
    return command;
  }

  /** @return the complexity estimate */
  public WeightComplexity complexity() {
    return complexity;
  }

  /**
   * Checks everything the grid needs, writing nothing.
   *
   * @param listener hears {@link GridListener#onSkipped} for each finished folder left out
   * @return the ensembles to train
   * @throws UsageException for a bad ensemble size, an ensemble that does not fit memory, or a folder
   *     refused ({@link EnsembleRun#preflight()})
   */
  public GridPlan plan(GridListener listener) {
    List<TrainingConfig> todo = new ArrayList<>();
    for (int i = 0; i < runs.size(); i++) {
      TrainingConfig c = runs.get(i);
      if (finished(c)) {
        listener.onSkipped(c, i + 1, runs.size(), RunFolder.in(parent, c).dir());
      } else {
        todo.add(c);
      }
    }
    if (todo.isEmpty()) {
      return new GridPlan(runs, List.of(), 0);
    }
    EnsemblePlan plan;
    try {
      int k = maxMembers != null ? maxMembers : EnsemblePlan.defaultSize(todo.get(0), EnsemblePlan.freeMemory());
      plan = EnsemblePlan.of(todo, k);
      plan.requireFits(EnsemblePlan.freeMemory());
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    long startSteps = 0;
    for (List<TrainingConfig> group : plan.ensembles()) {
      for (Checkpoint start : ensembleRun(group).preflight()) {
        startSteps += start == null ? 0 : start.step();
      }
    }
    return new GridPlan(runs, plan.ensembles(), startSteps);
  }

  /**
   * Plans and trains the grid here, one ensemble after another.
   *
   * @param listener hears the grid's events and every ensemble's
   * @return the summaries of the runs trained now, in grid order (finished folders left out are absent)
   * @throws IOException if a file cannot be written
   * @throws UsageException as {@link #plan}, before anything is trained
   */
  public List<TrainingSummary> run(GridListener listener) throws IOException {
    GridPlan plan = plan(listener);
    if (plan.ensembles().isEmpty()) {
      return List.of();
    }
    listener.onStart(plan);
    Map<TrainingConfig, TrainingSummary> done = new LinkedHashMap<>();
    for (List<TrainingConfig> members : plan.ensembles()) {
      List<TrainingSummary> summaries = train(members, listener);
      for (int k = 0; k < members.size(); k++) {
        done.put(members.get(k), summaries.get(k));
      }
      listener.onEnsembleEnd(summaries);
    }
    return runs.stream().map(done::get).filter(Objects::nonNull).toList();
  }

  /**
   * Trains one ensemble of the plan. With resume on, a member whose folder already holds its finished run
   * (a retried task, a re-run driver) is read back, not retrained, and the others continue from their
   * checkpoints, so calling this again after a failure ends with the same folders.
   *
   * @param members the ensemble, one of {@link GridPlan#ensembles()}
   * @param listener hears the {@link EnsembleListener} events of the members trained
   * @return the members' summaries, in member order
   * @throws IOException if a file cannot be written or a finished summary read
   * @throws UsageException as {@link EnsembleRun#run()}
   */
  public List<TrainingSummary> train(List<TrainingConfig> members, EnsembleListener listener) throws IOException {
    Map<TrainingConfig, TrainingSummary> done = new LinkedHashMap<>();
    List<TrainingConfig> todo = new ArrayList<>();
    for (TrainingConfig c : members) {
      if (finished(c)) {
        done.put(c, RunFolder.in(parent, c).summary());
      } else {
        todo.add(c);
      }
    }
    if (!todo.isEmpty()) {
      List<TrainingSummary> trained = ensembleRun(todo).listener(listener).run();
      for (int k = 0; k < todo.size(); k++) {
        done.put(todo.get(k), trained.get(k));
      }
    }
    return members.stream().map(done::get).toList();
  }

  /** With resume on: whether a run's folder holds its finished run (not trained again). */
  private boolean finished(TrainingConfig c) {
    return resume && RunFolder.in(parent, c).isComplete(c.steps());
  }

  /** An ensemble of this grid's runs, set up as the grid says. */
  private EnsembleRun ensembleRun(List<TrainingConfig> members) {
    return EnsembleRun.of(members).output(parent).resume(resume).restartUnfinished(restartUnfinished).preset(preset)
        .command(command).complexity(complexity);
  }
}
