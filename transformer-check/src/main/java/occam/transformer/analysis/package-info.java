/**
 * Measurements on a trained transformer that need its forward pass, run on saved weights: causal
 * mediation per head, skip-ablation of layer ranges and Nanda et al.'s progress measures, all behind
 * {@link occam.transformer.analysis.ModelInternals} and the model's one intervention mechanism,
 * {@link occam.transformer.Hook}.
 */
package occam.transformer.analysis;
