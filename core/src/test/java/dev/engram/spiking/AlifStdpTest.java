package dev.engram.spiking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The ALIF update and the STDP window against values worked out by hand. */
class AlifStdpTest {

  @Test
  void detExpMatchesKnownValues() {
    assertEquals(0.951229424500714, Det.exp(-1.0 / 20), 1e-15); // e^-0.05
    assertEquals(0.7788007830714049, Det.exp(-0.25), 1e-15);
    assertEquals(2.718281828459045, Det.exp(1), 1e-15);
    assertEquals(4.5399929762484854e-5, Det.exp(-10), 1e-18);
  }

  @Test
  void detExpIsWithinFourUlpOfMathExp() {
    for (int k = -2000; k <= 2000; k++) {
      double x = k / 37.0;
      double want = Math.exp(x), got = Det.exp(x);
      assertTrue(Math.abs(want - got) <= 4 * Math.ulp(want), "exp(" + x + ") = " + got + " vs " + want);
    }
  }

  @Test
  void assemblyCapacityIsEnforcedWithAClearMessage() {
    Brain b = new Brain(TestBrains.silent()); // association: 100 cells, 80 excitatory, assemblies of 10
    assertEquals(8, b.conceptCapacity());
    for (int i = 0; i < 8; i++) b.concept("c" + i);
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> b.concept("one too many"));
    assertTrue(e.getMessage().contains("capacity"), e.getMessage());
    java.util.Set<Integer> cells = new java.util.HashSet<>();
    for (int i = 0; i < 8; i++) for (int c : b.assembly(i)) assertTrue(cells.add(c), "assemblies must be disjoint");
  }

  @Test
  void leakRelaxesTowardRestByExpMinusDtOverTau() {
    Brain b = new Brain(TestBrains.silent());
    int i = b.regionStart(2); // first excitatory cell of association: tauMem 20 ms, rest -65
    double v0 = b.voltage(i);
    b.step(1);
    // Hand-worked: v1 = -65 + (v0 + 65) * e^(-1/20), e^(-0.05) = 0.951229...
    assertEquals(-65 + (v0 + 65) * 0.951229424500714, b.voltage(i), 1e-4);
    b.step(9);
    assertEquals(-65 + (v0 + 65) * Math.pow(0.951229424500714, 10), b.voltage(i), 1e-4);
  }

  @Test
  void spikeResetsAdaptsAndIsRefractory() {
    Brain b = new Brain(TestBrains.silent());
    int i = b.regionStart(2) + 3;
    b.forceSpikes(new int[] {i});
    b.step(1);
    assertEquals(1, b.lastSpikeCount());
    assertEquals(-65f, b.voltage(i), 0f); // reset
    assertEquals(1.0f, b.adaptation(i), 1e-6f); // jump 1 mV from 0
    b.step(3);
    // Hand-worked: a = 1 * e^(-3/200) = 0.985111939603063
    assertEquals(0.985111939603063, b.adaptation(i), 1e-6);
    // Threshold is now -50 + a: the same input that fires a fresh cell (none here) must clear 15 + a mV.
    assertTrue(b.adaptation(i) > 0);
  }

  @Test
  void stdpWindowHandValues() {
    StdpParams s = StdpParams.defaults(); // aPlus 1, aMinus 1.2, tau 20/20
    assertEquals(0.7788007830714049, s.window(5), 1e-12);            // 1 * e^-0.25
    assertEquals(-1.2 * 0.7788007830714049, s.window(-5), 1e-12);    // -1.2 * e^-0.25
    assertEquals(0.36787944117144233, s.window(20), 1e-12);           // e^-1
    assertEquals(0.0, s.window(0), 0.0);
  }

  /** Hand model of the three-factor rule for one pre/post pair dt steps apart, iterated like the engine. */
  private static double expected(double w0, double elig0, double da0, int steps, boolean potentiate) {
    StdpParams s = StdpParams.defaults();
    double w = w0, e = elig0, da = da0;
    double dE = Math.exp(-1 / s.tauEligMs()), dD = Math.exp(-1 / 20.0);
    for (int t = 0; t < steps; t++) {
      double dw = s.learningRate() * da * e;
      if (dw > 0) dw = dw * (s.wMaxMv() - w) / s.wMaxMv(); // potentiation soft-bounded, depression additive
      w = Math.max(0, w + dw);
      e *= dE;
      da *= dD;
    }
    return w;
  }

  @Test
  void pairedSpikesPotentiateForwardAndDepressBackwardGatedByDopamine() {
    Brain b = new Brain(TestBrains.silent());
    int p = b.regionStart(2) + 1, q = b.regionStart(2) + 2;
    b.connect(p, q, 1.0);
    b.connect(q, p, 1.0);
    b.setModulator(Modulator.DOPAMINE, 1.0);
    b.forceSpikes(new int[] {p});
    b.step(5); // p fires at step 0; DA decays 5 steps
    b.forceSpikes(new int[] {q});
    b.step(1); // q fires at step 5: p->q gets +1*e^(-5/20), q->p gets -1.2*e^(-5/20)
    b.step(199);
    double da5 = Math.exp(-5 / 20.0);
    double win = Math.exp(-5 / 20.0);
    assertEquals(expected(1.0, win, da5, 200, true), b.learnedWeight(p, q), 2e-3);
    assertEquals(expected(1.0, -1.2 * win, da5, 200, false), b.learnedWeight(q, p), 2e-3);
    assertTrue(b.learnedWeight(p, q) > 1.0 && b.learnedWeight(q, p) < 1.0);

    Brain noDa = new Brain(TestBrains.silent());
    noDa.connect(p, q, 1.0);
    noDa.forceSpikes(new int[] {p});
    noDa.step(5);
    noDa.forceSpikes(new int[] {q});
    noDa.step(100);
    assertEquals(1.0f, noDa.learnedWeight(p, q), 0f, "no dopamine, no weight change");
  }

  @Test
  void parametersNameTheBadField() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new AlifParams(-1, -65, -65, -50, 200, 1, 2));
    assertTrue(e.getMessage().contains("AlifParams.tauMemMs"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new StdpParams(1, 1, 20, 20, 25, 0.1, 4, 5, 24));
    assertTrue(e.getMessage().contains("StdpParams.wInitMv"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> BrainConfig.cortex(0.00001, 1));
    assertTrue(e.getMessage().contains("BrainConfig.scale"), e.getMessage());
    Brain b = new Brain(TestBrains.silent());
    e = assertThrows(IllegalArgumentException.class, () -> b.connect(b.firstInhibitory(2), b.regionStart(2), 1));
    assertTrue(e.getMessage().contains("inhibitory"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> b.recall("never imprinted"));
    assertThrows(IllegalArgumentException.class, () -> b.recall((String) null));
    assertThrows(IllegalArgumentException.class, () -> b.imprintTriple("a", null, "b"));
    assertThrows(IllegalArgumentException.class, () -> b.imprintTriple("a", "  ", "b"));
    assertThrows(IllegalArgumentException.class, () -> b.step(-1));
    assertFalse(b.plasticity() == false);
  }
}
