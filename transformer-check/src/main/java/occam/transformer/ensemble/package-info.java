/**
 * Ensembles: K transformers that share p, op and architecture trained as one batched graph, with
 * parameters stacked on a leading member axis, per-member AdamW hyperparameters and per-member
 * training sets.
 */
package occam.transformer.ensemble;
