package dev.engram.knowledge;

import java.util.ArrayList;
import java.util.List;

/**
 * Test double of {@link SpikingRecall}: returns scripted activations and records the seeds it was
 * given. It stands in for the spiking brain (written elsewhere) so the merge and tag logic can be
 * tested; it simulates nothing.
 */
final class SpikingRecallTestDouble implements SpikingRecall {
  final List<SpikingActivation> scripted = new ArrayList<>();
  final List<List<String>> calls = new ArrayList<>();

  SpikingRecallTestDouble activate(String concept, double activation, double control) {
    scripted.add(scripted(concept, activation, control, false));
    return this;
  }

  SpikingRecallTestDouble predict(String concept, double activation, double control) {
    scripted.add(scripted(concept, activation, control, true));
    return this;
  }

  /** Scripted as 19 control runs: all below when activation > 1.5 x control (p = 0.05), else all at or above (p = 1). */
  private static SpikingActivation scripted(String concept, double activation, double control, boolean predicted) {
    boolean beats = activation > control * 1.5;
    return new SpikingActivation(concept, activation, control, beats, predicted, 19, beats ? 0 : 19);
  }

  /** An activation reported with the given control counts, as is. */
  SpikingRecallTestDouble raw(SpikingActivation a) {
    scripted.add(a);
    return this;
  }

  @Override
  public List<SpikingActivation> recall(List<String> seeds, int limit) {
    calls.add(List.copyOf(seeds));
    return scripted.size() <= limit ? List.copyOf(scripted) : List.copyOf(scripted.subList(0, limit));
  }
}
