package occam.sfm;

import occam.modular.Phase;
import java.util.OptionalInt;

/**
 * The outcome of one SFM run.
 *
 * @param config what was run
 * @param phase the phase (SPEC §3)
 * @param tMem first t with train accuracy ≥ thr, if any
 * @param tGen first t with train and test accuracy ≥ thr, if any
 * @param stop why the run stopped
 * @param trainSize n = |S|
 * @param idealSupport |supp W*|
 * @param epsGen L_train of the exact generalizing solution W* on the (noisy) training targets
 * @param last metrics of the final weights
 */
public record SfmResult(
    SfmConfig config,
    Phase phase,
    OptionalInt tMem,
    OptionalInt tGen,
    StopReason stop,
    int trainSize,
    int idealSupport,
    double epsGen,
    SfmMetrics last) {}
