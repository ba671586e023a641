/**
 * Predicting the transformer's grokking step (issue 13): the grid of training runs ({@link
 * occam.results.prediction.GridRun}), its phase tables ({@link occam.results.prediction.TransformerPhaseTables}),
 * predictors calibrated on one part of the grid ({@link occam.results.prediction.Calibration}) and the
 * league that scores them on the rest ({@link occam.results.prediction.League}).
 *
 * <p>Legend: t_mem, t_grok = first steps with train (and test) accuracy ≥ the threshold; V = ‖θ‖²;
 * lr, wd = AdamW's peak learning rate and decoupled weight decay; frac = α; n = |S|; β = the SFM's
 * Occam prior.
 */
package occam.results.prediction;
