package occam.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import occam.modular.Op;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
  @TempDir Path tmp;

  @Test
  void writesReadableFilesAndLeavesNoTemporary() throws IOException {
    Path f = tmp.resolve("sub/table.csv");
    AtomicFiles.writeString(f, "a,b\n");
    AtomicFiles.writeString(f, "c,d\n");
    assertEquals("c,d\n", Files.readString(f));
    if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
    }
    try (Stream<Path> files = Files.list(f.getParent())) {
      assertEquals(1, files.count(), "only the published file remains");
    }
  }

  @Test
  void failedWriteKeepsTheOldFileAndNoTemporary() throws IOException {
    Path f = tmp.resolve("t.txt");
    AtomicFiles.writeString(f, "old");
    assertThrows(IOException.class, () -> AtomicFiles.write(f, out -> {
      out.write(1);
      throw new IOException("disk full");
    }));
    assertEquals("old", Files.readString(f));
    try (Stream<Path> files = Files.list(tmp)) {
      assertFalse(files.anyMatch(p -> p.getFileName().toString().endsWith(".tmp")));
    }
  }

  @Test
  void unwritableTargetsAreRefusedUpFront() throws IOException {
    Path file = Files.writeString(tmp.resolve("plain"), "x");
    assertThrows(IllegalArgumentException.class, () -> AtomicFiles.requireWritable(file.resolve("under-a-file.csv")));
    assertThrows(IllegalArgumentException.class, () -> AtomicFiles.requireWritable(tmp));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> AtomicFiles.requireWritableDirectory(file));
    assertEquals("cannot write to " + file + ": it is a file, expected a folder", e.getMessage());
  }

  @Test
  void enumNames() {
    assertEquals(Op.DIV, EnumNames.parse(Op.class, " Div ", "op"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> EnumNames.parse(Op.class, "pow", "op"));
    assertEquals("unknown op 'pow': expected add, sub, mul or div", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> EnumNames.parse(Op.class, null, "op"));
  }
}
