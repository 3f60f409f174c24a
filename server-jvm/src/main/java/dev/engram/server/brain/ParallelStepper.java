package dev.engram.server.brain;

import dev.engram.spiking.Brain;
import dev.engram.spiking.Stepper;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Steps a {@link Brain} on {@code threads} threads with exactly the serial result (spikes and every bit of state),
 * by following the {@link Stepper} contract: three parallel phases separated by serial ones.
 * <ol>
 *   <li>update: chunk c integrates neurons [n c/T, n (c+1)/T) into its own spike buffer; the buffers are
 *       concatenated in chunk order, which is the serial ascending spike list;</li>
 *   <li>serial: {@code commitSpikes}, {@code learn};</li>
 *   <li>deliver: chunk c delivers an equal share of the spike list; chunk 0 straight into the brain's
 *       accumulators, the others into private ones (integer fixed point, so the order of addition is irrelevant);</li>
 *   <li>merge: chunk c adds neuron range c of every private accumulator into the brain and zeroes it there;</li>
 *   <li>serial: {@code endStep}.</li>
 * </ol>
 * Memory: per extra thread three int accumulators of n cells (24 MB at 2M neurons) plus one spike buffer per
 * chunk of its range size; allocated on the first step and again only when the neuron count changes. Workers are
 * daemon threads (the caller's thread runs chunk 0); {@link #close} stops them. One stepper steps one brain at
 * a time: it is not for concurrent use.
 */
public final class ParallelStepper implements Stepper, AutoCloseable {
  private final int threads;
  private final ExecutorService pool;
  private final List<Future<?>> pending = new ArrayList<>();
  private int n = -1;
  private int[][] spikes, accP, accL, accI;
  private final int[] ends;
  /** Set when a step failed part-way: private accumulators may hold partial sums and are zeroed first. */
  private boolean dirty;

  /** One thread per available processor. */
  public ParallelStepper() {
    this(Runtime.getRuntime().availableProcessors());
  }

  public ParallelStepper(int threads) {
    if (threads < 1 || threads > 1024) throw new IllegalArgumentException("threads must be in [1, 1024], got " + threads);
    this.threads = threads;
    this.ends = new int[threads];
    this.pool = threads == 1 ? null : Executors.newFixedThreadPool(threads - 1, r -> {
      Thread t = new Thread(r, "engram-brain-step");
      t.setDaemon(true);
      return t;
    });
  }

  public int threads() {
    return threads;
  }

  @Override
  public void step(Brain b) {
    int count = b.neuronCount();
    if (count != n) allocate(count);
    if (dirty) {
      for (int c = 1; c < threads; c++) {
        Arrays.fill(accP[c], 0);
        Arrays.fill(accL[c], 0);
        Arrays.fill(accI[c], 0);
      }
    }
    dirty = true;
    runAll(c -> ends[c] = b.updateNeurons(split(n, c), split(n, c + 1), spikes[c], 0));
    int[] buf = b.spikeBuffer();
    int total = 0;
    for (int c = 0; c < threads; c++) {
      System.arraycopy(spikes[c], 0, buf, total, ends[c]);
      total += ends[c];
    }
    b.commitSpikes(total);
    b.learn();
    int fired = total;
    runAll(c -> {
      int from = split(fired, c), to = split(fired, c + 1);
      if (c == 0) b.deliver(from, to);
      else b.deliverInto(from, to, accP[c], accL[c], accI[c]);
    });
    runAll(c -> {
      int lo = split(n, c), hi = split(n, c + 1);
      for (int t = 1; t < threads; t++) b.addAccumulators(lo, hi, accP[t], accL[t], accI[t]);
    });
    dirty = false;
    b.endStep();
  }

  /** Start of chunk {@code c} of {@code total} items. */
  private int split(int total, int c) {
    return (int) ((long) total * c / threads);
  }

  private void allocate(int count) {
    n = count;
    spikes = new int[threads][];
    accP = new int[threads][];
    accL = new int[threads][];
    accI = new int[threads][];
    for (int c = 0; c < threads; c++) {
      spikes[c] = new int[split(n, c + 1) - split(n, c)];
      if (c > 0) {
        accP[c] = new int[n];
        accL[c] = new int[n];
        accI[c] = new int[n];
      }
    }
    dirty = false;
  }

  private interface Chunk {
    void run(int c);
  }

  /** Runs chunks 1..T-1 on the workers and chunk 0 here, then waits for all (a barrier between phases). */
  private void runAll(Chunk task) {
    pending.clear();
    for (int c = 1; c < threads; c++) {
      int chunk = c;
      pending.add(pool.submit(() -> task.run(chunk)));
    }
    RuntimeException failure = null;
    try {
      task.run(0);
    } catch (RuntimeException e) {
      failure = e;
    }
    boolean interrupted = false;
    for (Future<?> f : pending) {
      while (true) {
        try {
          f.get();
          break;
        } catch (InterruptedException e) {
          // Finish the barrier anyway: leaving workers running on the brain would corrupt the next step.
          interrupted = true;
        } catch (ExecutionException e) {
          if (failure == null) failure = new IllegalStateException("parallel step failed: " + e.getCause(), e.getCause());
          break;
        }
      }
    }
    if (interrupted) Thread.currentThread().interrupt();
    if (failure != null) throw failure;
  }

  @Override
  public void close() {
    if (pool != null) pool.shutdownNow();
  }
}
