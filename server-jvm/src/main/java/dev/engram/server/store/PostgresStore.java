package dev.engram.server.store;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.Consumer;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * The scale-out {@link Store}: operations as rows of a PostgreSQL table, so several engram servers (behind
 * a load balancer) serve one data set. Same rows and checks as {@link SqliteStore} (see {@link Rows}):
 * {@code engram_ops(id BIGINT PRIMARY KEY, kind, scope, at, payload BYTEA, crc)} and {@code engram_meta}
 * with the schema version; a newer schema is refused as "too new".
 *
 * <p>Order and durability: an append runs in one transaction that first takes a transaction-scoped
 * advisory lock ({@value #LOCK_KEY}), so writers from all servers take turns exactly as SQLite's single
 * writer lock makes them; inside it the store reads the rows others added, numbers its own right after
 * them, sends {@code NOTIFY} {@value #CHANNEL} and commits with {@code synchronous_commit = on}, so an
 * acknowledged write is on the database server's disk.
 *
 * <p>Visibility: a second connection {@code LISTEN}s on {@value #CHANNEL}; a notification (from any
 * server, delivered once the writer committed) marks the store stale, and the next read catches up. If
 * that connection is lost, the store says so once and then checks the table before every read instead.
 */
public final class PostgresStore implements Store {
  static final long LOCK_KEY = 0x454E4752L;
  static final String CHANNEL = "engram_ops";

  private final String where;
  private final Connection connection;
  private final Connection listenConnection;
  private final Consumer<String> warnings;
  private final PreparedStatement selectAfter;
  private final PreparedStatement insert;
  private final Statement plain;
  private final Thread listener;
  /** Set by the listener on a notification (and while it cannot listen); cleared by {@link #hasUnseen}. */
  private volatile boolean stale = true;
  private volatile boolean listening = true;
  private volatile boolean closed;
  private long lastSeen;

  private PostgresStore(String where, Connection connection, Connection listenConnection, Consumer<String> warnings)
      throws SQLException {
    this.where = where;
    this.connection = connection;
    this.listenConnection = listenConnection;
    this.warnings = warnings;
    this.plain = connection.createStatement();
    this.selectAfter = connection.prepareStatement(
        "SELECT id, kind, scope, at, payload, crc FROM engram_ops WHERE id > ? ORDER BY id");
    this.selectAfter.setFetchSize(10_000); // stream a large table instead of loading it whole
    this.insert = connection.prepareStatement(
        "INSERT INTO engram_ops(id, kind, scope, at, payload, crc) VALUES (?, ?, ?, ?, ?, ?)");
    this.listener = Thread.ofPlatform().daemon().name("engram-pg-listen").unstarted(this::listen);
  }

  /** A {@code postgresql://} or {@code postgres://} URL, or a {@code jdbc:postgresql:} URL. */
  public static boolean isLocation(String location) {
    return location.startsWith("postgresql:") || location.startsWith("postgres:")
        || location.startsWith("jdbc:postgresql:");
  }

  /**
   * Connects to the database {@code location} names ({@code postgresql://user:password@host:port/db}, or a
   * JDBC URL; {@code PGUSER}/{@code PGPASSWORD} fill in what the URL leaves out), creating the tables when
   * missing. The password never appears in messages.
   */
  public static PostgresStore open(String location, Consumer<String> warnings) throws StoreException {
    Target target = Target.parse(location);
    Connection connection = null;
    Connection listenConnection = null;
    try {
      org.postgresql.Driver driver = new org.postgresql.Driver();
      connection = driver.connect(target.jdbcUrl(), target.properties());
      listenConnection = driver.connect(target.jdbcUrl(), target.properties());
      if (connection == null || listenConnection == null) {
        throw new StoreException(target.display() + " is not a PostgreSQL URL this engram understands");
      }
      connection.setAutoCommit(false);
      try (Statement s = connection.createStatement()) {
        s.execute("SET synchronous_commit = on"); // a server configured 'off' would acknowledge before the fsync
      }
      initSchema(connection, target.display());
      try (Statement s = listenConnection.createStatement()) {
        s.execute("LISTEN " + CHANNEL);
      }
      PostgresStore store = new PostgresStore(target.display(), connection, listenConnection, warnings);
      store.listener.start();
      return store;
    } catch (SQLException | RuntimeException | StoreException e) {
      for (Connection c : new Connection[] {connection, listenConnection}) {
        if (c != null) {
          try {
            c.close();
          } catch (SQLException suppressed) {
            e.addSuppressed(suppressed);
          }
        }
      }
      if (e instanceof StoreException se) {
        throw se;
      }
      throw new StoreException("cannot open " + target.display() + ": " + e.getMessage(), e);
    }
  }

  private static void initSchema(Connection connection, String where) throws SQLException, StoreException {
    try (Statement s = connection.createStatement()) {
      s.execute("SELECT pg_advisory_xact_lock(" + LOCK_KEY + ")"); // two servers creating the tables at once
      s.execute("CREATE TABLE IF NOT EXISTS engram_meta(key TEXT PRIMARY KEY, value TEXT NOT NULL)");
      s.execute("CREATE TABLE IF NOT EXISTS engram_ops(id BIGINT PRIMARY KEY, kind INTEGER NOT NULL,"
          + " scope TEXT NOT NULL, at BIGINT NOT NULL, payload BYTEA NOT NULL, crc BIGINT NOT NULL)");
      s.execute("INSERT INTO engram_meta VALUES ('format', 'engram'), ('schema_version', '"
          + SqliteStore.SCHEMA_VERSION + "') ON CONFLICT (key) DO NOTHING");
      String version;
      try (ResultSet r = s.executeQuery("SELECT value FROM engram_meta WHERE key = 'schema_version'")) {
        version = r.next() ? r.getString(1) : "";
      }
      int v;
      try {
        v = Integer.parseInt(version);
      } catch (NumberFormatException e) {
        throw new StoreException(where + ": engram_meta holds schema_version '" + version + "', which is not a number");
      }
      if (v > SqliteStore.SCHEMA_VERSION) {
        throw new StoreException(where + " was written by a newer engram (schema version " + v + "; this engram reads "
            + SqliteStore.MIN_SCHEMA_VERSION + ".." + SqliteStore.SCHEMA_VERSION + "): too new. Upgrade engram to use"
            + " it; the database was left untouched");
      }
      if (v < SqliteStore.MIN_SCHEMA_VERSION) {
        throw new StoreException(where + " uses schema version " + v + ", which this engram no longer reads: too old");
      }
      connection.commit();
    } catch (SQLException | StoreException e) {
      connection.rollback();
      throw e;
    }
  }

  private void listen() {
    try {
      PGConnection pg = listenConnection.unwrap(PGConnection.class);
      while (!closed) {
        PGNotification[] notifications = pg.getNotifications(500);
        if (notifications != null && notifications.length > 0) {
          stale = true;
        }
      }
    } catch (SQLException e) {
      if (!closed) {
        listening = false;
        stale = true;
        warnings.accept(where + ": lost the connection that listens for other servers' writes (" + e.getMessage()
            + "); checking the table before every read from now on");
      }
    }
  }

  @Override
  public synchronized void catchUp(Consumer<Operation> sink) throws StoreException {
    ensureOpen();
    try {
      scan(sink);
      connection.commit();
    } catch (SQLException e) {
      rollbackQuietly();
      throw new StoreException("cannot read " + where + ": " + e.getMessage(), e);
    }
  }

  @Override
  public synchronized boolean hasUnseen() throws StoreException {
    ensureOpen();
    if (!stale) {
      return false;
    }
    if (listening) {
      stale = false; // cleared before the query: a notification arriving during it sets it again
    }
    try (ResultSet r = plain.executeQuery("SELECT coalesce(max(id), 0) FROM engram_ops")) {
      r.next();
      long max = r.getLong(1);
      connection.commit();
      return max > lastSeen;
    } catch (SQLException e) {
      stale = true;
      rollbackQuietly();
      throw new StoreException("cannot read " + where + ": " + e.getMessage(), e);
    }
  }

  @Override
  public synchronized void append(List<Operation> operations, Consumer<Operation> sink) throws StoreException {
    ensureOpen();
    List<byte[]> payloads = new ArrayList<>(operations.size());
    for (Operation operation : operations) {
      payloads.add(OperationCodec.encode(operation, SqliteStore.MAX_ROW_BYTES, "database"));
    }
    long before = -1;
    try {
      plain.execute("SELECT pg_advisory_xact_lock(" + LOCK_KEY + ")");
      scan(sink);
      before = lastSeen;
      long id = lastSeen;
      for (int i = 0; i < operations.size(); i++) {
        Operation operation = operations.get(i);
        id++;
        insert.setLong(1, id);
        insert.setInt(2, OperationCodec.kind(operation));
        insert.setString(3, operation.scope());
        insert.setLong(4, operation.at());
        insert.setBytes(5, payloads.get(i));
        insert.setLong(6, Rows.crc(id, payloads.get(i)));
        insert.addBatch();
      }
      if (!operations.isEmpty()) {
        insert.executeBatch();
        plain.execute("NOTIFY " + CHANNEL);
      }
      connection.commit();
      lastSeen = id;
    } catch (SQLException e) {
      rollbackQuietly();
      if (before >= 0) {
        lastSeen = before;
      }
      throw new StoreException("could not write to " + where + ": " + e.getMessage() + " (the write was not stored)", e);
    }
  }

  private void scan(Consumer<Operation> sink) throws SQLException, StoreException {
    selectAfter.setLong(1, lastSeen);
    try (ResultSet r = selectAfter.executeQuery()) {
      while (r.next()) {
        long id = r.getLong(1);
        Operation operation = Rows.check(where, lastSeen, id, r.getInt(2), r.getString(3), r.getLong(4),
            r.getBytes(5), r.getLong(6));
        lastSeen = id;
        sink.accept(operation);
      }
    }
  }

  private void rollbackQuietly() {
    try {
      connection.rollback();
    } catch (SQLException ignored) {
      // the connection is gone; the transaction with it
    }
  }

  @Override
  public synchronized void close() throws StoreException {
    if (closed) {
      return;
    }
    closed = true;
    try {
      listenConnection.close();
      connection.close();
    } catch (SQLException e) {
      throw new StoreException("cannot close " + where + ": " + e.getMessage(), e);
    }
  }

  private void ensureOpen() throws StoreException {
    if (closed) {
      throw new StoreException(where + " is closed");
    }
  }

  /** A location split into the JDBC URL, the credentials, and a form safe to print (no password). */
  record Target(String jdbcUrl, Properties properties, String display) {
    static Target parse(String location) throws StoreException {
      Properties properties = new Properties();
      String url;
      if (location.startsWith("jdbc:postgresql:")) {
        url = location;
      } else {
        int scheme = location.indexOf("://");
        if (scheme < 0) {
          throw new StoreException("'" + location.replaceAll(":[^:@/]*@", ":***@")
              + "' is not a PostgreSQL URL; write postgresql://user@host:5432/database");
        }
        String rest = location.substring(scheme + 3);
        int slash = rest.indexOf('/');
        int at = rest.lastIndexOf('@', slash < 0 ? rest.length() : slash);
        if (at >= 0) {
          String userInfo = rest.substring(0, at);
          rest = rest.substring(at + 1);
          int colon = userInfo.indexOf(':');
          properties.setProperty("user", decode(colon < 0 ? userInfo : userInfo.substring(0, colon)));
          if (colon >= 0) {
            properties.setProperty("password", decode(userInfo.substring(colon + 1)));
          }
        }
        url = "jdbc:postgresql://" + rest;
      }
      String user = System.getenv("PGUSER");
      String password = System.getenv("PGPASSWORD");
      if (!properties.containsKey("user") && user != null && !url.contains("user=")) {
        properties.setProperty("user", user);
      }
      if (!properties.containsKey("password") && password != null && !url.contains("password=")) {
        properties.setProperty("password", password);
      }
      String display = url.replaceAll("(?i)(password=)[^&]*", "$1***");
      if (properties.containsKey("user")) {
        display = display + " (user " + properties.getProperty("user") + ")";
      }
      return new Target(url, properties, display);
    }

    private static String decode(String s) {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
  }
}
