package dev.engram.server.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogStoreTest {
  @TempDir Path dir;

  private final List<String> warnings = new ArrayList<>();

  private static final Operation A = new Observation("team", List.of("The deploy region is us-west-2."), 1_700_000_000_000L);
  private static final Operation B = new Observation("user:42", List.of("Ünïcödé façts survive: 東京 🚀", ""), 1L);
  private static final Operation C = new Command("team", "var set colour teal", Long.MAX_VALUE);

  private LogStore open() throws IOException {
    return LogStore.open(dir, warnings::add);
  }

  private List<Operation> readAll() throws IOException {
    List<Operation> seen = new ArrayList<>();
    try (LogStore store = open()) {
      store.catchUp(seen::add);
    }
    return seen;
  }

  private void write(Operation... observations) throws IOException {
    try (LogStore store = open()) {
      store.catchUp(o -> {});
      for (Operation o : observations) {
        store.append(o, o2 -> {});
      }
    }
  }

  private Path log() {
    return dir.resolve(LogStore.FILE_NAME);
  }

  /** Byte offsets where each record starts, followed by the file size. */
  private long[] recordStarts(int records) throws IOException {
    byte[] bytes = Files.readAllBytes(log());
    long[] starts = new long[records + 1];
    long p = LogStore.header(LogStore.VERSION).length;
    for (int i = 0; i < records; i++) {
      starts[i] = p;
      p += 8L + ByteBuffer.wrap(bytes, (int) p, 4).getInt();
    }
    starts[records] = p;
    assertEquals(bytes.length, p, "test setup: records must fill the file");
    return starts;
  }

  @Test
  void roundTripKeepsEveryObservationInOrder() throws IOException {
    write(A, B);
    write(C);
    assertEquals(List.of(A, B, C), readAll());
    assertEquals(List.of(), warnings);
  }

  @Test
  void emptyStoreHasOnlyAHeader() throws IOException {
    assertEquals(List.of(), readAll());
    assertArrayEquals(LogStore.header(LogStore.VERSION), Files.readAllBytes(log()));
  }

  @Test
  void tornTailIsReportedThenTruncatedAndTheLogStaysUsable() throws IOException {
    write(A, B, C);
    long[] starts = recordStarts(3);
    long cut = starts[2] + 5; // part of C's length and payload: what a crash mid-write leaves
    try (FileChannel ch = FileChannel.open(log(), StandardOpenOption.WRITE)) {
      ch.truncate(cut);
    }
    assertEquals(List.of(A, B), readAll());
    assertEquals(1, warnings.size(), warnings.toString());
    assertTrue(warnings.get(0).contains("cut short") && warnings.get(0).contains("byte " + starts[2]), warnings.get(0));
    assertEquals(starts[2], Files.size(log()), "truncated back to the last good record");

    warnings.clear();
    write(C);
    assertEquals(List.of(A, B, C), readAll());
    assertEquals(List.of(), warnings);
  }

  @Test
  void incompleteLengthAndZeroFilledTailsAreTorn() throws IOException {
    write(A);
    long end = Files.size(log());
    Files.write(log(), new byte[] {0, 0}, StandardOpenOption.APPEND);
    assertEquals(List.of(A), readAll());
    assertTrue(warnings.get(0).contains("incomplete record length"), warnings.get(0));
    assertEquals(end, Files.size(log()));

    warnings.clear();
    Files.write(log(), new byte[4096], StandardOpenOption.APPEND);
    assertEquals(List.of(A), readAll());
    assertTrue(warnings.get(0).contains("zero bytes"), warnings.get(0));
    assertEquals(end, Files.size(log()));
  }

  @Test
  void corruptLastRecordIsReportedAndDropped() throws IOException {
    write(A, B, C);
    long[] starts = recordStarts(3);
    flip(starts[2] + 9);
    assertEquals(List.of(A, B), readAll());
    assertEquals(1, warnings.size(), warnings.toString());
    assertTrue(warnings.get(0).contains("checksum failed"), warnings.get(0));
    assertEquals(starts[2], Files.size(log()));
  }

  @Test
  void corruptRecordBeforeTheEndIsRefusedAndTheFileLeftUntouched() throws IOException {
    write(A, B, C);
    long[] starts = recordStarts(3);
    flip(starts[1] + 9);
    byte[] before = Files.readAllBytes(log());
    StoreException e = assertThrows(StoreException.class, this::readAll);
    assertTrue(e.getMessage().contains("checksum failed") && e.getMessage().contains("record 2")
        && e.getMessage().contains("left untouched"), e.getMessage());
    assertArrayEquals(before, Files.readAllBytes(log()));
  }

  @Test
  void impossibleLengthBeforeTheEndIsRefused() throws IOException {
    write(A, B);
    long[] starts = recordStarts(2);
    try (FileChannel ch = FileChannel.open(log(), StandardOpenOption.WRITE)) {
      ch.write(ByteBuffer.allocate(4).putInt(0, -7), starts[0]);
    }
    StoreException e = assertThrows(StoreException.class, this::readAll);
    assertTrue(e.getMessage().contains("impossible record length"), e.getMessage());
  }

  @Test
  void newerVersionIsRefusedAsTooNew() throws IOException {
    write(A);
    byte[] bytes = Files.readAllBytes(log());
    byte[] newer = LogStore.header(LogStore.VERSION + 1);
    System.arraycopy(newer, 0, bytes, 0, newer.length);
    Files.write(log(), bytes);
    StoreException e = assertThrows(StoreException.class, this::open);
    assertTrue(e.getMessage().contains("too new") && e.getMessage().contains("version " + (LogStore.VERSION + 1)),
        e.getMessage());
    assertArrayEquals(bytes, Files.readAllBytes(log()), "a refused file is left as it was");
  }

  @Test
  void olderVersionIsRefusedAsTooOld() throws IOException {
    Files.write(log(), LogStore.header(LogStore.MIN_VERSION - 1));
    StoreException e = assertThrows(StoreException.class, this::open);
    assertTrue(e.getMessage().contains("too old"), e.getMessage());
  }

  @Test
  void damagedHeaderIsRefused() throws IOException {
    write(A);
    flip(LogStore.header(LogStore.VERSION).length - 1); // inside the header checksum
    StoreException e = assertThrows(StoreException.class, this::open);
    assertTrue(e.getMessage().contains("header checksum failed"), e.getMessage());
  }

  @Test
  void foreignFileIsRefused() throws IOException {
    Files.writeString(log(), "{\"facts\": [\"not an engram log\"]}");
    StoreException e = assertThrows(StoreException.class, this::open);
    assertTrue(e.getMessage().contains("not an engram log"), e.getMessage());
  }

  @Test
  void headerTornAtCreationIsRewritten() throws IOException {
    byte[] header = LogStore.header(LogStore.VERSION);
    Files.write(log(), java.util.Arrays.copyOf(header, 7));
    assertEquals(List.of(), readAll());
    assertTrue(warnings.get(0).contains("header is incomplete"), warnings.get(0));
    write(A);
    assertEquals(List.of(A), readAll());
  }

  @Test
  void recordThatPassesItsChecksumButIsMalformedIsRefused() throws IOException {
    write(A);
    // A well-framed record of an unknown kind, as a newer engram might write.
    byte[] payload = {42, 0, 0, 0, 0};
    ByteBuffer frame = ByteBuffer.allocate(payload.length + 8).putInt(payload.length).put(payload);
    CRC32 crc = new CRC32();
    crc.update(frame.array(), 0, frame.position());
    frame.putInt((int) crc.getValue());
    Files.write(log(), frame.array(), StandardOpenOption.APPEND);
    StoreException e = assertThrows(StoreException.class, this::readAll);
    assertTrue(e.getMessage().contains("kind 42"), e.getMessage());
  }

  @Test
  void dataDirectoryThatIsAFileIsRefused() throws IOException {
    Path file = Files.writeString(dir.resolve("plain-file"), "x");
    StoreException e = assertThrows(StoreException.class, () -> LogStore.open(file, warnings::add));
    assertTrue(e.getMessage().contains("not a directory"), e.getMessage());
  }

  @Test
  void secondOpenInOneProcessIsRefusedUntilTheFirstCloses() throws IOException {
    try (LogStore first = open()) {
      StoreException e = assertThrows(StoreException.class, this::open);
      assertTrue(e.getMessage().contains("already open"), e.getMessage());
    }
    open().close();
  }

  @Test
  void appendDeliversOnlyWhatOthersWroteAndHasUnseenTracksIt() throws IOException {
    write(A);
    try (LogStore store = open()) {
      assertTrue(store.hasUnseen());
      List<Operation> seen = new ArrayList<>();
      store.append(B, seen::add); // A was unseen: delivered first, B itself is not
      assertEquals(List.of(A), seen);
      assertTrue(!store.hasUnseen());
    }
    assertEquals(List.of(A, B), readAll());
  }

  private void flip(long at) throws IOException {
    try (FileChannel ch = FileChannel.open(log(), StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      ByteBuffer b = ByteBuffer.allocate(1);
      ch.read(b, at);
      b.put(0, (byte) (b.get(0) ^ 0x5A));
      ch.write(b.rewind(), at);
    }
  }

  @Test
  void typedWritesAndSnapshotImportsRoundTripExactly() throws IOException {
    Operation note = new Call("team", "note", List.of("task", "Call Ana.\nThen | bill = 5 #2"), 5L);
    Operation empty = new Call("team", "forget", List.of(""), 6L);
    Operation none = new Call("user:42", "scopes", List.of(), 7L);
    byte[] bytes = {'E', 'N', 'G', 'R', 0, -1, 127};
    write(A, note, empty);
    write(none, new Load(bytes, 8L));
    List<Operation> read = readAll();
    assertEquals(List.of(A, note, empty, none), read.subList(0, 4));
    Load load = (Load) read.get(4);
    assertArrayEquals(bytes, load.snapshot());
    assertEquals(8L, load.at());
    assertEquals("", load.scope());
    assertEquals(List.of(), warnings);
  }
}
