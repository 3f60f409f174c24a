package dev.engram.server.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Picks and opens the store a {@code --db} value names.
 *
 * <ul>
 *   <li>a directory (the default {@code ./engram-data}, created when missing): the SQLite database
 *       {@value SqliteStore#FILE_NAME} inside it. A directory written by an older engram holds the
 *       operation log {@value LogStore#FILE_NAME} instead: it is migrated into the new database once, on
 *       first open, and renamed {@code engram.log.migrated} (kept, never read again).</li>
 *   <li>a file name ending in {@code .db}, {@code .sqlite} or {@code .sqlite3}, or any existing file:
 *       that SQLite database itself.</li>
 *   <li>{@code postgresql://user:password@host:5432/database} (or {@code postgres://…}, or a
 *       {@code jdbc:postgresql:} URL): that PostgreSQL database ({@link PostgresStore}), shareable by
 *       several engram servers.</li>
 * </ul>
 */
public final class Stores {
  private Stores() {}

  /** Opens the store {@code db} names; repairs and migrations are reported through {@code warnings}. */
  public static Store open(Path db, Consumer<String> warnings) throws StoreException {
    return open(db, warnings, null);
  }

  /**
   * {@link #open(Path, Consumer)} in the secure tier when {@code sealer} is not null (see {@link
   * SealedStore}); without one, a store holding sealed writes is refused with a message.
   */
  public static Store open(Path db, Consumer<String> warnings, Sealer sealer) throws StoreException {
    return new SealedStore(openPlain(db, warnings), sealer, warnings);
  }

  private static Store openPlain(Path db, Consumer<String> warnings) throws StoreException {
    String location = db.toString();
    if (PostgresStore.isLocation(location)) {
      // A Path folds "postgresql://host/db" to "postgresql:/host/db"; put the second slash back.
      int colon = location.indexOf(":/");
      if (colon >= 0 && !location.startsWith("//", colon + 1)) {
        location = location.substring(0, colon + 2) + location.substring(colon + 1);
      }
      return PostgresStore.open(location, warnings);
    }
    if (isDatabaseFile(db)) {
      return SqliteStore.open(db, null, warnings);
    }
    try {
      Files.createDirectories(db);
    } catch (IOException e) {
      throw new StoreException("cannot create data directory " + db + ": " + e, e);
    }
    return SqliteStore.open(db.resolve(SqliteStore.FILE_NAME), db.resolve(LogStore.FILE_NAME), warnings);
  }

  /**
   * Where a file that belongs with the data ({@code brain.bin}) lives: inside a data directory; beside a
   * database file, named after it ({@code notes.db} -> {@code notes.db.brain.bin}); for a PostgreSQL
   * database, which has no local directory, in {@code ./engram-data} (each server keeps its own).
   */
  public static Path sidecar(Path db, String name) {
    if (PostgresStore.isLocation(db.toString())) {
      return Path.of("engram-data", name);
    }
    if (isDatabaseFile(db)) {
      return db.resolveSibling(db.getFileName() + "." + name);
    }
    return db.resolve(name);
  }

  /** Whether {@code db} names a database file rather than a data directory. */
  public static boolean isDatabaseFile(Path db) {
    if (Files.isDirectory(db)) {
      return false;
    }
    if (Files.exists(db)) {
      return true;
    }
    Path name = db.getFileName();
    String n = name == null ? "" : name.toString().toLowerCase(Locale.ROOT);
    return n.endsWith(".db") || n.endsWith(".sqlite") || n.endsWith(".sqlite3");
  }
}
