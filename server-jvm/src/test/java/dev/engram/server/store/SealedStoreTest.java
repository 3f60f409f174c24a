package dev.engram.server.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.engram.server.DurableEngram;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The secure tier: what reaches the disk, and what a wrong or missing secret gets. */
class SealedStoreTest {
  @TempDir Path dir;

  private static final String SECRET = "correct horse battery staple 42";
  private final List<String> warnings = new ArrayList<>();

  private DurableEngram open(String secret) throws IOException {
    Sealer sealer = secret == null ? null : new Sealer(secret);
    return DurableEngram.open(Stores.open(dir, warnings::add, sealer), warnings::add);
  }

  private void write() throws IOException {
    try (DurableEngram memory = open(SECRET)) {
      memory.observe("acme-vault", List.of("The vault code for Larkspur Depot is 7731-quince."));
      memory.note("acme-vault", "task", "Rotate the Larkspur credentials on Friday.");
      memory.setVar("acme-vault", "owner", "Theodora Quill");
    }
  }

  /** Every byte the store left in the data directory (database, WAL, anything else). */
  private String disk() throws IOException {
    StringBuilder all = new StringBuilder();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        all.append(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1));
      }
    }
    return all.toString();
  }

  @Test
  void theDiskHoldsNoFactTextNoScopeNameAndNoIndex() throws IOException {
    write();
    String disk = disk();
    assertFalse(disk.isEmpty());
    for (String plain : new String[] {"Larkspur", "quince", "7731", "vault", "acme", "Theodora", "Rotate", "owner"}) {
      assertFalse(disk.contains(plain), "'" + plain + "' is on disk in clear");
    }
    try (DurableEngram memory = open(SECRET)) {
      assertEquals("7731-quince", memory.get("acme-vault", "what is the vault code for Larkspur Depot?"));
      assertEquals("Theodora Quill", memory.getVar("acme-vault", "owner"));
    }
    assertEquals(List.of(), warnings);
  }

  @Test
  void aWrongSecretIsAClearErrorNotGarbage() throws IOException {
    write();
    StoreException e = assertThrows(StoreException.class, () -> open("a different secret, same length").close());
    assertTrue(e.getMessage().contains("does not open with this secret"), e.getMessage());
  }

  @Test
  void withoutTheSecretTheStoreIsRefused() throws IOException {
    write();
    StoreException e = assertThrows(StoreException.class, () -> open(null).close());
    assertTrue(e.getMessage().contains("encrypted") && e.getMessage().contains("ENGRAM_SECRET"), e.getMessage());
  }

  @Test
  void writesFromBeforeTheSecretAreReadAndReportedAsClear() throws IOException {
    try (DurableEngram memory = open(null)) {
      memory.observe("old", List.of("The old alarm code is 1180."));
    }
    write();
    warnings.clear(); // write() opened it with the secret too: one warning per open
    try (DurableEngram memory = open(SECRET)) {
      assertEquals("1180", memory.get("old", "what is the old alarm code?"));
      assertEquals("7731-quince", memory.get("acme-vault", "what is the vault code for Larkspur Depot?"));
    }
    assertEquals(1, warnings.size(), warnings.toString());
    assertTrue(warnings.get(0).contains("stay in clear"), warnings.get(0));
  }

  @Test
  void tokensAndKeysDependOnTheSecretAndTheScope() {
    Sealer a = new Sealer(SECRET);
    Sealer b = new Sealer(SECRET + "!");
    assertEquals(a.token("team"), new Sealer("  " + SECRET + "\n").token("team"));
    assertFalse(a.token("team").equals(b.token("team")));
    assertFalse(a.token("team").equals(a.token("team2")));
    assertEquals(32, a.token("team").length());
    IllegalArgumentException shortSecret = assertThrows(IllegalArgumentException.class, () -> new Sealer("hunter2"));
    assertTrue(shortSecret.getMessage().contains("at least 16"), shortSecret.getMessage());
  }

  @Test
  void aBoxOpensOnlyForItsOwnScopeAndTime() throws StoreException {
    Sealer sealer = new Sealer(SECRET);
    String team = sealer.token("team");
    byte[] box = sealer.seal(team, 5L, "hello".getBytes(StandardCharsets.UTF_8));
    assertEquals("hello", new String(sealer.open(team, 5L, box, "test"), StandardCharsets.UTF_8));
    assertThrows(StoreException.class, () -> sealer.open(sealer.token("other"), 5L, box, "test"));
    assertThrows(StoreException.class, () -> sealer.open(team, 6L, box, "test"));
    box[box.length - 1] ^= 1;
    assertThrows(StoreException.class, () -> sealer.open(team, 5L, box, "test"));
  }
}
