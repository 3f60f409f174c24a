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
    scripted.add(new SpikingActivation(concept, activation, control, activation > control * 1.5, false));
    return this;
  }

  SpikingRecallTestDouble predict(String concept, double activation, double control) {
    scripted.add(new SpikingActivation(concept, activation, control, activation > control * 1.5, true));
    return this;
  }

  @Override
  public List<SpikingActivation> recall(List<String> seeds, int limit) {
    calls.add(List.copyOf(seeds));
    return scripted.size() <= limit ? List.copyOf(scripted) : List.copyOf(scripted.subList(0, limit));
  }
}
