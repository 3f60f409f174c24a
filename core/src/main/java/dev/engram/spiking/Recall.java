package dev.engram.spiking;

import java.util.List;

/**
 * The outcome of a spiking recall: concepts other than the seeds ranked by how many more spikes their assemblies
 * fired with the seeds injected than without (same noise), within the step budget (ties: earlier first evoked
 * spike, then older concept); the budget used; and all spikes of the evoked pass.
 */
public record Recall(List<Hit> ranked, int steps, long totalSpikes) {
  /** One recalled concept: evoked minus spontaneous spikes, the step of its first evoked spike, and the score per assembly neuron. */
  public record Hit(String concept, int spikes, int firstSpikeStep, double spikesPerNeuron) {}

  /** Position of {@code concept} in the ranking (0 = top), or -1 when it did not fire. */
  public int rankOf(String concept) {
    for (int i = 0; i < ranked.size(); i++) if (ranked.get(i).concept().equals(concept)) return i;
    return -1;
  }
}
