package occam.io;

import com.google.gson.JsonParseException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The list of files one command wrote into a folder, with their sizes and SHA-256 digests, written last
 * as {@value #FILE_NAME}. A folder whose manifest is missing was not finished (its writer was killed or
 * still runs); a folder whose files differ from their manifest was changed afterwards, for instance by
 * a second writer. Lock files and temporaries are not listed.
 *
 * @param command the command line that wrote the folder
 * @param written when the manifest was written (ISO-8601)
 * @param files the files, by path relative to the folder ({@code /}-separated), sorted
 */
public record Manifest(String command, String written, List<Entry> files) {
  /** Name of the manifest inside a folder. */
  public static final String FILE_NAME = ".occam-manifest.json";

  /**
   * One file of a manifest.
   *
   * @param path relative to the folder, {@code /}-separated
   * @param size in bytes
   * @param sha256 its SHA-256 digest in lower-case hex
   */
  public record Entry(String path, long size, String sha256) {}

  /** Copies the list. */
  public Manifest {
    files = List.copyOf(files);
  }

  /**
   * Lists the regular files of a folder and its subfolders, except manifests, lock files and
   * temporaries.
   *
   * @param dir the folder
   * @param command the command line that wrote it
   * @return its manifest
   * @throws IOException if a file cannot be read
   */
  public static Manifest of(Path dir, String command) throws IOException {
    List<Entry> entries = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path f : walk.filter(Files::isRegularFile).sorted().toList()) {
        String name = f.getFileName().toString();
        if (name.equals(FILE_NAME) || name.equals(FolderLock.FILE_NAME) || AtomicFiles.isTemporary(name)) {
          continue;
        }
        entries.add(new Entry(relative(dir, f), Files.size(f), sha256(f)));
      }
    }
    return new Manifest(command, Instant.now().toString(), entries);
  }

  private static String relative(Path dir, Path f) {
    List<String> parts = new ArrayList<>();
    dir.relativize(f).forEach(p -> parts.add(p.toString()));
    return String.join("/", parts);
  }

  /** A new SHA-256 digest (every JVM has one). */
  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JVM lacks SHA-256", e);
    }
  }

  private static String sha256(Path f) throws IOException {
    MessageDigest md = sha256();
    try (InputStream in = new DigestInputStream(Files.newInputStream(f), md)) {
      in.transferTo(java.io.OutputStream.nullOutputStream());
    }
    return HexFormat.of().formatHex(md.digest());
  }

  /**
   * Writes this manifest into a folder, atomically.
   *
   * @param dir the folder
   * @throws IOException if it cannot be written
   */
  public void write(Path dir) throws IOException {
    Json.write(dir.resolve(FILE_NAME), this);
  }

  /**
   * Reads a folder's manifest.
   *
   * @param dir the folder
   * @return its manifest, empty if it has none
   * @throws IOException if the manifest cannot be read
   * @throws UsageException if the manifest is not valid
   */
  public static Optional<Manifest> read(Path dir) throws IOException {
    Path file = dir.resolve(FILE_NAME);
    String text;
    try {
      text = Files.readString(file);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
    try {
      Manifest m = Json.COMPACT.fromJson(Json.parseStrict(text), Manifest.class);
      if (m == null || m.files() == null) {
        throw new JsonParseException("no files listed");
      }
      return Optional.of(m);
    } catch (JsonParseException e) {
      throw new UsageException(Messages.value(file) + " is not a valid manifest: " + Messages.value(e.getMessage()));
    }
  }

  /**
   * The files of a folder that differ from this manifest: missing, or with another size or digest.
   *
   * @param dir the folder
   * @return the relative paths that differ, in manifest order; empty when the folder matches
   * @throws IOException if a file cannot be read
   */
  public List<String> differences(Path dir) throws IOException {
    List<String> differ = new ArrayList<>();
    for (Entry e : files) {
      Path f = dir.resolve(e.path());
      if (!Files.isRegularFile(f) || Files.size(f) != e.size() || !sha256(f).equals(e.sha256())) {
        differ.add(e.path());
      }
    }
    return differ;
  }

  /**
   * Checks that a folder was finished and not changed since: it has a manifest and its files match.
   *
   * @param dir the folder
   * @return its manifest
   * @throws IOException if a file cannot be read
   * @throws UsageException naming the folder and what is wrong
   */
  public static Manifest requireComplete(Path dir) throws IOException {
    Manifest m = read(dir).orElseThrow(() -> new UsageException(Messages.value(dir)
        + " is not complete: it has no " + FILE_NAME + " (its command was killed or still runs)"));
    List<String> differ = m.differences(dir);
    if (!differ.isEmpty()) {
      throw new UsageException(Messages.value(dir) + " changed after it was written: " + Messages.value(String.join(", ", differ))
          + (differ.size() == 1 ? " differs" : " differ") + " from its " + FILE_NAME);
    }
    return m;
  }
}
