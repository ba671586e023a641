package occam.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CellJournalTest {
  @TempDir Path tmp;

  /** Settings of a small grid. */
  record Settings(int p, String op, List<Double> betas, long seed) {}

  /** One finished cell. */
  record Cell(double beta, double frac, OptionalInt tGen, double loss) {}

  private static final Settings SETTINGS = new Settings(97, "add", List.of(1e-3, 1e-2), 1);

  private Path file() {
    return tmp.resolve(".scan.cells.jsonl");
  }

  @Test
  void cellsSurviveAReopenAndAreSkipped() throws Exception {
    Cell a = new Cell(1e-3, 0.3, OptionalInt.of(120), 0.25);
    Cell b = new Cell(1e-2, 0.3, OptionalInt.empty(), Double.NaN);
    try (CellJournal<Cell> j = CellJournal.open(file(), SETTINGS, Cell.class)) {
      assertTrue(j.cells().isEmpty());
      j.append(CellJournal.key("hard", 1e-3, 0.3), a);
      j.append(CellJournal.key("hard", 1e-2, 0.3), b);
    }
    try (CellJournal<Cell> j = CellJournal.open(file(), SETTINGS, Cell.class)) {
      assertEquals(List.of("[\"hard\",0.001,0.3]", "[\"hard\",0.01,0.3]"), List.copyOf(j.cells().keySet()));
      assertEquals(a, j.get("[\"hard\",0.001,0.3]").orElseThrow());
      Cell back = j.get(CellJournal.key("hard", 1e-2, 0.3)).orElseThrow();
      assertTrue(back.tGen().isEmpty() && Double.isNaN(back.loss()), "absent step and NaN come back");
      assertTrue(j.get(CellJournal.key("hard", 1e-1, 0.3)).isEmpty(), "an unfinished cell is not there");
    }
    List<String> lines = Files.readAllLines(file());
    assertEquals(3, lines.size());
    for (String line : lines) {
      Json.parseStrict(line); // every line is strict JSON (NaN as null)
    }
    assertEquals("{\"key\":\"[\\\"hard\\\",0.01,0.3]\",\"cell\":{\"beta\":0.01,\"frac\":0.3,\"t_gen\":null,\"loss\":null}}",
        lines.get(2));
  }

  @Test
  void settingsWithKeysInAnotherOrderAreTheSame() throws Exception {
    JsonObject x = new JsonObject();
    x.addProperty("p", 97);
    x.addProperty("op", "add");
    JsonObject y = new JsonObject();
    y.addProperty("op", "add");
    y.addProperty("p", 97);
    CellJournal.open(file(), x, Cell.class).close();
    CellJournal.open(file(), y, Cell.class).close();
  }

  @Test
  void differentSettingsAreRefusedNamingTheDifference() throws Exception {
    CellJournal.open(file(), SETTINGS, Cell.class).close();
    Settings other = new Settings(113, "add", List.of(1e-3, 1e-1), 1);
    UsageException u = assertThrows(UsageException.class, () -> CellJournal.open(file(), other, Cell.class));
    assertEquals(file() + " was written by different settings: betas [0.001,0.01] → [0.001,0.1]; p 97 → 113;"
        + " use a new --out or delete it", u.getMessage());
  }

  @Test
  void tornLastLineFromAKillIsDropped() throws Exception {
    try (CellJournal<Cell> j = CellJournal.open(file(), SETTINGS, Cell.class)) {
      j.append("[1]", new Cell(1, 1, OptionalInt.of(1), 1));
      j.append("[2]", new Cell(2, 2, OptionalInt.of(2), 2));
    }
    long whole = Files.size(file());
    Files.writeString(file(), "{\"key\":\"[3]\",\"cell\":{\"beta\":3,\"fr", StandardOpenOption.APPEND);
    try (CellJournal<Cell> j = CellJournal.open(file(), SETTINGS, Cell.class)) {
      assertEquals(List.of("[1]", "[2]"), List.copyOf(j.cells().keySet()));
      assertEquals(whole, Files.size(file()), "the torn line is cut off");
      j.append("[3]", new Cell(3, 3, OptionalInt.of(3), 3));
    }
    try (CellJournal<Cell> j = CellJournal.open(file(), SETTINGS, Cell.class)) {
      assertEquals(Map.of("[1]", 1.0, "[2]", 2.0, "[3]", 3.0),
          Map.of("[1]", j.get("[1]").orElseThrow().beta(), "[2]", j.get("[2]").orElseThrow().beta(),
              "[3]", j.get("[3]").orElseThrow().beta()));
    }
  }

  @Test
  void tornHeaderStartsAFreshJournal() throws Exception {
    Files.writeString(file(), "{\"occam_journ");
    try (CellJournal<Cell> j = CellJournal.open(file(), SETTINGS, Cell.class)) {
      assertTrue(j.cells().isEmpty());
    }
    JsonObject header = Json.parseStrict(Files.readAllLines(file()).get(0)).getAsJsonObject();
    assertEquals(1, header.get("occam_journal").getAsInt());
    assertEquals(97, header.getAsJsonObject("settings").get("p").getAsInt());
    assertEquals(64, header.get("fingerprint").getAsString().length());
  }

  @Test
  void damagedJournalsAreUsageErrors() throws Exception {
    Files.writeString(file(), "{\"some\":\"other file\"}\n");
    UsageException notOurs = assertThrows(UsageException.class, () -> CellJournal.open(file(), SETTINGS, Cell.class));
    assertEquals(file() + " is not an Occam cell journal; delete it or choose another --out", notOurs.getMessage());
    Files.delete(file());
    try (CellJournal<Cell> j = CellJournal.open(file(), SETTINGS, Cell.class)) {
      j.append("[1]", new Cell(1, 1, OptionalInt.of(1), 1));
    }
    Files.write(file(), "garbage\n{\"key\":\"[2]\",\"cell\":{}}\n".getBytes(StandardCharsets.UTF_8), StandardOpenOption.APPEND);
    UsageException bad = assertThrows(UsageException.class, () -> CellJournal.open(file(), SETTINGS, Cell.class));
    assertTrue(bad.getMessage().startsWith(file() + " line 3 is not a finished cell: "), bad.getMessage());
    assertTrue(bad.getMessage().endsWith("; delete the journal to start over"), bad.getMessage());
  }

  @Test
  void keysAreCanonical() {
    assertEquals("[\"soft\",0.001,0.30000000000000004,7]", CellJournal.key("soft", 1e-3, 0.1 + 0.2, 7));
    assertEquals(CellJournal.key("hard", 0.3), CellJournal.key("hard", 3 / 10.0));
  }
}
