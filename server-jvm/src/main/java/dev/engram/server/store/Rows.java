package dev.engram.server.store;

import java.nio.ByteBuffer;
import java.util.zip.CRC32;

/**
 * The checks every row of a database store passes before its operation is delivered (SQLite and
 * PostgreSQL keep the same columns): ids follow each other without gaps, the CRC32 of id and payload
 * matches, and the decoded payload agrees with the row's kind, scope and time columns. Nothing that
 * fails a check is ever handed to the engine.
 */
final class Rows {
  private Rows() {}

  /** CRC32 of the id (8 bytes, big-endian) followed by the payload. */
  static long crc(long id, byte[] payload) {
    CRC32 crc = new CRC32();
    crc.update(ByteBuffer.allocate(8).putLong(id).array());
    crc.update(payload);
    return crc.getValue();
  }

  /** Checks one row read after row {@code previous} of the store {@code where} and decodes it. */
  static Operation check(String where, long previous, long id, int kind, String scope, long at, byte[] payload, long crc)
      throws StoreException {
    if (id != previous + 1) {
      throw new StoreException(where + ": rows " + (previous + 1) + ".." + (id - 1) + " are missing (deleted by"
          + " another program?); engram will not guess what they held. The data was left untouched; restore it"
          + " from a backup");
    }
    if (payload == null || crc != crc(id, payload)) {
      throw new StoreException(where + ": row " + id + " (scope '" + scope + "') failed its checksum; the row is"
          + " damaged, so engram will not load it. The data was left untouched; restore it from a backup, or"
          + " delete that row and the ones after it (DELETE FROM engram_ops WHERE id >= " + id + ") to keep the"
          + " writes before it");
    }
    Operation operation = OperationCodec.decode(payload, payload.length, where + ": row " + id);
    if (OperationCodec.kind(operation) != kind || !operation.scope().equals(scope) || operation.at() != at) {
      throw new StoreException(where + ": row " + id + " disagrees with its own columns (kind, scope or time);"
          + " the row is damaged, so engram will not load it. The data was left untouched");
    }
    return operation;
  }
}
