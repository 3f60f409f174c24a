package dev.engram.server.store;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The secure tier around any {@link Store}: with a {@link Sealer}, every write is stored as a {@link
 * Sealed} box under its scope's token, so the database holds no fact text, no scope name and no index
 * (the index lives only in memory, rebuilt from the opened writes); sealed writes read back as the
 * operations they were. Without a sealer, writes pass through as they are, and a store holding sealed
 * writes is refused with a message saying a secret is needed, rather than half loaded.
 */
public final class SealedStore implements Store {
  private final Store inner;
  private final Sealer sealer;
  private final Consumer<String> warnings;
  private boolean warnedPlain;

  /**
   * Wraps {@code inner}; {@code sealer} null means no secret was given. With a secret, the first write
   * found in clear (stored before the secure tier was turned on) is reported through {@code warnings}.
   */
  public SealedStore(Store inner, Sealer sealer, Consumer<String> warnings) {
    this.inner = inner;
    this.sealer = sealer;
    this.warnings = warnings;
  }

  @Override
  public void catchUp(Consumer<Operation> sink) throws IOException {
    Opening opening = new Opening(sink);
    try {
      inner.catchUp(opening);
    } catch (Unopenable e) {
      throw e.reason;
    }
  }

  @Override
  public boolean hasUnseen() throws IOException {
    return inner.hasUnseen();
  }

  @Override
  public void append(List<Operation> operations, Consumer<Operation> sink) throws IOException {
    List<Operation> stored = operations;
    if (sealer != null) {
      stored = new ArrayList<>(operations.size());
      for (Operation op : operations) {
        String token = sealer.token(op.scope());
        byte[] plain = OperationCodec.encode(op, Integer.MAX_VALUE, "secure tier");
        stored.add(new Sealed(token, sealer.seal(token, op.at(), plain), op.at()));
      }
    }
    Opening opening = new Opening(sink);
    try {
      inner.append(stored, opening);
    } catch (Unopenable e) {
      throw e.reason;
    }
  }

  @Override
  public void close() throws IOException {
    inner.close();
  }

  /** Opens each sealed write before the caller sees it. */
  private final class Opening implements Consumer<Operation> {
    private final Consumer<Operation> sink;

    Opening(Consumer<Operation> sink) {
      this.sink = sink;
    }

    @Override
    public void accept(Operation op) {
      if (!(op instanceof Sealed s)) {
        if (sealer != null && !warnedPlain) {
          warnedPlain = true;
          warnings.accept("this store holds writes from before the secure tier was turned on; they stay in clear"
              + " on disk (to seal everything: export, then import into a fresh --db with the secret set)");
        }
        sink.accept(op);
        return;
      }
      try {
        if (sealer == null) {
          throw new StoreException("this store is encrypted (secure tier): give its secret with ENGRAM_SECRET or"
              + " --secret-file to open it; nothing was loaded");
        }
        String where = "a sealed write of " + s.at();
        byte[] plain = sealer.open(s.scope(), s.at(), s.box(), where);
        Operation op2 = OperationCodec.decode(plain, plain.length, where);
        if (!sealer.token(op2.scope()).equals(s.scope())) {
          throw new StoreException(where + " opened but names another scope than its token; nothing was loaded");
        }
        sink.accept(op2);
      } catch (StoreException e) {
        throw new Unopenable(e);
      }
    }
  }

  /** Carries a {@link StoreException} out through the inner store's callback. */
  private static final class Unopenable extends RuntimeException {
    final StoreException reason;

    Unopenable(StoreException reason) {
      super(reason.getMessage(), reason, false, false);
      this.reason = reason;
    }
  }
}
