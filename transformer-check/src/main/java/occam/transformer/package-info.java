/**
 * The transformer check (SPEC §6): decoder-only transformers trained on the modular tasks of module
 * {@code fourier} with DJL's PyTorch engine, measured with the observables the SFM simulator reports.
 *
 * <p>Legend used in the javadoc of this package: p = prime modulus, m = group order (p for add/sub,
 * p − 1 for mul/div), N = m² domain cells, n = |S| training cells, B = batch, T = 3 = context length
 * (tokens u, v, '='), V = p + 1 = vocabulary (residues 0..p−1 and '=' as token p), d = d_model,
 * H = heads, d_h = d/H, d_mlp = MLP width, L = layers.
 *
 * <p>DJL runs offline from the Maven artifacts ({@link occam.transformer.Djl}); the engine is
 * reached only through {@link occam.transformer.TrainingRun} and the blocks, so the measurements
 * ({@link occam.transformer.EmbeddingSpectrum}, {@link occam.transformer.LogitSpectrum2d},
 * {@link occam.transformer.EffectiveRank}) are plain Java on float arrays. The loop ({@code TrainingLoop}) calls the {@link occam.transformer.Measurement}s it is given on a
 * {@link occam.transformer.ModelState}; the run's records (settings, metrics, summary, run folder) live
 * in module {@code transformer-records} ({@code occam.transformer.records}).
 */
package occam.transformer;
