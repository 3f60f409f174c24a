package dev.engram.server.store;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.util.ArrayList;
import java.util.List;

/**
 * The byte encoding of one {@link Operation}, shared by every store so a write reads back the same
 * whichever store kept it (and the log migrates into SQLite row by row without re-encoding).
 *
 * <pre>
 * payload := kind u8 | at i64 (epoch ms) | scope:string | body        (integers big-endian)
 * body    := count u32 | text:string{count}               kind 1, an {@link Observation}
 *          | line:string                                  kind 2, a {@link Command}
 *          | verb:string | count u32 | arg:string{count}   kind 3, a {@link Call}
 *          | byteLength u32 | bytes                       kind 4, a {@link Load}; its scope is ""
 *          | byteLength u32 | bytes                       kind 5, a {@link Sealed}; its scope is a token
 * string  := byteLength u32 | UTF-8 bytes (strictly valid)
 * </pre>
 * Framing and checksums belong to the stores; this class only turns operations into bytes and back.
 */
final class OperationCodec {
  static final byte KIND_OBSERVE = 1;
  static final byte KIND_COMMAND = 2;
  static final byte KIND_CALL = 3;
  static final byte KIND_LOAD = 4;
  static final byte KIND_SEALED = 5;

  private OperationCodec() {}

  /** The kind byte {@code operation} is stored under. */
  static byte kind(Operation operation) {
    return switch (operation) {
      case Observation o -> KIND_OBSERVE;
      case Command c -> KIND_COMMAND;
      case Call c -> KIND_CALL;
      case Load l -> KIND_LOAD;
      case Sealed s -> KIND_SEALED;
    };
  }

  /** Encodes {@code operation}; refuses one over {@code maxBytes} with a message for the caller. */
  static byte[] encode(Operation operation, int maxBytes, String storeName) throws StoreException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(kind(operation));
    writeLong(out, operation.at());
    writeString(out, operation.scope());
    switch (operation) {
      case Observation o -> {
        writeInt(out, o.texts().size());
        for (String text : o.texts()) {
          writeString(out, text);
        }
      }
      case Command c -> writeString(out, c.line());
      case Call c -> {
        writeString(out, c.verb());
        writeInt(out, c.args().size());
        for (String arg : c.args()) {
          writeString(out, arg);
        }
      }
      case Load l -> {
        if (l.snapshot().length > maxBytes) {
          throw new StoreException("a snapshot of " + l.snapshot().length + " bytes is over the " + storeName
              + "'s record limit of " + maxBytes + " bytes; import its scopes one at a time");
        }
        writeInt(out, l.snapshot().length);
        out.write(l.snapshot(), 0, l.snapshot().length);
      }
      case Sealed s -> {
        writeInt(out, s.box().length);
        out.write(s.box(), 0, s.box().length);
      }
    }
    if (out.size() > maxBytes) {
      throw new StoreException("a write of " + out.size() + " bytes is over the " + storeName + "'s record limit of "
          + maxBytes + " bytes; send it in several calls");
    }
    return out.toByteArray();
  }

  /**
   * Decodes the first {@code length} bytes of {@code body}. {@code where} names the record in messages
   * (e.g. "engram.log: record 5 at byte 123"); nothing malformed is ever returned as an operation.
   */
  static Operation decode(byte[] body, int length, String where) throws StoreException {
    ByteBuffer b = ByteBuffer.wrap(body, 0, length);
    try {
      byte kind = b.get();
      if (kind < KIND_OBSERVE || kind > KIND_SEALED) {
        throw new StoreException(where + " has kind " + kind
            + ", which this engram does not know (written by a newer engram?); the file was left untouched");
      }
      long time = b.getLong();
      String scope = readString(b);
      Operation operation;
      if (kind == KIND_OBSERVE) {
        int count = b.getInt();
        if (count < 0 || count > b.remaining() / 4) {
          throw new IllegalStateException("text count " + count + " does not fit the record");
        }
        List<String> texts = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
          texts.add(readString(b));
        }
        operation = new Observation(scope, texts, time);
      } else if (kind == KIND_COMMAND) {
        operation = new Command(scope, readString(b), time);
      } else if (kind == KIND_CALL) {
        String verb = readString(b);
        int count = b.getInt();
        if (count < 0 || count > b.remaining() / 4) {
          throw new IllegalStateException("argument count " + count + " does not fit the record");
        }
        List<String> args = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
          args.add(readString(b));
        }
        operation = new Call(scope, verb, args, time);
      } else {
        int n = b.getInt();
        if (n < 0 || n > b.remaining()) {
          throw new IllegalStateException("a block of " + n + " bytes does not fit the record");
        }
        byte[] bytes = new byte[n];
        b.get(bytes);
        operation = kind == KIND_LOAD ? new Load(bytes, time) : new Sealed(scope, bytes, time);
      }
      if (b.hasRemaining()) {
        throw new IllegalStateException(b.remaining() + " unexpected bytes at its end");
      }
      return operation;
    } catch (RuntimeException | CharacterCodingException e) {
      throw new StoreException(where + " passed its checksum but is malformed (" + e.getMessage()
          + "); the file was left untouched", e);
    }
  }

  private static void writeString(ByteArrayOutputStream out, String s) {
    byte[] bytes = s.getBytes(UTF_8);
    writeInt(out, bytes.length);
    out.write(bytes, 0, bytes.length);
  }

  private static void writeLong(ByteArrayOutputStream out, long v) {
    writeInt(out, (int) (v >>> 32));
    writeInt(out, (int) v);
  }

  private static void writeInt(ByteArrayOutputStream out, int v) {
    out.write(v >>> 24);
    out.write(v >>> 16);
    out.write(v >>> 8);
    out.write(v);
  }

  private static String readString(ByteBuffer b) throws CharacterCodingException {
    int n = b.getInt();
    if (n < 0 || n > b.remaining()) {
      throw new IllegalStateException("a string of " + n + " bytes does not fit the record");
    }
    ByteBuffer slice = b.slice(b.position(), n);
    b.position(b.position() + n);
    return UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT)
        .decode(slice)
        .toString();
  }
}
