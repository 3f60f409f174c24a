package dev.engram.spiking;

/**
 * The COBA benchmark network, explicit connectivity. Synapses are stored as CSR by presynaptic neuron
 * ({@code rowStart[N+1]}, {@code targets[S]}): 4 bytes per synapse, built row by row in one pass (each pair is a
 * Bernoulli draw from {@link Det#hash}), no COO copy. State is flat double arrays v, ge, gi plus an int
 * refractory countdown. Each step follows Brian2's schedule: integrate (Euler) -> threshold -> propagate
 * (targets' ge/gi jump, seen by the next integration) -> reset.
 */
public final class CobaNetwork {
  /** Outcome of a run: mean rate, mean per-neuron ISI CV (neurons with >= 3 spikes, population s.d.), counts. */
  public record Result(double rateHz, double cvIsi, long spikes, long synapses, int neuronsWithCv, double durationMs) {}

  private final CobaParams p;
  private final int[] rowStart, targets;
  private final double[] v, ge, gi;
  private final int[] refr;
  private long step;

  public CobaNetwork(CobaParams p, long seed) {
    this.p = p;
    int n = p.neurons();
    rowStart = new int[n + 1];
    long threshold = (long) Math.floor(p.connectProbability() * 4294967296.0);
    int[] buf = new int[Math.max(16, (int) (n * (long) n * p.connectProbability() * 1.1) + 64)];
    int s = 0;
    for (int i = 0; i < n; i++) {
      rowStart[i] = s;
      long base = Det.mix(seed ^ (i * 0x9E3779B97F4A7C15L));
      for (int j = 0; j < n; j++) {
        if ((Det.mix(base + j) >>> 32) < threshold) {
          if (s == buf.length) buf = java.util.Arrays.copyOf(buf, buf.length * 2);
          buf[s++] = j;
        }
      }
    }
    rowStart[n] = s;
    targets = java.util.Arrays.copyOf(buf, s);
    v = new double[n];
    ge = new double[n];
    gi = new double[n];
    refr = new int[n];
    for (int i = 0; i < n; i++) v[i] = p.vResetMv() + Det.unit(Det.hash(seed, 0xC0BAL, i)) * (p.vThreshMv() - p.vResetMv());
  }

  public long synapseCount() { return targets.length; }

  /** Runs {@code durationMs} more and returns the rate and ISI CV of that stretch. */
  public Result run(double durationMs) {
    Check.positive("durationMs", durationMs);
    int n = p.neurons(), ne = p.excitatory();
    int steps = (int) Math.round(durationMs / p.dtMs());
    double dt = p.dtMs(), invTm = 1.0 / p.tauMemMs(), invTe = 1.0 / p.tauExcMs(), invTi = 1.0 / p.tauInhMs();
    double ee = p.eExcMv(), ei = p.eInhMv(), el = p.eLeakMv(), iext = p.iMv(), vt = p.vThreshMv(), vr = p.vResetMv();
    double we = p.wExc(), wi = p.wInh();
    int refSteps = (int) Math.round(p.refractoryMs() / dt);
    // Per-neuron ISI statistics, accumulated online (Welford): count, last spike step, mean, M2.
    int[] count = new int[n];
    long[] last = new long[n];
    double[] mean = new double[n], m2 = new double[n];
    int[] spk = new int[n];
    long spikes = 0;
    for (int t = 0; t < steps; t++, step++) {
      int ns = 0;
      // Conductances first (a separate, branch-free, vectorisable loop), then v from the old conductances.
      for (int i = 0; i < n; i++) {
        double gei = ge[i], gii = gi[i];
        ge[i] = gei + dt * (-gei * invTe);
        gi[i] = gii + dt * (-gii * invTi);
        double vi = v[i];
        double nv = vi + dt * ((gei * (ee - vi) + gii * (ei - vi) - (vi - el) + iext) * invTm);
        int ri = refr[i];
        if (ri == 0) {
          v[i] = nv;
          if (nv > vt) spk[ns++] = i;
        } else {
          refr[i] = ri - 1;
        }
      }
      for (int k = 0; k < ns; k++) {
        int i = spk[k];
        double[] g = i < ne ? ge : gi;
        double w = i < ne ? we : wi;
        for (int e = rowStart[i]; e < rowStart[i + 1]; e++) g[targets[e]] += w;
      }
      for (int k = 0; k < ns; k++) {
        int i = spk[k];
        v[i] = vr;
        // Brian2 integrates again at the step where t - lastspike reaches the refractory period: refSteps - 1 frozen steps.
        refr[i] = Math.max(0, refSteps - 1);
        if (count[i] > 0) {
          double isi = (step - last[i]) * dt;
          int m = count[i]; // number of ISIs so far + 1
          double d = isi - mean[i];
          mean[i] += d / m;
          m2[i] += d * (isi - mean[i]);
        }
        last[i] = step;
        count[i]++;
      }
      spikes += ns;
    }
    double cvSum = 0;
    int cvN = 0;
    for (int i = 0; i < n; i++) {
      if (count[i] >= 3) {
        double var = m2[i] / (count[i] - 1);
        cvSum += Math.sqrt(var) / mean[i];
        cvN++;
      }
    }
    return new Result(spikes / (n * durationMs / 1000.0), cvN == 0 ? 0 : cvSum / cvN, spikes, targets.length, cvN, durationMs);
  }
}
