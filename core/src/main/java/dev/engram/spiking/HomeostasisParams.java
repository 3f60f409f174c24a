package dev.engram.spiking;

/**
 * Homeostatic multiplicative scaling (Turrigiano 1998): each excitatory neuron tracks its rate with an
 * exponential average (tau {@code tauRateMs}); every {@code intervalMs} its excitatory input gain is
 * multiplied by {@code 1 + rate*(target - r)/target}, kept within [gainMin, gainMax]. Scaling the gain, not
 * individual weights, preserves the ratios between learned weights.
 */
public record HomeostasisParams(double targetRateHz, double tauRateMs, double intervalMs, double rate,
                                double gainMin, double gainMax) {
  public HomeostasisParams {
    Check.positive("HomeostasisParams.targetRateHz", targetRateHz);
    Check.positive("HomeostasisParams.tauRateMs", tauRateMs);
    Check.positive("HomeostasisParams.intervalMs", intervalMs);
    Check.range("HomeostasisParams.rate", rate, 0, 1);
    Check.positive("HomeostasisParams.gainMin", gainMin);
    Check.positive("HomeostasisParams.gainMax", gainMax);
    if (gainMin > 1 || gainMax < 1) throw new IllegalArgumentException("HomeostasisParams gainMin <= 1 <= gainMax required, got " + gainMin + ", " + gainMax);
  }

  public static HomeostasisParams defaults() {
    return new HomeostasisParams(3, 1000, 100, 0.01, 0.5, 2.0);
  }
}
