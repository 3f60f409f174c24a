package probe;

import dev.engram.spiking.*;
import org.teavm.jso.JSExport;

public class Probe {
  public static void main(String[] args) {
    if (args.length > 1) { for (int i = 0; i < 3; i++) System.out.println(bench(Double.parseDouble(args[0]), Integer.parseInt(args[1]))); return; }
    if (args.length > 0) System.out.println(run(Integer.parseInt(args[0])) + " coba " + coba());
  }

  /** Hash of every spike list of a small brain that imprints, recalls, sleeps, saves and reloads. */
  @JSExport
  public static String run(int steps) {
    Brain b = new Brain(BrainConfig.cortex(0.002, 7).withAssemblies(new AssemblyParams(10, 10, 5, 50, 6, 5, 30, 0.05, 1000, 0.0)));
    int h = 17;
    long spikes = 0;
    for (int t = 0; t < steps; t++) {
      b.step(1);
      int[] s = b.spikeBuffer();
      for (int i = 0; i < b.lastSpikeCount(); i++) h = h * 31 + s[i];
      spikes += b.lastSpikeCount();
    }
    b.imprintTriple("a", "r", "b");
    b.imprintTriple("c", "r", "d");
    Recall r = b.recall("a");
    b.sleep();
    byte[] saved = BrainCodec.save(b);
    Brain c = BrainCodec.load(saved);
    c.step(50);
    int crc = 0;
    byte[] again = BrainCodec.save(c);
    for (byte x : again) crc = crc * 31 + x;
    return "spikes " + spikes + " hash " + h + " recall " + r.ranked().size() + " top " + (r.ranked().isEmpty() ? "-" : r.ranked().get(0).concept())
        + " w " + Float.floatToRawIntBits((float) b.meanWeight("a", "r")) + " snapshot " + saved.length + " after " + crc;
  }

  @JSExport
  public static String bench(double scale, int steps) {
    Brain b = new Brain(BrainConfig.cortex(scale, 42));
    b.step(200);
    long t0 = System.currentTimeMillis();
    b.step(steps);
    long t1 = System.currentTimeMillis();
    long spikes = 0;
    for (int r = 0; r < b.regionCount(); r++) spikes += b.totalSpikes(r);
    return "scale " + scale + " ms/step " + (t1 - t0) / (double) steps + " spikes " + spikes;
  }

  @JSExport
  public static String coba() {
    CobaNetwork.Result r = new CobaNetwork(CobaParams.brian2Benchmark(), 3).run(200);
    return r.spikes() + "/" + Double.doubleToRawLongBits(r.cvIsi());
  }
}
