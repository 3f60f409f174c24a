package dev.engram.server;

import dev.engram.neuron.train.TrainRouter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code engram train}: trains the dispatcher's router from the project's own generated corpus, with a
 * progress line every few steps, and writes {@code router.i8} (int8 weights) and {@code router.bpe}
 * (tokenizer) into {@code --out}. The defaults are the recipe of the shipped router
 * ({@link TrainRouter.Settings#DEFAULT}); the same seed gives the same bytes.
 */
@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    description = {
      "Train the dispatcher's router (int8 transformer) on the generated corpus and write router.i8 and",
      "router.bpe into --out. Defaults are the shipped model's recipe (about 10 minutes on one core);",
      "the same --seed gives the same files. A router.ckpt left in --out by an interrupted run is resumed.",
      "Load the result with Router.fromBytes, or copy both files over core's resources to ship them."
    })
final class TrainVerb implements Callable<Integer> {
  @ParentCommand Cli cli;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "folder for router.i8 and router.bpe")
  Path out;

  @Option(names = "--seed", paramLabel = "N", description = "seeds corpus, initialisation and data order (default: 7)")
  Long seed;

  @Option(names = "--steps", paramLabel = "N", description = "optimiser steps (default: 8000)")
  Integer steps;

  @Option(names = "--batch", paramLabel = "N", description = "sequences per step (default: 16)")
  Integer batch;

  @Option(names = "--lr", paramLabel = "X", description = "peak learning rate (default: 0.002)")
  Float lr;

  @Option(names = "--examples", paramLabel = "N", description = "generated training sequences (default: 100000)")
  Integer examples;

  @Option(names = "--validation", paramLabel = "N", description = "generated validation sequences (default: 2000)")
  Integer validation;

  @Option(names = "--vocab", paramLabel = "N", description = "BPE vocabulary size (default: 1024)")
  Integer vocab;

  @Option(names = "--context", paramLabel = "N", description = "context length in tokens (default: 128)")
  Integer context;

  @Option(names = "--dim", paramLabel = "N", description = "model width (default: 64)")
  Integer dim;

  @Option(names = "--heads", paramLabel = "N", description = "attention heads (default: 4)")
  Integer heads;

  @Option(names = "--layers", paramLabel = "N", description = "transformer layers (default: 2)")
  Integer layers;

  @Option(names = "--ffn", paramLabel = "N", description = "feed-forward width (default: 128)")
  Integer ffn;

  @Option(names = "--heldout", paramLabel = "FILE",
      description = "a hand-written routing set (ROUTE | value | message | facts...) to score the result on")
  Path heldOut;

  @Override
  public Integer call() throws IOException {
    Map<String, String> kv = new HashMap<>();
    put(kv, "seed", seed);
    put(kv, "steps", steps);
    put(kv, "batch", batch);
    put(kv, "lr", lr);
    put(kv, "train", examples);
    put(kv, "val", validation);
    put(kv, "vocab", vocab);
    put(kv, "context", context);
    put(kv, "dim", dim);
    put(kv, "heads", heads);
    put(kv, "layers", layers);
    put(kv, "ffn", ffn);
    TrainRouter.Settings settings = TrainRouter.Settings.DEFAULT.with(kv);
    TrainRouter.Result r = TrainRouter.train(settings, out, heldOut, line -> {
      cli.out.println(line);
      cli.out.flush();
    });
    cli.out.println("done: validation " + percent(r.validationInt8()) + " (int8), " + percent(r.validationFloat())
        + " (float); " + r.modelBytes() + " bytes of weights in " + out.resolve("router.i8"));
    return Cli.OK;
  }

  private static void put(Map<String, String> kv, String key, Object value) {
    if (value != null) {
      kv.put(key, value.toString());
    }
  }

  private static String percent(double share) {
    return Math.round(share * 10000) / 100.0 + "%";
  }
}
