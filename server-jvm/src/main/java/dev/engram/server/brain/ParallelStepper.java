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
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Steps a {@link Brain} on {@code threads} threads with exactly the serial result (spikes and every bit of state),
 * by following the {@link Stepper} contract: three parallel phases separated by serial ones. Each parallel phase
 * is cut into {@code BLOCKS_PER_THREAD * T} blocks that the threads claim one at a time from a counter, so a thread
 * the OS deschedules (the machine is shared) leaves its blocks to the others instead of stalling the step.
 * <ol>
 *   <li>update: block k integrates neurons [n k/B, n (k+1)/B) into its own spike buffer; the buffers are
 *       concatenated in block order, which is the serial ascending spike list;</li>
 *   <li>serial: {@code commitSpikes}, {@code learn};</li>
 *   <li>deliver: block k is a share of the spike list, delivered by whichever thread claims it into that thread's
 *       accumulators (the caller's thread straight into the brain's): integer fixed point, so neither the order of
 *       addition nor which thread took which block can change a bit;</li>
 *   <li>merge: block k adds neuron range k of every private accumulator into the brain and zeroes it there;</li>
 *   <li>serial: {@code endStep}.</li>
 * </ol>
 * Memory: per extra thread three int accumulators of n cells (24 MB at 2M neurons) plus spike buffers totalling n
 * ints; allocated on the first step and again only when the neuron count changes. Workers are daemon threads (the
 * caller's thread works too); {@link #close} stops them. One stepper steps one brain at a time: it is not for
 * concurrent use.
 */
public final class ParallelStepper implements Stepper, AutoCloseable {
  /** Enough blocks that a slow thread costs little, few enough that claiming one stays negligible. */
  static final int BLOCKS_PER_THREAD = 8;
  private final int threads, blocks;
  private final AtomicInteger nextBlock = new AtomicInteger();
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
    this.blocks = threads == 1 ? 1 : threads * BLOCKS_PER_THREAD;
    this.ends = new int[blocks];
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
    if (pool != null && pool.isShutdown()) throw new IllegalStateException("ParallelStepper is closed");
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
    runAll((w, k) -> ends[k] = b.updateNeurons(split(n, k), split(n, k + 1), spikes[k], 0));
    int[] buf = b.spikeBuffer();
    int total = 0;
    for (int c = 0; c < blocks; c++) {
      System.arraycopy(spikes[c], 0, buf, total, ends[c]);
      total += ends[c];
    }
    b.commitSpikes(total);
    b.learn();
    int fired = total;
    runAll((w, k) -> {
      int from = split(fired, k), to = split(fired, k + 1);
      if (w == 0) b.deliver(from, to);
      else b.deliverInto(from, to, accP[w], accL[w], accI[w]);
    });
    runAll((w, k) -> {
      int lo = split(n, k), hi = split(n, k + 1);
      for (int t = 1; t < threads; t++) b.addAccumulators(lo, hi, accP[t], accL[t], accI[t]);
    });
    dirty = false;
    b.endStep();
  }

  /** Start of block {@code k} of {@code total} items. */
  private int split(int total, int k) {
    return (int) ((long) total * k / blocks);
  }

  private void allocate(int count) {
    n = count;
    spikes = new int[blocks][];
    for (int k = 0; k < blocks; k++) spikes[k] = new int[split(n, k + 1) - split(n, k)];
    accP = new int[threads][];
    accL = new int[threads][];
    accI = new int[threads][];
    for (int c = 0; c < threads; c++) {
      if (c > 0) {
        accP[c] = new int[n];
        accL[c] = new int[n];
        accI[c] = new int[n];
      }
    }
    dirty = false;
  }

  /** One block of a phase, run by thread {@code worker} (0 = the caller's). */
  private interface Block {
    void run(int worker, int block);
  }

  private void claim(Block task, int worker) {
    for (int k; (k = nextBlock.getAndIncrement()) < blocks; ) task.run(worker, k);
  }

  /** Workers 1..T-1 and this thread (worker 0) claim blocks until none is left; then a barrier. */
  private void runAll(Block task) {
    nextBlock.set(0);
    pending.clear();
    for (int c = 1; c < threads; c++) {
      int worker = c;
      pending.add(pool.submit(() -> claim(task, worker)));
    }
    RuntimeException failure = null;
    try {
      claim(task, 0);
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
