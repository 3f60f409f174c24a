package dev.engram.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.engram.server.brain.BrainHost;
import dev.engram.server.brain.Media;
import dev.engram.spiking.Brain;
import dev.engram.spiking.Percept;
import dev.engram.spiking.Recall;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code engram brain ...}: the spiking brain (dev.engram.spiking) on the command line, and its JSON shapes
 * shared with HTTP. The CLI's brain is the file {@code brain.bin} under --db: loaded at the start of each verb
 * (created at --scale / ENGRAM_SPIKING_SCALE / 0.01 with a fixed seed when missing) and saved after a verb that
 * changes it (temporary file, then rename). Two processes mutating the same file at once: the last save wins.
 */
public final class BrainVerbs {
  private BrainVerbs() {}

  /** The CLI's brain file under a data directory. */
  public static final String FILE = "brain.bin";

  /** {@code {"scale", "neurons", "proceduralSynapses", "learnedSynapses", "timeMs", "concepts", "conceptCapacity", "regions": [{"name", "neurons", "rateHz"}], "modulators": {...}}} */
  public static ObjectNode status(BrainHost.Status s) {
    ObjectNode node = Json.MAPPER.createObjectNode()
        .put("scale", s.scale())
        .put("neurons", s.neurons())
        .put("proceduralSynapses", s.proceduralSynapses())
        .put("learnedSynapses", s.learnedSynapses())
        .put("timeMs", s.timeMs())
        .put("concepts", s.concepts())
        .put("conceptCapacity", s.conceptCapacity());
    regions(node.putArray("regions"), s.regions());
    modulators(node.putObject("modulators"), s.modulators());
    return node;
  }

  /** {@code {"name": level, ...}}: modulator levels as status and the event stream report them. */
  public static void modulators(ObjectNode into, Map<String, Float> levels) {
    for (Map.Entry<String, Float> e : levels.entrySet()) into.put(e.getKey(), e.getValue());
  }

  /** {@code {"ms", "timeMs", "wallMs", "regions": [{"name", "neurons", "rateHz"}]}}: rates over the steps just run. */
  public static ObjectNode stepped(BrainHost.StepReport r) {
    ObjectNode node = Json.MAPPER.createObjectNode().put("ms", r.ms()).put("timeMs", r.timeMs())
        .put("wallMs", Math.round(r.wallMs() * 10) / 10.0);
    regions(node.putArray("regions"), r.regions());
    return node;
  }

  /** {@code {"concept", "ranked": [{"concept", "spikes", "firstSpikeStep", "spikesPerNeuron"}]}}, best first. */
  public static ObjectNode recalled(String concept, List<Recall.Hit> hits) {
    ObjectNode node = Json.MAPPER.createObjectNode().put("concept", concept);
    ArrayNode list = node.putArray("ranked");
    for (Recall.Hit h : hits) {
      list.addObject().put("concept", h.concept()).put("spikes", h.spikes()).put("firstSpikeStep", h.firstSpikeStep())
          .put("spikesPerNeuron", h.spikesPerNeuron());
    }
    return node;
  }

  /** {@code {"replayed", "pruned", "remaining"}}: what a sleep did (HTTP; the CLI prints one line). */
  public static ObjectNode slept(dev.engram.spiking.Brain.SleepReport r) {
    return Json.MAPPER.createObjectNode().put("replayed", r.replayed()).put("pruned", r.pruned()).put("remaining", r.remaining());
  }

  /**
   * {@code {"region", "label", "cosine", "dimension", "groupSize", "steps", "sensorySpikes", "boundSynapses",
   * "ranked": [{"concept", "spikes", "firstSpikeStep", "spikesPerNeuron"}]}}: what watch and listen answer, the
   * ranking cut to {@code k}, the round-trip cosine rounded to 4 decimals.
   */
  public static ObjectNode perceived(Percept p, int k) {
    if (k < 1 || k > BrainHost.MAX_K) throw new IllegalArgumentException("k must be between 1 and " + BrainHost.MAX_K + ", got " + k);
    ObjectNode node = Json.MAPPER.createObjectNode().put("region", p.region());
    if (p.label() == null) node.putNull("label");
    else node.put("label", p.label());
    node.put("cosine", Math.round(p.cosine() * 10000) / 10000.0).put("dimension", p.dimension()).put("groupSize", p.groupSize())
        .put("steps", p.steps()).put("sensorySpikes", p.sensorySpikes()).put("boundSynapses", p.boundSynapses());
    ArrayNode list = node.putArray("ranked");
    for (Recall.Hit h : p.ranked().subList(0, Math.min(k, p.ranked().size()))) {
      list.addObject().put("concept", h.concept()).put("spikes", h.spikes()).put("firstSpikeStep", h.firstSpikeStep())
          .put("spikesPerNeuron", h.spikesPerNeuron());
    }
    return node;
  }

  /** {@code [{"name", "neurons", "rateHz"}]}, rates rounded to 0.01 Hz: every brain answer's region list. */
  public static void regions(ArrayNode array, List<BrainHost.Region> regions) {
    for (BrainHost.Region r : regions) {
      array.addObject().put("name", r.name()).put("neurons", r.neurons()).put("rateHz", Math.round(r.rateHz() * 100) / 100.0);
    }
  }

  private static String rates(List<BrainHost.Region> regions) {
    StringBuilder b = new StringBuilder();
    for (BrainHost.Region r : regions) {
      b.append(String.format("  %-12s %9d neurons %8.2f Hz%n", r.name(), r.neurons(), r.rateHz()));
    }
    return b.toString();
  }

  @Command(
      name = "brain",
      mixinStandardHelpOptions = true,
      description = {
        "The spiking brain: Cortex's ten ALIF regions with concept assemblies, kept in brain.bin under --db.",
        "A missing brain.bin is created at --scale (or ENGRAM_SPIKING_SCALE, default 0.01 = 20,000 neurons)."
      },
      subcommands = {BrainVerbs.Status.class, BrainVerbs.Step.class, BrainVerbs.Imprint.class, BrainVerbs.RecallVerb.class,
        BrainVerbs.Watch.class, BrainVerbs.Listen.class, BrainVerbs.Sleep.class, BrainVerbs.Save.class, BrainVerbs.Load.class},
      footerHeading = "%nExamples:%n",
      footer = {
        "  engram brain imprint cat is animal      engram brain recall cat -k 5",
        "  engram brain step 200                   engram brain status --json",
        "  engram brain save snap.bin              engram brain load snap.bin",
        "  engram brain watch cat.png --label cat  engram brain watch photo.jpg",
        "  engram brain listen bell.wav --label bell",
        "  engram brain --image-model clip.model watch photo.jpg   (an ONNX image model; see docs/ENCODERS.md)",
      })
  static final class Group implements Callable<Integer> {
    @ParentCommand Cli cli;

    @Option(names = "--scale", paramLabel = "S", description = "scale of a NEW brain (0.01 = 20,000 neurons, 1.0 = 2M); ignored when brain.bin exists")
    Double scale;

    @Mixin dev.engram.server.brain.SenseModels senses;

    @Override
    public Integer call() {
      cli.err.println("engram: brain needs a verb: status, step, imprint, recall, watch, listen, sleep, save, load.");
      cli.err.println("Try 'engram brain --help'.");
      return Cli.BAD_INPUT;
    }

    Path file() {
      return dev.engram.server.store.Stores.sidecar(cli.db, FILE);
    }

    BrainHost open() throws IOException {
      BrainHost loaded = BrainHost.load(file());
      BrainHost host = loaded != null ? loaded : BrainHost.create(BrainHost.scale(scale, System.getenv("ENGRAM_SPIKING_SCALE")));
      try {
        senses.applyTo(host);
      } catch (RuntimeException e) {
        host.close();
        throw e;
      }
      return host;
    }
  }

  @Command(name = "status", mixinStandardHelpOptions = true, description = "Scale, neurons per region, synapses, time, mean rates, modulator levels.")
  static final class Status implements Callable<Integer> {
    @ParentCommand Group group;

    @Option(names = "--json", description = "print one JSON object")
    boolean json;

    @Override
    public Integer call() throws IOException {
      try (BrainHost host = group.open()) {
        BrainHost.Status s = host.status();
        if (json) {
          group.cli.out.println(status(s));
        } else {
          group.cli.out.printf("scale %s: %,d neurons, %,d procedural synapses, %,d learned; time %.0f ms; %d concepts of %d%n",
              s.scale(), s.neurons(), s.proceduralSynapses(), s.learnedSynapses(), s.timeMs(), s.concepts(), s.conceptCapacity());
          group.cli.out.print(rates(s.regions()));
          StringBuilder m = new StringBuilder("  modulators:");
          s.modulators().forEach((k, v) -> m.append(' ').append(k).append(' ').append(String.format("%.3f", v)));
          group.cli.out.println(m);
        }
      }
      return Cli.OK;
    }
  }

  @Command(name = "step", mixinStandardHelpOptions = true, description = "Run N ms of brain time (default 100, at most 10,000) and print each region's rate over them.")
  static final class Step implements Callable<Integer> {
    @ParentCommand Group group;

    @Parameters(index = "0", arity = "0..1", paramLabel = "N", description = "milliseconds (default ${DEFAULT-VALUE})")
    int ms = 100;

    @Option(names = "--json", description = "print one JSON object")
    boolean json;

    @Override
    public Integer call() throws IOException {
      try (BrainHost host = group.open()) {
        BrainHost.StepReport r = host.step(ms);
        host.save(group.file());
        if (json) {
          group.cli.out.println(stepped(r));
        } else {
          group.cli.out.printf("stepped %d ms in %.1f ms; brain time %.0f ms%n", r.ms(), r.wallMs(), r.timeMs());
          group.cli.out.print(rates(r.regions()));
        }
      }
      return Cli.OK;
    }
  }

  @Command(name = "imprint", mixinStandardHelpOptions = true, description = "Imprint the triple SUBJECT -> RELATION -> OBJECT as timed assembly spikes (STDP sets the weights).")
  static final class Imprint implements Callable<Integer> {
    @ParentCommand Group group;

    @Parameters(index = "0", paramLabel = "SUBJECT") String subject;
    @Parameters(index = "1", paramLabel = "RELATION") String relation;
    @Parameters(index = "2", paramLabel = "OBJECT") String object;

    @Override
    public Integer call() throws IOException {
      try (BrainHost host = group.open()) {
        host.imprint(subject, relation, object);
        host.save(group.file());
        BrainHost.Status s = host.status();
        group.cli.out.printf("imprinted %s -> %s -> %s (%d concepts, %,d learned synapses)%n", subject, relation, object,
            s.concepts(), s.learnedSynapses());
      }
      return Cli.OK;
    }
  }

  @Command(name = "recall", mixinStandardHelpOptions = true, description = "Spiking recall from CONCEPT: the concepts its assembly drives, best first (exit 3 when none fires).")
  static final class RecallVerb implements Callable<Integer> {
    @ParentCommand Group group;

    @Parameters(index = "0", paramLabel = "CONCEPT") String concept;

    @Option(names = "-k", paramLabel = "N", description = "how many concepts (default ${DEFAULT-VALUE})")
    int k = 5;

    @Option(names = "--json", description = "print one JSON object")
    boolean json;

    @Override
    public Integer call() throws IOException {
      try (BrainHost host = group.open()) {
        List<Recall.Hit> hits = host.recall(concept, k);
        if (json) {
          group.cli.out.println(recalled(concept, hits));
        } else {
          for (Recall.Hit h : hits) group.cli.out.printf("%s\t%d\t%.3f%n", h.concept(), h.spikes(), h.spikesPerNeuron());
        }
        return hits.isEmpty() ? Cli.NO_ANSWER : Cli.OK;
      }
    }
  }

  /** watch and listen: read the file, perceive, save the brain when a label changed it, print the percept. */
  abstract static class Perceive implements Callable<Integer> {
    @ParentCommand Group group;

    @Parameters(index = "0", paramLabel = "FILE") Path file;

    @Option(names = "--label", paramLabel = "L", description = "bind what is perceived to concept L (the brain learns; saved to brain.bin)")
    String label;

    @Option(names = "-k", paramLabel = "N", description = "how many recognised concepts to list (default ${DEFAULT-VALUE})")
    int k = 5;

    @Option(names = "--json", description = "print one JSON object")
    boolean json;

    abstract Percept perceive(BrainHost host, byte[] bytes);

    @Override
    public Integer call() throws IOException {
      if (k < 1 || k > BrainHost.MAX_K) throw new IllegalArgumentException("k must be between 1 and " + BrainHost.MAX_K + ", got " + k);
      byte[] bytes;
      try {
        long size = Files.size(file);
        if (size > Media.MAX_BYTES) throw new IllegalArgumentException(file + " is " + size + " bytes; the limit is " + Media.MAX_BYTES + " (16 MiB)");
        bytes = Files.readAllBytes(file);
      } catch (java.nio.file.NoSuchFileException e) {
        throw new IllegalArgumentException("no such file: " + file);
      }
      try (BrainHost host = group.open()) {
        Percept p;
        try {
          p = perceive(host, bytes);
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
        if (label != null) host.save(group.file());
        ObjectNode node = perceived(p, k);
        if (json) {
          group.cli.out.println(node);
        } else {
          group.cli.out.printf("%s: round-trip cosine %.3f over %d groups of %d cells, %d spikes%s%n", p.region(), p.cosine(),
              p.dimension(), p.groupSize(), p.sensorySpikes(), p.label() == null ? "" : "; bound to " + p.label() + " (" + p.boundSynapses() + " synapse writes)");
          for (Recall.Hit h : p.ranked().subList(0, Math.min(k, p.ranked().size()))) {
            group.cli.out.printf("%s\t%d\t%.3f%n", h.concept(), h.spikes(), h.spikesPerNeuron());
          }
        }
        return label == null && p.ranked().isEmpty() ? Cli.NO_ANSWER : Cli.OK;
      }
    }
  }

  @Command(name = "watch", mixinStandardHelpOptions = true, description = {
      "Show IMAGE (PNG, JPEG, GIF, BMP; at most 16 MiB) to the visual region: built-in colour/layout encoder, latency code,",
      "then the concepts it drives, best first (exit 3 when none). With --label, bind the picture to that concept."})
  static final class Watch extends Perceive {
    @Override
    Percept perceive(BrainHost host, byte[] bytes) {
      return host.watch(Media.image(bytes), label);
    }
  }

  @Command(name = "listen", mixinStandardHelpOptions = true, description = {
      "Play WAV (PCM 8/16/24/32 or float 32; at most 16 MiB and 60 s) to the auditory region: built-in spectral encoder,",
      "latency code, then the concepts it drives, best first (exit 3 when none). With --label, bind the sound to that concept."})
  static final class Listen extends Perceive {
    @Override
    Percept perceive(BrainHost host, byte[] bytes) {
      return host.listen(Media.wav(bytes), label);
    }
  }

  @Command(name = "sleep", mixinStandardHelpOptions = true, description = "Replay every imprinted sequence, then prune learned synapses STDP drove down.")
  static final class Sleep implements Callable<Integer> {
    @ParentCommand Group group;

    @Override
    public Integer call() throws IOException {
      try (BrainHost host = group.open()) {
        Brain.SleepReport r = host.sleep();
        host.save(group.file());
        group.cli.out.printf("replayed %d, pruned %d, %d learned synapses remain%n", r.replayed(), r.pruned(), r.remaining());
      }
      return Cli.OK;
    }
  }

  @Command(name = "save", mixinStandardHelpOptions = true, description = "Copy the brain to FILE (versioned snapshot, CRC-checked).")
  static final class Save implements Callable<Integer> {
    @ParentCommand Group group;

    @Parameters(index = "0", paramLabel = "FILE") Path file;

    @Override
    public Integer call() throws IOException {
      try (BrainHost host = group.open()) {
        host.save(file);
        group.cli.out.println("saved " + Files.size(file) + " bytes to " + file);
      }
      return Cli.OK;
    }
  }

  @Command(name = "load", mixinStandardHelpOptions = true, description = "Replace the brain with the snapshot in FILE (a bad file is refused, the brain kept).")
  static final class Load implements Callable<Integer> {
    @ParentCommand Group group;

    @Parameters(index = "0", paramLabel = "FILE") Path file;

    @Override
    public Integer call() throws IOException {
      BrainHost host;
      try {
        host = BrainHost.load(file);
      } catch (IOException e) {
        throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
      }
      if (host == null) throw new IllegalArgumentException("no such file: " + file);
      try (host) {
        host.save(group.file());
        BrainHost.Status s = host.status();
        group.cli.out.printf("loaded %s: scale %s, %,d neurons, %d concepts, time %.0f ms%n", file, s.scale(), s.neurons(),
            s.concepts(), s.timeMs());
      }
      return Cli.OK;
    }
  }
}
