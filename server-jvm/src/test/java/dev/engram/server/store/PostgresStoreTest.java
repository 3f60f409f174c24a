package dev.engram.server.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.engram.server.DurableEngram;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** PostgresStore against a real PostgreSQL server (skipped, saying why, when none can be started). */
class PostgresStoreTest {
  private static TestPostgres pg;
  private static int database;

  private static final Operation A = new Observation("team", List.of("The deploy region is us-west-2."), 1L);
  private static final Operation B = new Call("team", "var.set", List.of("colour", "teal; DROP TABLE engram_ops"), 2L);

  @BeforeAll
  static void start() throws Exception {
    pg = TestPostgres.start();
  }

  @AfterAll
  static void stop() throws Exception {
    if (pg != null) {
      pg.close();
    }
  }

  /** A fresh database per test, so tests do not see each other's rows. */
  private static String freshDatabase() throws Exception {
    String name = "t" + (++database);
    try (Connection c = new org.postgresql.Driver().connect("jdbc:postgresql://127.0.0.1:" + pg.port + "/engram",
        props()); Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    }
    return "postgresql://engram@127.0.0.1:" + pg.port + "/" + name;
  }

  private static Properties props() {
    Properties p = new Properties();
    p.setProperty("user", "engram");
    return p;
  }

  private static void sql(String url, String statement) throws Exception {
    try (Connection c = new org.postgresql.Driver().connect("jdbc:" + url.replace("engram@", ""), props());
        Statement s = c.createStatement()) {
      s.execute(statement);
    }
  }

  @Test
  void twoStoresShareOneOrderAndNotificationsMarkTheOtherStale() throws Exception {
    String url = freshDatabase();
    List<String> warnings = new ArrayList<>();
    try (PostgresStore first = PostgresStore.open(url, warnings::add);
        PostgresStore second = PostgresStore.open(url, warnings::add)) {
      first.catchUp(op -> {});
      second.catchUp(op -> {});
      assertFalse(second.hasUnseen());
      assertFalse(second.hasUnseen(), "no notification, no query: still nothing new");
      first.append(A, op -> {});
      long deadline = System.nanoTime() + 10_000_000_000L;
      while (!second.hasUnseen()) {
        assertTrue(System.nanoTime() < deadline, "the NOTIFY from the first store reached the second");
        Thread.sleep(10);
      }
      List<Operation> delivered = new ArrayList<>();
      second.append(B, delivered::add);
      assertEquals(List.of(A), delivered);
      List<Operation> caught = new ArrayList<>();
      first.catchUp(caught::add);
      assertEquals(List.of(B), caught);
    }
    List<Operation> all = new ArrayList<>();
    try (Store store = Stores.open(Path.of(url), warnings::add)) { // as --db passes it: a Path
      store.catchUp(all::add);
    }
    assertEquals(List.of(A, B), all);
    assertEquals(List.of(), warnings);
  }

  @Test
  void twoEnginesOnOneDatabaseSeeEachOthersWrites() throws Exception {
    String url = freshDatabase();
    try (DurableEngram one = DurableEngram.open(PostgresStore.open(url, w -> {}), w -> {});
        DurableEngram two = DurableEngram.open(PostgresStore.open(url, w -> {}), w -> {})) {
      one.observe("team", List.of("The deploy region is us-west-2."));
      long deadline = System.nanoTime() + 10_000_000_000L;
      String answer;
      while ((answer = two.get("team", "what is the deploy region?")) == null) {
        assertTrue(System.nanoTime() < deadline, "the second engine saw the first one's write");
        Thread.sleep(10);
      }
      assertEquals("us-west-2", answer);
      two.setVar("team", "colour", "teal");
      deadline = System.nanoTime() + 10_000_000_000L;
      while (one.getVar("team", "colour") == null) {
        assertTrue(System.nanoTime() < deadline, "and the other way round");
        Thread.sleep(10);
      }
    }
  }

  @Test
  void aDamagedRowAndANewerSchemaAreRefused() throws Exception {
    String url = freshDatabase();
    try (PostgresStore store = PostgresStore.open(url, w -> {})) {
      store.append(List.of(A, B), op -> {});
    }
    sql(url, "UPDATE engram_ops SET payload = payload || '\\x00'::bytea WHERE id = 2");
    StoreException damaged = assertThrows(StoreException.class, () -> {
      try (PostgresStore store = PostgresStore.open(url, w -> {})) {
        store.catchUp(op -> {});
      }
    });
    assertTrue(damaged.getMessage().contains("row 2") && damaged.getMessage().contains("checksum"), damaged.getMessage());
    sql(url, "UPDATE engram_meta SET value = '" + (SqliteStore.SCHEMA_VERSION + 1) + "' WHERE key = 'schema_version'");
    StoreException newer = assertThrows(StoreException.class, () -> PostgresStore.open(url, w -> {}).close());
    assertTrue(newer.getMessage().contains("too new"), newer.getMessage());
  }

  @Test
  void passwordsNeverAppearInMessages() {
    StoreException e = assertThrows(StoreException.class,
        () -> PostgresStore.open("postgresql://engram:s3cret-pass@127.0.0.1:1/nothing", w -> {}));
    assertFalse(e.getMessage().contains("s3cret-pass"), e.getMessage());
  }
}
