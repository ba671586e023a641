package occam.distributed;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import occam.fourier.RealDft2Backend;
import occam.io.Json;
import occam.sfm.CpuEngine;
import occam.sfm.SfmConfig;
import occam.sfm.SfmListener;
import occam.sfm.SfmResult;
import org.apache.spark.TaskContext;
import scala.jdk.javaapi.CollectionConverters;
import scala.runtime.AbstractFunction2;

/**
 * One Spark task of a scan: the runs of one partition, each a pure function of its config (seeded split,
 * noise and init), run by the sequential CPU solver. A retried task recomputes the same results, so Spark
 * may rerun it freely. Configs and results travel as {@link Json} text, the same form the scan journal
 * keeps, since {@link SfmResult} holds {@link java.util.OptionalInt}s Java serialization refuses.
 * {@link TaskFaults} can make a task's first attempt fail at its start.
 */
final class SfmTask extends AbstractFunction2<TaskContext, scala.collection.Iterator<String>, ArrayList<String>>
    implements Serializable {
  private static final long serialVersionUID = 1L;

  private final RealDft2Backend backend;

  /**
   * Creates the task function.
   *
   * @param backend the 2D DFT every run uses (decides the rounding)
   */
  SfmTask(RealDft2Backend backend) {
    this.backend = backend;
  }

  @Override
  public ArrayList<String> apply(TaskContext context, scala.collection.Iterator<String> configs) {
    if (TaskFaults.failing(context)) {
      throw TaskFaults.failure(context, "at its start");
    }
    CpuEngine engine = new CpuEngine(backend, 1, Integer.MAX_VALUE);
    ArrayList<String> out = new ArrayList<>();
    for (java.util.Iterator<String> it = CollectionConverters.asJava(configs); it.hasNext(); ) {
      SfmConfig c = Json.COMPACT.fromJson(it.next(), SfmConfig.class);
      out.add(Json.compact(engine.run(List.of(c), SfmListener.NONE).get(0)));
    }
    return out;
  }
}
