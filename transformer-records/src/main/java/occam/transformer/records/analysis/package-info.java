/**
 * What {@code occam analyze} found in a run's weight snapshots, readable without DJL: the result of one
 * measure on one snapshot ({@link occam.transformer.records.analysis.Measured}), the measures of one
 * snapshot ({@link occam.transformer.records.analysis.SnapshotAnalysis}), the paper's four checkpoints
 * ({@link occam.transformer.records.analysis.AnalysisCheckpoints}), the columns of the paper's Table 1
 * ({@link occam.transformer.records.analysis.Table1Column}) and the whole analysis ({@link
 * occam.transformer.records.analysis.RunAnalysisResult}). Module {@code transformer-check} measures;
 * module {@code results} writes the report.
 */
package occam.transformer.records.analysis;
