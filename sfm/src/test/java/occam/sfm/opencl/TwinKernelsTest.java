package occam.sfm.opencl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Aparapi fixes a kernel's types from its bytecode, so single precision is a second kernel class.
 * This keeps the twins identical: SfmKernel32's stages must read as SfmKernel64's once float
 * literals, float casts and the word float are put back to double.
 */
class TwinKernelsTest {
  private static final Path SOURCES = Path.of("src", "main", "java", "occam", "sfm", "opencl");

  /** The stage methods: from the first stage to the host-side load(). */
  private static String stages(String file) throws IOException {
    String s = Files.readString(SOURCES.resolve(file));
    int from = s.indexOf("  @Override\n  void inverseRows(");
    int to = s.indexOf("  @Override\n  void load(");
    assertTrue(from > 0 && to > from, file + " has the stages in the expected order");
    return s.substring(from, to);
  }

  private static String asDouble(String stages) {
    return stages.replace("(float) ", "").replaceAll("(\\d)f\\b", "$1").replace("float", "double");
  }

  @Test
  void singlePrecisionStagesAreTheDoubleStages() throws IOException {
    String fp64 = stages("SfmKernel64.java");
    String fp32 = stages("SfmKernel32.java");
    assertTrue(fp32.contains("float") && !fp32.contains("double"), "SfmKernel32's stages are all float");
    assertEquals(fp64, asDouble(fp32));
  }
}
