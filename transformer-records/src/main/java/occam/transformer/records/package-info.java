/**
 * The records of a transformer training run, readable without DJL: the settings table ({@link
 * occam.transformer.records.Settings}) and the {@link occam.transformer.records.TrainingConfig} built
 * from it, presets, the metrics log ({@link occam.transformer.records.StepMetrics}, {@link
 * occam.transformer.records.MetricsLog}), the {@link occam.transformer.records.TrainingSummary}, the
 * run folder ({@link occam.transformer.records.RunFolder}) and the training grid ({@link
 * occam.transformer.records.TrainingGrid}). JSON through {@code occam.io.Json}: non-finite numbers and
 * absent steps are null. Module {@code transformer-check} trains and writes them; module {@code results}
 * reads them.
 */
package occam.transformer.records;
