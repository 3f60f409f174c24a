package dev.engram.server.store;

import static java.nio.charset.StandardCharsets.US_ASCII;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.function.Consumer;

/**
 * The default {@link Store}: one SQLite database file, operations as rows in store order.
 *
 * <h2>Schema (version {@value #SCHEMA_VERSION})</h2>
 * <pre>
 * engram_meta(key TEXT PRIMARY KEY, value TEXT)    'format' = 'engram', 'schema_version' = N,
 *                                                   'migrated_log' = writes taken over from engram.log
 * engram_ops(id INTEGER PRIMARY KEY,               the store order: 1, 2, 3, … without gaps
 *            kind INTEGER, scope TEXT, at INTEGER, copies of the payload's header, for queries
 *            payload BLOB,                         the operation as {@link OperationCodec} encodes it
 *            crc INTEGER)                          CRC32 of id (8 bytes, big-endian) and payload
 * </pre>
 * The database's {@code application_id} is {@value #APPLICATION_ID} ("ENGR"). A schema version above
 * {@value #SCHEMA_VERSION} is refused as "too new" before anything is read or written.
 *
 * <h2>Durability</h2>
 * WAL journal with {@code synchronous=FULL}: SQLite fsyncs the write-ahead log at every commit, so a
 * committed transaction survives SIGKILL and power loss, and {@link #append} returns only after its
 * commit. (NORMAL would skip that fsync and could lose the last commits on power loss, though not on a
 * process crash; engram acknowledges writes, so it pays for FULL.) SQLite itself discards a torn WAL
 * tail, i.e. a transaction that never committed. What SQLite cannot see, a row whose bytes changed
 * after the fact, fails its CRC, and opening stops with a message naming the row instead of loading it.
 *
 * <h2>Several processes</h2>
 * Any number of processes and connections may share the file. An append runs in one
 * {@code BEGIN IMMEDIATE} transaction (SQLite's single-writer lock, waited for up to
 * {@value #BUSY_TIMEOUT_MS} ms): it first reads the rows other processes added since this store last
 * looked and delivers them, then numbers its own rows right after them, so ids are one gap-free order
 * every process agrees on. Readers never block writers (WAL).
 */
public final class SqliteStore implements Store {
  public static final String FILE_NAME = "engram.db";
  public static final int SCHEMA_VERSION = 1;
  static final int MIN_SCHEMA_VERSION = 1;
  static final int APPLICATION_ID = 0x454E4752;
  /** Largest operation payload; a larger write is refused with a message, like the log's. */
  static final int MAX_ROW_BYTES = 256 << 20;
  static final int BUSY_TIMEOUT_MS = 60_000;
  private static final byte[] SQLITE_MAGIC = "SQLite format 3\0".getBytes(US_ASCII);

  private final Path file;
  private final Connection connection;
  private final Consumer<String> warnings;
  /** Prepared once the schema exists ({@link #prepare}). */
  private PreparedStatement selectAfter;
  private PreparedStatement insert;
  private PreparedStatement maxId;
  private final Statement plain;
  /** Id of the last row delivered or appended by this store. */
  private long lastSeen;
  /** {@code PRAGMA data_version} when this store last knew it had seen every row; -1 = unknown. */
  private long seenDataVersion = -1;
  private boolean closed;

  private SqliteStore(Path file, Connection connection, Consumer<String> warnings) throws SQLException {
    this.file = file;
    this.connection = connection;
    this.warnings = warnings;
    this.plain = connection.createStatement();
  }

  private void prepare() throws SQLException {
    if (selectAfter != null) {
      return;
    }
    this.selectAfter = connection.prepareStatement(
        "SELECT id, kind, scope, at, payload, crc FROM engram_ops WHERE id > ? ORDER BY id");
    this.insert = connection.prepareStatement(
        "INSERT INTO engram_ops(id, kind, scope, at, payload, crc) VALUES (?, ?, ?, ?, ?, ?)");
    this.maxId = connection.prepareStatement("SELECT coalesce(max(id), 0) FROM engram_ops");
  }

  /**
   * Opens (creating when missing) the database {@code file}. When the database is new and
   * {@code legacyLog} names an existing {@link LogStore} log, its writes are copied in once, in the same
   * transaction that creates the schema, and the log is renamed to {@code engram.log.migrated}.
   * Rows are read by the first {@link #catchUp}.
   */
  public static SqliteStore open(Path file, Path legacyLog, Consumer<String> warnings) throws StoreException {
    checkIsSqlite(file);
    Connection connection = null;
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      connection = new org.sqlite.JDBC().connect("jdbc:sqlite:" + file.toAbsolutePath(), new Properties());
      try (Statement s = connection.createStatement()) {
        s.execute("PRAGMA busy_timeout = " + BUSY_TIMEOUT_MS);
        String mode = text(s, "PRAGMA journal_mode = WAL");
        if (!"wal".equalsIgnoreCase(mode)) {
          throw new StoreException(file + ": SQLite would not switch to WAL mode (it reports '" + mode
              + "'); is the file on a network file system? Put --db on a local disk");
        }
        s.execute("PRAGMA synchronous = FULL");
      }
      SqliteStore store = new SqliteStore(file, connection, warnings);
      int migrated = store.initSchema(legacyLog);
      store.lastSeen = 0; // migrated rows too are delivered by the first catchUp
      store.prepare();
      if (migrated >= 0 && legacyLog != null) {
        Path aside = legacyLog.resolveSibling(legacyLog.getFileName() + ".migrated");
        Files.move(legacyLog, aside, StandardCopyOption.REPLACE_EXISTING);
        warnings.accept("moved " + migrated + " writes from " + legacyLog + " into " + file
            + " (SQLite, the default store now); the old log is kept as " + aside + " and no longer used");
      }
      return store;
    } catch (IOException | SQLException | RuntimeException e) {
      if (connection != null) {
        try {
          connection.close();
        } catch (SQLException suppressed) {
          e.addSuppressed(suppressed);
        }
      }
      if (e instanceof StoreException se) {
        throw se;
      }
      throw new StoreException("cannot open " + file + ": " + describe(e), e);
    }
  }

  /** Refuses, with a message, a file that exists but is not an SQLite database (before SQLite says "not a database"). */
  private static void checkIsSqlite(Path file) throws StoreException {
    if (Files.isDirectory(file)) {
      throw new StoreException(file + " is a directory, not a database file (check --db)");
    }
    try {
      if (!Files.isRegularFile(file) || Files.size(file) == 0) {
        return;
      }
      byte[] start = new byte[SQLITE_MAGIC.length];
      int n;
      try (InputStream in = Files.newInputStream(file)) {
        n = in.readNBytes(start, 0, start.length);
      }
      if (n < start.length || !Arrays.equals(start, SQLITE_MAGIC)) {
        throw new StoreException(file + " is not an engram database (it is not an SQLite file); point --db at an"
            + " engram data directory or an engram .db file");
      }
    } catch (StoreException e) {
      throw e;
    } catch (IOException e) {
      throw new StoreException("cannot read " + file + ": " + e, e);
    }
  }

  /**
   * Creates the schema in a new database, or checks an existing one's kind and version; returns how
   * many log writes were migrated, or -1 when none was.
   */
  private int initSchema(Path legacyLog) throws SQLException, IOException {
    plain.execute("BEGIN IMMEDIATE");
    boolean done = false;
    try {
      int migrated = -1;
      boolean hasMeta;
      int tables;
      try (ResultSet r = plain.executeQuery(
          "SELECT count(*), coalesce(sum(name = 'engram_meta'), 0) FROM sqlite_master WHERE type = 'table'")) {
        r.next();
        tables = r.getInt(1);
        hasMeta = r.getInt(2) == 1;
      }
      if (tables == 0) {
        plain.execute("PRAGMA application_id = " + APPLICATION_ID);
        plain.execute("CREATE TABLE engram_meta(key TEXT PRIMARY KEY, value TEXT NOT NULL)");
        plain.execute("CREATE TABLE engram_ops(id INTEGER PRIMARY KEY, kind INTEGER NOT NULL, scope TEXT NOT NULL,"
            + " at INTEGER NOT NULL, payload BLOB NOT NULL, crc INTEGER NOT NULL)");
        plain.execute("INSERT INTO engram_meta VALUES ('format', 'engram'), ('schema_version', '" + SCHEMA_VERSION + "')");
        if (legacyLog != null && Files.isRegularFile(legacyLog)) {
          migrated = migrate(legacyLog);
        }
      } else {
        if (!hasMeta) {
          throw new StoreException(file + " is an SQLite database but not an engram one (it has no engram_meta"
              + " table); point --db at an engram data directory or .db file");
        }
        String version = meta("schema_version");
        int v;
        try {
          v = Integer.parseInt(version == null ? "" : version);
        } catch (NumberFormatException e) {
          throw new StoreException(file + ": engram_meta holds schema_version '" + version
              + "', which is not a number; the database is damaged and was left untouched");
        }
        if (v > SCHEMA_VERSION) {
          throw new StoreException(file + " was written by a newer engram (schema version " + v + "; this engram reads "
              + MIN_SCHEMA_VERSION + ".." + SCHEMA_VERSION + "): too new. Upgrade engram to open it; the file was"
              + " left untouched");
        }
        if (v < MIN_SCHEMA_VERSION) {
          throw new StoreException(file + " uses schema version " + v + ", which this engram no longer reads (it reads "
              + MIN_SCHEMA_VERSION + ".." + SCHEMA_VERSION + "): too old");
        }
      }
      plain.execute("COMMIT");
      done = true;
      return migrated;
    } finally {
      if (!done) {
        rollbackQuietly();
      }
    }
  }

  /** Copies every write of the log into the (new, empty) table; inside the schema transaction. */
  private int migrate(Path legacyLog) throws IOException, SQLException {
    List<Operation> all = new ArrayList<>();
    try (LogStore log = LogStore.open(legacyLog.getParent(), warnings)) {
      log.catchUp(all::add);
    }
    prepare();
    insertRows(all);
    plain.execute("INSERT INTO engram_meta VALUES ('migrated_log', '" + all.size() + "')");
    return all.size();
  }

  private String meta(String key) throws SQLException {
    try (PreparedStatement p = connection.prepareStatement("SELECT value FROM engram_meta WHERE key = ?")) {
      p.setString(1, key);
      try (ResultSet r = p.executeQuery()) {
        return r.next() ? r.getString(1) : null;
      }
    }
  }

  @Override
  public synchronized void catchUp(Consumer<Operation> sink) throws IOException {
    ensureOpen();
    try {
      long version = dataVersion();
      scan(sink);
      seenDataVersion = version;
    } catch (SQLException e) {
      throw new StoreException("cannot read " + file + ": " + describe(e), e);
    }
  }

  /**
   * Cheap when nothing changed: {@code PRAGMA data_version} only moves when another connection commits,
   * so the usual answer costs no table read.
   */
  @Override
  public synchronized boolean hasUnseen() throws IOException {
    ensureOpen();
    try {
      long version = dataVersion();
      if (version == seenDataVersion) {
        return false;
      }
      long max;
      try (ResultSet r = maxId.executeQuery()) {
        r.next();
        max = r.getLong(1);
      }
      if (max > lastSeen) {
        return true;
      }
      seenDataVersion = version;
      return false;
    } catch (SQLException e) {
      throw new StoreException("cannot read " + file + ": " + describe(e), e);
    }
  }

  @Override
  public synchronized void append(List<Operation> operations, Consumer<Operation> sink) throws IOException {
    ensureOpen();
    if (operations.isEmpty()) {
      scanQuietly(sink);
      return;
    }
    List<byte[]> payloads = new ArrayList<>(operations.size());
    for (Operation operation : operations) {
      payloads.add(OperationCodec.encode(operation, MAX_ROW_BYTES, "database"));
    }
    long before = -1;
    boolean committed = false;
    try {
      plain.execute("BEGIN IMMEDIATE");
      try {
        scan(sink);
        before = lastSeen;
        insertRows(operations, payloads);
        plain.execute("COMMIT");
        committed = true;
      } finally {
        if (!committed) {
          if (before >= 0) {
            lastSeen = before; // the rows of the failed transaction were never stored
          }
          rollbackQuietly();
        }
      }
    } catch (SQLException e) {
      throw new StoreException("could not write to " + file + ": " + describe(e) + " (the write was not stored)", e);
    }
  }

  private void scanQuietly(Consumer<Operation> sink) throws IOException {
    try {
      scan(sink);
    } catch (SQLException e) {
      throw new StoreException("cannot read " + file + ": " + describe(e), e);
    }
  }

  private void insertRows(List<Operation> operations) throws SQLException, StoreException {
    List<byte[]> payloads = new ArrayList<>(operations.size());
    for (Operation operation : operations) {
      payloads.add(OperationCodec.encode(operation, MAX_ROW_BYTES, "database"));
    }
    insertRows(operations, payloads);
  }

  /** Inserts rows numbered right after {@link #lastSeen}; the caller holds the write transaction. */
  private void insertRows(List<Operation> operations, List<byte[]> payloads) throws SQLException {
    long id = lastSeen;
    for (int i = 0; i < operations.size(); i++) {
      Operation operation = operations.get(i);
      byte[] payload = payloads.get(i);
      id++;
      insert.setLong(1, id);
      insert.setInt(2, OperationCodec.kind(operation));
      insert.setString(3, operation.scope());
      insert.setLong(4, operation.at());
      insert.setBytes(5, payload);
      insert.setLong(6, Rows.crc(id, payload));
      insert.addBatch();
    }
    insert.executeBatch();
    lastSeen = id;
  }

  /** Delivers the rows after {@link #lastSeen}, checking each; nothing damaged reaches the sink. */
  private void scan(Consumer<Operation> sink) throws SQLException, StoreException {
    selectAfter.setLong(1, lastSeen);
    try (ResultSet r = selectAfter.executeQuery()) {
      while (r.next()) {
        long id = r.getLong(1);
        int kind = r.getInt(2);
        String scope = r.getString(3);
        long at = r.getLong(4);
        byte[] payload = r.getBytes(5);
        long crc = r.getLong(6);
        Operation operation = Rows.check(file.toString(), lastSeen, id, kind, scope, at, payload, crc);
        lastSeen = id;
        sink.accept(operation);
      }
    }
  }

  private long dataVersion() throws SQLException {
    try (ResultSet r = plain.executeQuery("PRAGMA data_version")) {
      r.next();
      return r.getLong(1);
    }
  }

  private void rollbackQuietly() {
    try {
      plain.execute("ROLLBACK");
    } catch (SQLException ignored) {
      // SQLite rolls back by itself after some failures; then there is no transaction left to end
    }
  }

  private static String text(Statement s, String sql) throws SQLException {
    try (ResultSet r = s.executeQuery(sql)) {
      return r.next() ? r.getString(1) : null;
    }
  }

  /** SQLite's message, with what a person can do about the common cases. */
  private static String describe(Exception e) {
    String message = String.valueOf(e.getMessage());
    if (message.contains("SQLITE_BUSY")) {
      return message + " (another process held the database's write lock for over " + (BUSY_TIMEOUT_MS / 1000)
          + " s)";
    }
    if (message.contains("SQLITE_CORRUPT") || message.contains("SQLITE_NOTADB")) {
      return message + " (the database file is damaged; restore it from a backup)";
    }
    return message;
  }

  @Override
  public synchronized void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    try {
      connection.close();
    } catch (SQLException e) {
      throw new StoreException("cannot close " + file + ": " + describe(e), e);
    }
  }

  private void ensureOpen() throws StoreException {
    if (closed) {
      throw new StoreException(file + " is closed");
    }
  }
}
