package occam.complexity.compression;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorOutputStream;

/** Off-the-shelf lossless compressors (Apache Commons Compress; xz through org.tukaani:xz). */
public enum Compressor {
  /** bzip2 with 900 kB blocks (bzip2 -9, the command's default), as the seed paper uses. */
  BZIP2 {
    @Override
    OutputStream open(OutputStream out) throws IOException {
      return new BZip2CompressorOutputStream(out, BZip2CompressorOutputStream.MAX_BLOCKSIZE);
    }
  },
  /** xz (LZMA2) at preset 6, the xz command's default. */
  XZ {
    @Override
    OutputStream open(OutputStream out) throws IOException {
      return new XZCompressorOutputStream(out, 6);
    }
  };

  abstract OutputStream open(OutputStream out) throws IOException;

  /**
   * Compresses bytes.
   *
   * @param data the bytes
   * @return the compressed stream, headers included
   */
  public byte[] compress(byte[] data) {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    try (OutputStream out = open(buffer)) {
      out.write(data);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // in-memory streams do not fail
    }
    return buffer.toByteArray();
  }

  /**
   * Compressed size in bytes.
   *
   * @param data the bytes
   * @return the length of {@link #compress(byte[])}
   */
  public int compressedSize(byte[] data) {
    return compress(data).length;
  }
}
