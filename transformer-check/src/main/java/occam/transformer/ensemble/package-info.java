/**
 * Ensembles: K transformers that share p, op and architecture trained as one batched graph, with
 * parameters stacked on a leading member axis, per-member AdamW hyperparameters and per-member
 * training sets. {@link occam.transformer.ensemble.Ensemble} is the step engine, {@link
 * occam.transformer.ensemble.EnsembleRun} trains its members as full runs (the run folders of {@code
 * occam train}), {@link occam.transformer.ensemble.EnsemblePlan} splits a grid into ensembles, and
 * {@link occam.transformer.ensemble.TrainBench} is {@code occam bench train}.
 */
package occam.transformer.ensemble;
