package dev.engram.server.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteStoreTest {
  @TempDir Path dir;

  private final List<String> warnings = new ArrayList<>();

  private static final Operation A = new Observation("team", List.of("The deploy region is us-west-2."), 1_700_000_000_000L);
  private static final Operation B = new Observation("user:42", List.of("Ünïcödé façts survive: 東京 🚀", ""), 1L);
  private static final Operation C = new Command("team", "var set colour teal", Long.MAX_VALUE);
  private static final Operation D = new Call("team", "note", List.of("task", "Call Ana; DROP TABLE engram_ops; --"), 5L);
  private static final Operation E = new Load(new byte[] {1, 2, 3, 0, -1}, 6L);

  private Path file() {
    return dir.resolve(SqliteStore.FILE_NAME);
  }

  private SqliteStore open() throws IOException {
    return SqliteStore.open(file(), null, warnings::add);
  }

  private List<Operation> readAll() throws IOException {
    List<Operation> seen = new ArrayList<>();
    try (SqliteStore store = open()) {
      store.catchUp(seen::add);
    }
    return seen;
  }

  private void sql(String statement) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file()); Statement s = c.createStatement()) {
      s.execute(statement);
    }
  }

  @Test
  void everyKindOfOperationRoundTripsInOrder() throws IOException {
    try (SqliteStore store = open()) {
      store.catchUp(op -> {});
      store.append(A, op -> {});
      store.append(List.of(B, C, D), op -> {});
    }
    try (SqliteStore store = open()) {
      store.catchUp(op -> {});
      store.append(E, op -> {});
    }
    List<Operation> all = readAll();
    assertEquals(List.of(A, B, C, D), all.subList(0, 4));
    assertArrayEquals(((Load) E).snapshot(), ((Load) all.get(4)).snapshot());
    assertEquals(List.of(), warnings);
  }

  @Test
  void theDatabaseIsInWalModeWithFullSync() throws Exception {
    readAll();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file()); Statement s = c.createStatement();
        ResultSet r = s.executeQuery("PRAGMA journal_mode")) {
      r.next();
      assertEquals("wal", r.getString(1));
    }
  }

  @Test
  void twoStoresOnOneFileSeeOneOrder() throws IOException {
    try (SqliteStore first = open(); SqliteStore second = open()) {
      first.catchUp(op -> {});
      second.catchUp(op -> {});
      assertFalse(second.hasUnseen());
      first.append(A, op -> {});
      assertTrue(second.hasUnseen(), "a commit by another connection is noticed");
      List<Operation> delivered = new ArrayList<>();
      second.append(B, delivered::add);
      assertEquals(List.of(A), delivered, "the other store's write is delivered before this one is stored");
      assertFalse(second.hasUnseen(), "its own write is not unseen");
      List<Operation> caught = new ArrayList<>();
      assertTrue(first.hasUnseen());
      first.catchUp(caught::add);
      assertEquals(List.of(B), caught);
      assertFalse(first.hasUnseen());
    }
    assertEquals(List.of(A, B), readAll());
  }

  @Test
  void concurrentAppendsFromTwoStoresKeepGapFreeIds() throws Exception {
    int each = 200;
    try (SqliteStore first = open(); SqliteStore second = open()) {
      first.catchUp(op -> {});
      second.catchUp(op -> {});
      Thread t1 = Thread.ofPlatform().start(() -> appendMany(first, "one", each));
      Thread t2 = Thread.ofPlatform().start(() -> appendMany(second, "two", each));
      t1.join();
      t2.join();
    }
    List<Operation> all = readAll();
    assertEquals(2 * each, all.size());
    assertEquals(each, all.stream().filter(op -> op.scope().equals("one")).count());
  }

  private static void appendMany(SqliteStore store, String scope, int n) {
    try {
      for (int i = 0; i < n; i++) {
        store.append(new Observation(scope, List.of("fact " + i + "."), i), op -> {});
      }
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void aDamagedRowIsReportedAndNothingAfterItIsLoaded() throws Exception {
    try (SqliteStore store = open()) {
      store.catchUp(op -> {});
      store.append(List.of(A, B, C), op -> {});
    }
    byte[] payload;
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file());
        PreparedStatement p = c.prepareStatement("SELECT payload FROM engram_ops WHERE id = 2");
        ResultSet r = p.executeQuery()) {
      r.next();
      payload = r.getBytes(1);
    }
    payload[payload.length - 3] ^= 0x20; // one flipped bit inside a text: still valid UTF-8, so only the CRC sees it
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file());
        PreparedStatement p = c.prepareStatement("UPDATE engram_ops SET payload = ? WHERE id = 2")) {
      p.setBytes(1, payload);
      p.executeUpdate();
    }
    List<Operation> seen = new ArrayList<>();
    try (SqliteStore store = open()) {
      StoreException e = assertThrows(StoreException.class, () -> store.catchUp(seen::add));
      assertTrue(e.getMessage().contains("row 2") && e.getMessage().contains("checksum"), e.getMessage());
    }
    assertEquals(List.of(A), seen, "the rows before the damage load, the damaged one never does");
  }

  @Test
  void aRowMovedToAnotherIdFailsItsChecksum() throws Exception {
    try (SqliteStore store = open()) {
      store.append(List.of(A, B), op -> {});
    }
    sql("UPDATE engram_ops SET id = id + 10 WHERE id = 2");
    sql("INSERT INTO engram_ops SELECT 2, kind, scope, at, payload, crc FROM engram_ops WHERE id = 12");
    sql("DELETE FROM engram_ops WHERE id = 12");
    assertEquals(List.of(A, B), readAll(), "moved back: the same row at its own id is fine");
    sql("UPDATE engram_ops SET id = 3 WHERE id = 2");
    sql("INSERT INTO engram_ops SELECT 2, kind, scope, at, payload, crc FROM engram_ops WHERE id = 1");
    StoreException e = assertThrows(StoreException.class, this::readAll);
    assertTrue(e.getMessage().contains("row 2") && e.getMessage().contains("checksum"), e.getMessage());
  }

  @Test
  void aMissingRowIsReported() throws Exception {
    try (SqliteStore store = open()) {
      store.append(List.of(A, B, C), op -> {});
    }
    sql("DELETE FROM engram_ops WHERE id = 2");
    StoreException e = assertThrows(StoreException.class, this::readAll);
    assertTrue(e.getMessage().contains("rows 2..2 are missing"), e.getMessage());
  }

  @Test
  void aNewerSchemaIsRefusedAndLeftUntouched() throws Exception {
    try (SqliteStore store = open()) {
      store.append(A, op -> {});
    }
    sql("UPDATE engram_meta SET value = '" + (SqliteStore.SCHEMA_VERSION + 1) + "' WHERE key = 'schema_version'");
    StoreException e = assertThrows(StoreException.class, this::open);
    assertTrue(e.getMessage().contains("too new") && e.getMessage().contains("newer engram"), e.getMessage());
    sql("UPDATE engram_meta SET value = '" + SqliteStore.SCHEMA_VERSION + "' WHERE key = 'schema_version'");
    assertEquals(List.of(A), readAll(), "left untouched");
  }

  @Test
  void foreignFilesAreRefusedClearly() throws Exception {
    Files.writeString(file(), "not a database at all, just text");
    StoreException text = assertThrows(StoreException.class, this::open);
    assertTrue(text.getMessage().contains("not an engram database"), text.getMessage());
    Files.delete(file());
    sql("CREATE TABLE customers(id INTEGER)");
    StoreException other = assertThrows(StoreException.class, this::open);
    assertTrue(other.getMessage().contains("not an engram one"), other.getMessage());
  }

  @Test
  void anOldLogDirectoryIsMigratedOnce() throws IOException {
    try (LogStore log = LogStore.open(dir, warnings::add)) {
      log.append(List.of(A, C), op -> {});
    }
    try (Store store = Stores.open(dir, warnings::add)) {
      List<Operation> seen = new ArrayList<>();
      store.catchUp(seen::add);
      assertEquals(List.of(A, C), seen);
      store.append(B, op -> {});
    }
    assertEquals(1, warnings.size(), warnings.toString());
    assertTrue(warnings.get(0).contains("moved 2 writes"), warnings.toString());
    assertFalse(Files.exists(dir.resolve(LogStore.FILE_NAME)));
    assertTrue(Files.exists(dir.resolve(LogStore.FILE_NAME + ".migrated")));
    warnings.clear();
    try (Store store = Stores.open(dir, warnings::add)) {
      List<Operation> seen = new ArrayList<>();
      store.catchUp(seen::add);
      assertEquals(List.of(A, C, B), seen);
    }
    assertEquals(List.of(), warnings, "quiet after the migration");
  }

  @Test
  void aDbPathNamesTheFileItself() throws IOException {
    Path db = dir.resolve("sub").resolve("memory.db");
    try (Store store = Stores.open(db, warnings::add)) {
      store.append(A, op -> {});
    }
    assertTrue(Files.isRegularFile(db));
    try (Store store = Stores.open(db, warnings::add)) {
      List<Operation> seen = new ArrayList<>();
      store.catchUp(seen::add);
      assertEquals(List.of(A), seen);
    }
  }

  /** Damage to the file's pages (not just a row's bytes) stops the read with a message; no garbage loads. */
  @Test
  void aDamagedOrTruncatedFileIsRefusedNotLoaded() throws Exception {
    List<Operation> written = new ArrayList<>();
    for (int i = 0; i < 2000; i++) {
      written.add(new Observation("team", List.of("Fact number " + i + " says the colour of box " + i + " is teal."), i));
    }
    try (SqliteStore store = open()) {
      store.append(written, op -> {});
    }
    byte[] original = Files.readAllBytes(file());
    assertTrue(original.length > 100_000, "test setup: the rows span many pages, " + original.length + " bytes");

    byte[] flipped = original.clone();
    for (int at = original.length / 3; at < original.length * 2 / 3; at += 4093) {
      flipped[at] ^= 0x5A;
    }
    Files.write(file(), flipped);
    List<Operation> seen = new ArrayList<>();
    StoreException e = assertThrows(StoreException.class, () -> {
      try (SqliteStore store = open()) {
        store.catchUp(seen::add);
      }
    });
    assertTrue(e.getMessage().contains("checksum") || e.getMessage().contains("damaged")
        || e.getMessage().contains("malformed"), e.getMessage());
    assertEquals(written.subList(0, seen.size()), seen, "what was delivered before the damage is exactly what was written");

    Files.write(file(), java.util.Arrays.copyOf(original, original.length / 2));
    seen.clear();
    StoreException cut = assertThrows(StoreException.class, () -> {
      try (SqliteStore store = open()) {
        store.catchUp(seen::add);
      }
    });
    assertTrue(cut.getMessage().contains(file().toString()), cut.getMessage());
    assertEquals(written.subList(0, seen.size()), seen);
  }
}
