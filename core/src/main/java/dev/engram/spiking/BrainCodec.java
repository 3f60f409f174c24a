package dev.engram.spiking;

import dev.engram.codec.Crc32;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The brain's binary snapshot. A loaded brain continues bit for bit like the original. Big-endian
 * ({@link DataOutputStream}); all floats as raw IEEE-754 bits.
 *
 * <pre>
 * magic      int    0x454E4752 ("ENGR")
 * name       UTF    "engram.spiking.brain"
 * version    int    1
 * config     scale f64, seed i64, dtMs f64, regions (i32 n; n x {UTF name, i32 fullScaleNeurons, alif}),
 *            inhibitory alif, excitatoryFraction f64, projections (i32 n; n x {UTF from, UTF to, f64 share}),
 *            UTF conceptRegion, connectivity {i32 K, 5 x f64}, stdp {9 x f64}, modulators {12 x f64},
 *            homeostasis {6 x f64}, assemblies {i32 size, i32 fanout, 4 x f64, i32 recallSteps, f64 prune, i32 replayCap,
 *            f64 encodingGain}
 *            where alif = 7 x f64 in AlifParams component order
 * state      i64 step, bool plasticity, f32[N] x {v, a, gain, rate, xPre, xPost, outSum},
 *            i32[N] x {refr, inP, inL, inI, inX}, forced (i32 n; n x i32 neuron), f32[4] modulators,
 *            i64[regions] spike totals
 * overlay    i32 S; i32[S] pre; i32[S] post; f32[S] w; f32[S] elig; i32 A; i32[A] active-list order
 * concepts   i32 C; C x UTF name            (assemblies are a pure function of id and seed)
 * replay     i32 R; R x {i32 len; i32[len] concept ids}
 * crc32      i32 over every byte before it
 * </pre>
 *
 * Readers fail with "too old", "too new" or "checksum failed"; arrays whose length disagrees with the config
 * fail as "corrupt".
 */
public final class BrainCodec {
  public static final int MAGIC = 0x454E4752;
  public static final String NAME = "engram.spiking.brain";
  public static final int VERSION = 1;
  public static final int MIN_VERSION = 1;

  private BrainCodec() {}

  public static byte[] save(Brain b) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      DataOutputStream out = new DataOutputStream(bytes);
      out.writeInt(MAGIC);
      out.writeUTF(NAME);
      out.writeInt(VERSION);
      writeConfig(out, b.config);
      out.writeLong(b.step);
      out.writeBoolean(b.plasticity);
      for (float[] f : new float[][] {b.v, b.a, b.gain, b.rate, b.xPre, b.xPost, b.outSum}) writeFloats(out, f, b.n);
      for (int[] f : new int[][] {b.refr, b.inP, b.inL, b.inI, b.inX}) writeInts(out, f, b.n);
      int forced = 0;
      for (int i = 0; i < b.n; i++) if (b.force[i] != 0) forced++;
      out.writeInt(forced);
      for (int i = 0; i < b.n; i++) if (b.force[i] != 0) out.writeInt(i);
      writeFloats(out, b.mod, 4);
      for (long t : b.regionSpikeTotals) out.writeLong(t);
      SynapseOverlay o = b.overlay;
      out.writeInt(o.size);
      writeInts(out, o.pre, o.size);
      writeInts(out, o.post, o.size);
      writeFloats(out, o.w, o.size);
      writeFloats(out, o.elig, o.size);
      out.writeInt(o.activeCount);
      writeInts(out, o.active, o.activeCount);
      out.writeInt(b.conceptNames.size());
      for (String s : b.conceptNames) out.writeUTF(s);
      out.writeInt(b.replay.size());
      for (int[] seq : b.replay) {
        out.writeInt(seq.length);
        writeInts(out, seq, seq.length);
      }
      out.flush();
      byte[] body = bytes.toByteArray();
      int crc = Crc32.of(body, 0, body.length);
      out.writeInt(crc);
      out.flush();
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new IllegalStateException("in-memory write failed", e);
    }
  }

  public static Brain load(byte[] data) {
    if (data == null || data.length < 16) throw new IllegalArgumentException("not a spiking brain snapshot: too short");
    try {
      DataInputStream in = new DataInputStream(new ByteArrayInputStream(data));
      if (in.readInt() != MAGIC) throw new IllegalArgumentException("not a spiking brain snapshot: bad magic");
      String name = in.readUTF();
      if (!NAME.equals(name)) throw new IllegalArgumentException("not a spiking brain snapshot: format name " + name);
      int version = in.readInt();
      if (version < MIN_VERSION) throw new IllegalArgumentException("spiking brain snapshot version " + version + " is too old (reader accepts " + MIN_VERSION + ".." + VERSION + ")");
      if (version > VERSION) throw new IllegalArgumentException("spiking brain snapshot version " + version + " is too new (reader accepts " + MIN_VERSION + ".." + VERSION + ")");
      int stored = ((data[data.length - 4] & 0xFF) << 24) | ((data[data.length - 3] & 0xFF) << 16) | ((data[data.length - 2] & 0xFF) << 8) | (data[data.length - 1] & 0xFF);
      if (Crc32.of(data, 0, data.length - 4) != stored) throw new IllegalArgumentException("spiking brain snapshot checksum failed");
      BrainConfig config = readConfig(in);
      Brain b = new Brain(config);
      b.step = in.readLong();
      b.plasticity = in.readBoolean();
      for (float[] f : new float[][] {b.v, b.a, b.gain, b.rate, b.xPre, b.xPost, b.outSum}) readFloats(in, f, b.n);
      for (int[] f : new int[][] {b.refr, b.inP, b.inL, b.inI, b.inX}) readInts(in, f, b.n);
      int forced = count(in, b.n, "forced neurons");
      for (int i = 0; i < forced; i++) b.force[index(in, b.n, "forced neuron")] = 1;
      readFloats(in, b.mod, 4);
      for (int r = 0; r < b.regionCount; r++) b.regionSpikeTotals[r] = in.readLong();
      int s = count(in, 500_000_000, "learned synapses");
      int[] pre = new int[s], post = new int[s];
      float[] w = new float[s], el = new float[s];
      readInts(in, pre, s);
      readInts(in, post, s);
      readFloats(in, w, s);
      readFloats(in, el, s);
      for (int i = 0; i < s; i++)
        if (pre[i] < 0 || pre[i] >= b.n || post[i] < 0 || post[i] >= b.n) throw new IllegalArgumentException("spiking brain snapshot corrupt: synapse " + i + " out of range");
      b.overlay.load(pre, post, w, el);
      int act = count(in, s, "active synapses");
      int[] active = new int[Math.max(64, act)];
      for (int i = 0; i < act; i++) active[i] = index(in, s, "active synapse");
      b.overlay.active = active;
      b.overlay.activeCount = act;
      int concepts = count(in, b.conceptCapacity(), "concepts");
      for (int i = 0; i < concepts; i++) b.concept(in.readUTF());
      int seqs = count(in, 100_000_000, "replay sequences");
      for (int i = 0; i < seqs; i++) {
        int len = count(in, 64, "sequence length");
        int[] seq = new int[len];
        for (int j = 0; j < len; j++) seq[j] = index(in, concepts, "sequence concept");
        b.replay.add(seq);
      }
      if (in.available() != 4) throw new IllegalArgumentException("spiking brain snapshot corrupt: " + (in.available() - 4) + " unexpected trailing bytes");
      return b;
    } catch (IOException e) {
      throw new IllegalArgumentException("spiking brain snapshot corrupt: truncated", e);
    }
  }

  private static int count(DataInputStream in, int max, String what) throws IOException {
    int c = in.readInt();
    if (c < 0 || c > max) throw new IllegalArgumentException("spiking brain snapshot corrupt: " + what + " count " + c + " not in [0, " + max + "]");
    return c;
  }

  private static int index(DataInputStream in, int bound, String what) throws IOException {
    int c = in.readInt();
    if (c < 0 || c >= bound) throw new IllegalArgumentException("spiking brain snapshot corrupt: " + what + " " + c + " not in [0, " + bound + ")");
    return c;
  }

  private static void writeFloats(DataOutputStream out, float[] f, int n) throws IOException {
    for (int i = 0; i < n; i++) out.writeInt(Float.floatToRawIntBits(f[i]));
  }

  private static void writeInts(DataOutputStream out, int[] f, int n) throws IOException {
    for (int i = 0; i < n; i++) out.writeInt(f[i]);
  }

  private static void readFloats(DataInputStream in, float[] f, int n) throws IOException {
    for (int i = 0; i < n; i++) f[i] = Float.intBitsToFloat(in.readInt());
  }

  private static void readInts(DataInputStream in, int[] f, int n) throws IOException {
    for (int i = 0; i < n; i++) f[i] = in.readInt();
  }

  private static void writeAlif(DataOutputStream out, AlifParams p) throws IOException {
    for (double d : new double[] {p.tauMemMs(), p.vRestMv(), p.vResetMv(), p.vThreshMv(), p.tauAdaptMs(), p.adaptJumpMv(), p.refractoryMs()}) out.writeDouble(d);
  }

  private static AlifParams readAlif(DataInputStream in) throws IOException {
    return new AlifParams(in.readDouble(), in.readDouble(), in.readDouble(), in.readDouble(), in.readDouble(), in.readDouble(), in.readDouble());
  }

  private static void writeConfig(DataOutputStream out, BrainConfig c) throws IOException {
    out.writeDouble(c.scale());
    out.writeLong(c.seed());
    out.writeDouble(c.dtMs());
    out.writeInt(c.regions().size());
    for (RegionSpec r : c.regions()) {
      out.writeUTF(r.name());
      out.writeInt(r.fullScaleNeurons());
      writeAlif(out, r.excitatory());
    }
    writeAlif(out, c.inhibitory());
    out.writeDouble(c.excitatoryFraction());
    out.writeInt(c.projections().size());
    for (Projection p : c.projections()) {
      out.writeUTF(p.from());
      out.writeUTF(p.to());
      out.writeDouble(p.share());
    }
    out.writeUTF(c.conceptRegion());
    ConnectivityParams k = c.connectivity();
    out.writeInt(k.synapsesPerNeuron());
    for (double d : new double[] {k.localFraction(), k.wExcMv(), k.inhibitoryRatio(), k.noiseMeanMvPerMs(), k.noiseSdMv()}) out.writeDouble(d);
    StdpParams s = c.stdp();
    for (double d : new double[] {s.aPlus(), s.aMinus(), s.tauPlusMs(), s.tauMinusMs(), s.tauEligMs(), s.learningRate(), s.wMaxMv(), s.wInitMv(), s.outBudgetMv()}) out.writeDouble(d);
    ModulatorParams m = c.modulators();
    for (double d : new double[] {m.baseDopamine(), m.baseAcetylcholine(), m.baseNorepinephrine(), m.baseSerotonin(), m.tauMs(), m.dopamineTauMs(),
        m.achRecurrentSuppression(), m.achInputBoost(), m.neGain(), m.serotoninThresholdMv(), m.imprintDopamine(), m.replayDopamine()}) out.writeDouble(d);
    HomeostasisParams h = c.homeostasis();
    for (double d : new double[] {h.targetRateHz(), h.tauRateMs(), h.intervalMs(), h.rate(), h.gainMin(), h.gainMax()}) out.writeDouble(d);
    AssemblyParams a = c.assemblies();
    out.writeInt(a.size());
    out.writeInt(a.fanout());
    for (double d : new double[] {a.offsetMs(), a.gapMs(), a.injectMv(), a.injectMs()}) out.writeDouble(d);
    out.writeInt(a.recallSteps());
    out.writeDouble(a.pruneBelowMv());
    out.writeInt(a.replayCapacity());
    out.writeDouble(a.encodingGain());
  }

  private static BrainConfig readConfig(DataInputStream in) throws IOException {
    double scale = in.readDouble();
    long seed = in.readLong();
    double dt = in.readDouble();
    int nr = in.readInt();
    if (nr < 1 || nr > 64) throw new IllegalArgumentException("spiking brain snapshot corrupt: region count " + nr);
    List<RegionSpec> regions = new ArrayList<>();
    for (int i = 0; i < nr; i++) regions.add(new RegionSpec(in.readUTF(), in.readInt(), readAlif(in)));
    AlifParams inh = readAlif(in);
    double ef = in.readDouble();
    int np = in.readInt();
    if (np < 0 || np > 64 * 64) throw new IllegalArgumentException("spiking brain snapshot corrupt: projection count " + np);
    List<Projection> projections = new ArrayList<>();
    for (int i = 0; i < np; i++) projections.add(new Projection(in.readUTF(), in.readUTF(), in.readDouble()));
    String conceptRegion = in.readUTF();
    ConnectivityParams k = new ConnectivityParams(in.readInt(), in.readDouble(), in.readDouble(), in.readDouble(), in.readDouble(), in.readDouble());
    StdpParams s = new StdpParams(in.readDouble(), in.readDouble(), in.readDouble(), in.readDouble(), in.readDouble(), in.readDouble(), in.readDouble(), in.readDouble(), in.readDouble());
    ModulatorParams m = new ModulatorParams(in.readDouble(), in.readDouble(), in.readDouble(), in.readDouble(), in.readDouble(), in.readDouble(),
        in.readDouble(), in.readDouble(), in.readDouble(), in.readDouble(), in.readDouble(), in.readDouble());
    HomeostasisParams h = new HomeostasisParams(in.readDouble(), in.readDouble(), in.readDouble(), in.readDouble(), in.readDouble(), in.readDouble());
    AssemblyParams a = new AssemblyParams(in.readInt(), in.readInt(), in.readDouble(), in.readDouble(), in.readDouble(), in.readDouble(), in.readInt(), in.readDouble(), in.readInt(), in.readDouble());
    return new BrainConfig(scale, seed, dt, regions, inh, ef, projections, conceptRegion, k, s, m, h, a);
  }
}
