package dev.engram.server.store;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.zip.CRC32;

/**
 * The first {@link Store}: an append-only operation log, one file {@value #FILE_NAME} under the data
 * directory. The first default store, kept so data directories written by it still open: the default
 * is now {@link SqliteStore}, which migrates such a log once ({@link Stores#open}).
 *
 * <h2>Format (all integers big-endian)</h2>
 * <pre>
 * file    := header record*
 * header  := magic u32 = 0x454E4752 ("ENGR") | nameLength u16 | name = "engram.oplog" (UTF-8)
 *            | version u32 | crc u32                 CRC32 of every header byte before it
 * record  := length u32 (1..MAX_RECORD_BYTES) | payload (length bytes)
 *            | crc u32                               CRC32 of the length field and the payload
 * payload := one operation as {@link OperationCodec} encodes it:
 *            kind u8 | at i64 (epoch ms) | scope:string | body
 * body    := count u32 | text:string{count}           kind 1, an observe ({@link Observation})
 *          | line:string                              kind 2, a shell command line ({@link Command})
 *          | verb:string | count u32 | arg:string{count}  kind 3, a typed write ({@link Call}: note, forget, var, learn)
 *          | byteLength u32 | bytes                     kind 4, a snapshot import ({@link Load}); its scope is ""
 * string  := byteLength u32 | UTF-8 bytes (strictly valid)
 * </pre>
 * Kinds 3 and 4 were added without a version change: the framing is the same, and an engram that
 * predates them stops at such a record with "has kind N, which this engram does not know (written by a
 * newer engram?)" and leaves the file untouched.
 * Readers accept versions {@value #MIN_VERSION}..{@value #VERSION} and refuse others with "too old"
 * or "too new"; a header whose checksum fails is refused as well.
 *
 * <h2>Durability</h2>
 * {@link #append} writes one framed record at the end of the file and returns only after
 * {@link FileChannel#force} (fsync), so an acknowledged write survives SIGKILL and power loss.
 * A write that fails part-way is cut off again before the error is reported, so the next append never
 * lands behind a half record.
 *
 * <h2>Recovery</h2>
 * A crash during an append leaves at most one incomplete record at the end (a prefix of it, or zero
 * bytes where the file system had allocated space). Reading meets it as a torn tail: engram reports it
 * through the warnings callback first and only then truncates the file back to the last good record.
 * A last record whose checksum fails is treated the same way. Damage anywhere else (a bad checksum or an
 * impossible length followed by more data) is never guessed at: opening fails with a message and the
 * file is left as it was.
 *
 * <h2>Several processes</h2>
 * Any number of processes (the server, CLI calls, a shell) may use one data directory at once. Every
 * read and append of the file happens under an exclusive {@link FileLock} on it (an OS advisory lock,
 * released by the OS if the process dies), and an append first reads what other processes appended, so
 * all processes see one order. The lock is held only for the append or the catch-up read, never while
 * idle. Inside one JVM the file may be open only once (Java file locks are per process).
 */
public final class LogStore implements Store {
  public static final String FILE_NAME = "engram.log";
  public static final int VERSION = 1;
  static final int MIN_VERSION = 1;
  static final int MAGIC = 0x454E4752;
  static final String NAME = "engram.oplog";
  /** Largest record payload; bounds what a corrupt length field can make a reader allocate. */
  static final int MAX_RECORD_BYTES = 256 << 20;

  private static final Set<Path> OPEN_IN_THIS_JVM = ConcurrentHashMap.newKeySet();

  private final Path file;
  private final Path key;
  private final FileChannel channel;
  private final Consumer<String> warnings;
  /** End of the last record delivered to a sink or appended by this process. */
  private long position;
  /** Records delivered or appended so far, to name a record in messages. */
  private long records;
  private boolean closed;

  private LogStore(Path file, Path key, FileChannel channel, Consumer<String> warnings, long position) {
    this.file = file;
    this.key = key;
    this.channel = channel;
    this.warnings = warnings;
    this.position = position;
  }

  /**
   * Opens (creating when missing) the log under {@code dir}. Problems that were repaired are reported
   * through {@code warnings}, one complete sentence each; problems that cannot be repaired safely throw.
   * Records are read by the first {@link #catchUp}.
   */
  public static LogStore open(Path dir, Consumer<String> warnings) throws StoreException {
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      throw new StoreException("data directory " + dir + " is a file, not a directory (check --db)");
    }
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new StoreException("cannot create data directory " + dir + ": " + e, e);
    }
    Path file = dir.resolve(FILE_NAME);
    Path key = file.toAbsolutePath().normalize();
    if (!OPEN_IN_THIS_JVM.add(key)) {
      throw new StoreException(file + " is already open in this process");
    }
    FileChannel channel = null;
    try {
      channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE, StandardOpenOption.CREATE);
      long headerEnd;
      try (FileLock ignored = channel.lock()) {
        headerEnd = checkHeader(file, channel, warnings);
      }
      return new LogStore(file, key, channel, warnings, headerEnd);
    } catch (IOException | RuntimeException e) {
      OPEN_IN_THIS_JVM.remove(key);
      if (channel != null) {
        try {
          channel.close();
        } catch (IOException suppressed) {
          e.addSuppressed(suppressed);
        }
      }
      if (e instanceof StoreException se) {
        throw se;
      }
      throw new StoreException("cannot open " + file + ": " + e, e);
    }
  }

  /** The header bytes a writer of {@code version} puts at the start of a new log (tools and tests build files with it). */
  public static byte[] header(int version) {
    byte[] name = NAME.getBytes(UTF_8);
    ByteBuffer b = ByteBuffer.allocate(4 + 2 + name.length + 4 + 4);
    b.putInt(MAGIC).putShort((short) name.length).put(name).putInt(version);
    CRC32 crc = new CRC32();
    crc.update(b.array(), 0, b.position());
    b.putInt((int) crc.getValue());
    return b.array();
  }

  /** Validates (or, for a new or torn-at-creation file, writes) the header; returns where records start. */
  private static long checkHeader(Path file, FileChannel channel, Consumer<String> warnings) throws IOException {
    byte[] expected = header(VERSION);
    long size = channel.size();
    if (size == 0) {
      writeFully(channel, ByteBuffer.wrap(expected), 0);
      channel.force(true);
      return expected.length;
    }
    byte[] start = readBytes(channel, 0, (int) Math.min(size, expected.length));
    if (size < expected.length && isPrefix(start, expected)) {
      // Only a crash while this version created the file leaves a prefix of its header.
      warnings.accept(file + ": the header is incomplete (" + size + " of " + expected.length
          + " bytes, left by a crash while the file was being created); rewriting it");
      channel.truncate(0);
      writeFully(channel, ByteBuffer.wrap(expected), 0);
      channel.force(true);
      return expected.length;
    }
    ByteBuffer b = ByteBuffer.wrap(start);
    if (start.length < 6 || b.getInt() != MAGIC) {
      throw new StoreException(file + " is not an engram log (it does not start with engram's magic number);"
          + " point --db at an engram data directory");
    }
    int nameLength = Short.toUnsignedInt(b.getShort());
    long headerLength = 6L + nameLength + 8;
    if (size < headerLength) {
      throw new StoreException(file + ": the header is cut short (" + size + " bytes); the file is damaged");
    }
    ByteBuffer h = ByteBuffer.wrap(readBytes(channel, 0, (int) headerLength));
    h.position(6);
    byte[] nameBytes = new byte[nameLength];
    h.get(nameBytes);
    String name = new String(nameBytes, UTF_8);
    if (!NAME.equals(name)) {
      throw new StoreException(file + " is an engram file of kind '" + name + "', not an operation log ('" + NAME + "')");
    }
    int version = h.getInt();
    if (version > VERSION) {
      throw new StoreException(file + " was written by a newer engram (log format version " + version
          + "; this engram reads versions " + MIN_VERSION + ".." + VERSION + "): too new. Upgrade engram to open it;"
          + " the file was left untouched");
    }
    if (version < MIN_VERSION) {
      throw new StoreException(file + " uses log format version " + version + ", which this engram no longer reads"
          + " (it reads " + MIN_VERSION + ".." + VERSION + "): too old");
    }
    CRC32 crc = new CRC32();
    crc.update(h.array(), 0, h.position());
    if (h.getInt() != (int) crc.getValue()) {
      throw new StoreException(file + ": header checksum failed; the file is damaged and was left untouched");
    }
    return headerLength;
  }

  @Override
  public synchronized void catchUp(Consumer<Operation> sink) throws IOException {
    ensureOpen();
    try (FileLock ignored = channel.lock()) {
      scan(sink);
    }
  }

  @Override
  public synchronized boolean hasUnseen() throws IOException {
    ensureOpen();
    return channel.size() != position;
  }

  /** Appends every operation as one write and one fsync: all of them are stored, or none. */
  @Override
  public synchronized void append(List<Operation> operations, Consumer<Operation> sink) throws IOException {
    ensureOpen();
    ByteArrayOutputStream frames = new ByteArrayOutputStream();
    for (Operation operation : operations) {
      byte[] payload = OperationCodec.encode(operation, MAX_RECORD_BYTES, "log");
      ByteBuffer frame = ByteBuffer.allocate(payload.length + 8);
      frame.putInt(payload.length).put(payload);
      CRC32 crc = new CRC32();
      crc.update(frame.array(), 0, frame.position());
      frame.putInt((int) crc.getValue());
      frames.write(frame.array(), 0, frame.capacity());
    }
    ByteBuffer all = ByteBuffer.wrap(frames.toByteArray());
    try (FileLock ignored = channel.lock()) {
      scan(sink);
      long at = position;
      try {
        writeFully(channel, all, at);
        channel.force(true);
      } catch (IOException e) {
        try {
          channel.truncate(at);
        } catch (IOException suppressed) {
          e.addSuppressed(suppressed);
        }
        throw new StoreException("could not write to " + file + ": " + e.getMessage()
            + " (the write was not stored)", e);
      }
      position = at + all.capacity();
      records += operations.size();
    }
  }

  @Override
  public synchronized void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    OPEN_IN_THIS_JVM.remove(key);
    channel.close();
  }

  /** Reads and delivers the records between {@link #position} and the end; call with the file lock held. */
  private void scan(Consumer<Operation> sink) throws IOException {
    long size = channel.size();
    if (size < position) {
      throw new StoreException(file + " shrank below what this process had already read (" + size + " < "
          + position + " bytes); another program modified it. Restart engram.");
    }
    long p = position;
    while (p < size) {
      if (size - p < 4) {
        tail(p, size, "an incomplete record length");
        return;
      }
      int length = ByteBuffer.wrap(readBytes(channel, p, 4)).getInt();
      if (length < 1 || length > MAX_RECORD_BYTES) {
        if (allZero(p, size)) {
          tail(p, size, "zero bytes where a record should start (space a crash left unwritten)");
          return;
        }
        throw damaged(p, size, size, "an impossible record length (" + Integer.toUnsignedString(length) + " bytes)");
      }
      long end = p + 8L + length;
      if (end > size) {
        tail(p, size, "a record cut short (" + (size - p) + " of " + (length + 8L) + " bytes)");
        return;
      }
      byte[] body = readBytes(channel, p + 4, length + 4);
      CRC32 crc = new CRC32();
      crc.update(ByteBuffer.allocate(4).putInt(length).array());
      crc.update(body, 0, length);
      if (ByteBuffer.wrap(body, length, 4).getInt() != (int) crc.getValue()) {
        if (end == size || allZero(end, size)) {
          tail(p, size, "a last record whose checksum failed");
          return;
        }
        throw damaged(p, end, size, "a record whose checksum failed");
      }
      Operation operation = OperationCodec.decode(body, length, file + ": record " + (records + 1) + " at byte " + p);
      position = end;
      records++;
      p = end;
      sink.accept(operation);
    }
  }

  /** Reports a torn tail, then cuts the file back to the last good record. */
  private void tail(long at, long size, String what) throws IOException {
    warnings.accept(file + ": found " + what + " at byte " + at + ", after record " + records + "; "
        + (size - at) + " trailing bytes are what a crash during a write leaves. Truncating the log to the last"
        + " good record (record " + records + ")");
    channel.truncate(at);
    channel.force(true);
  }

  private StoreException damaged(long at, long end, long size, String what) {
    return new StoreException(file + ": " + what + " at byte " + at + " (record " + (records + 1) + "), with "
        + (size - end) + " more bytes after it. The log is damaged before its end, so engram will not guess what"
        + " it held; the file was left untouched. Restore it from a backup, or move it aside to start empty");
  }

  private boolean allZero(long from, long to) throws IOException {
    ByteBuffer chunk = ByteBuffer.allocate(64 * 1024);
    for (long p = from; p < to; ) {
      chunk.clear().limit((int) Math.min(chunk.capacity(), to - p));
      int n = channel.read(chunk, p);
      if (n <= 0) {
        return true;
      }
      for (int i = 0; i < n; i++) {
        if (chunk.get(i) != 0) {
          return false;
        }
      }
      p += n;
    }
    return true;
  }

  private static boolean isPrefix(byte[] start, byte[] expected) {
    for (int i = 0; i < start.length; i++) {
      if (start[i] != expected[i]) {
        return false;
      }
    }
    return true;
  }

  private static byte[] readBytes(FileChannel channel, long at, int n) throws IOException {
    ByteBuffer b = ByteBuffer.allocate(n);
    while (b.hasRemaining()) {
      if (channel.read(b, at + b.position()) < 0) {
        throw new IOException("unexpected end of file at byte " + (at + b.position()));
      }
    }
    return b.array();
  }

  private static void writeFully(FileChannel channel, ByteBuffer b, long at) throws IOException {
    long p = at;
    while (b.hasRemaining()) {
      p += channel.write(b, p);
    }
  }

  private void ensureOpen() throws StoreException {
    if (closed) {
      throw new StoreException(file + " is closed");
    }
  }
}
