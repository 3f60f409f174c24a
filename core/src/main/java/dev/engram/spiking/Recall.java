package dev.engram.spiking;

import java.util.List;

/**
 * The outcome of a spiking recall: concepts other than the seeds ranked by how many spikes their assemblies
 * fired within the step budget (ties: earlier first spike, then older concept), and the budget used.
 */
public record Recall(List<Hit> ranked, int steps, long totalSpikes) {
  /** One recalled concept: its spikes, the step of its first spike, and spikes per assembly neuron. */
  public record Hit(String concept, int spikes, int firstSpikeStep, double spikesPerNeuron) {}

  /** Position of {@code concept} in the ranking (0 = top), or -1 when it did not fire. */
  public int rankOf(String concept) {
    for (int i = 0; i < ranked.size(); i++) if (ranked.get(i).concept().equals(concept)) return i;
    return -1;
  }
}
