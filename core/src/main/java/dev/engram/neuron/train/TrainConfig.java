package dev.engram.neuron.train;

/**
 * Hyper-parameters of one training run; all of training's randomness flows from {@link #seed}.
 *
 * @param seed seeds initialisation and the data order
 * @param steps optimiser steps
 * @param batch sequences per step (gradients are averaged)
 * @param lr peak learning rate (linear warm-up, then cosine decay to lr/10)
 * @param warmup warm-up steps
 * @param weightDecay decoupled AdamW decay, applied to matrices only
 * @param clip global gradient-norm clip
 * @param logEvery progress line every this many steps
 * @param checkpointEvery checkpoint every this many steps (0: never)
 */
public record TrainConfig(
    long seed, int steps, int batch, float lr, int warmup, float weightDecay, float clip, int logEvery, int checkpointEvery) {
  public TrainConfig {
    if (steps < 1) {
      throw new IllegalArgumentException("steps must be >= 1, got " + steps);
    }
    if (batch < 1) {
      throw new IllegalArgumentException("batch must be >= 1, got " + batch);
    }
    if (!(lr > 0f) || lr > 1f) {
      throw new IllegalArgumentException("lr must be in (0, 1], got " + lr);
    }
    if (warmup < 0 || warmup > steps) {
      throw new IllegalArgumentException("warmup must be 0..steps, got " + warmup);
    }
    if (weightDecay < 0f || weightDecay > 1f) {
      throw new IllegalArgumentException("weightDecay must be in [0, 1], got " + weightDecay);
    }
    if (!(clip > 0f)) {
      throw new IllegalArgumentException("clip must be > 0, got " + clip);
    }
    if (logEvery < 1 || checkpointEvery < 0) {
      throw new IllegalArgumentException("logEvery must be >= 1 and checkpointEvery >= 0");
    }
  }

  public float lrAt(int step) {
    if (step < warmup) {
      return lr * (step + 1) / warmup;
    }
    double progress = (double) (step - warmup) / Math.max(1, steps - warmup);
    return (float) (lr * (0.1 + 0.9 * 0.5 * (1 + Math.cos(Math.PI * progress))));
  }
}
