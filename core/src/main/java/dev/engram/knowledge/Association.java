package dev.engram.knowledge;

import java.util.List;

/**
 * One recalled concept.
 *
 * @param concept graph concept id, or -1 for a concept only the spiking side knows
 * @param name display name
 * @param strength ranking score; graph recall: summed best path activation over seeds, in (0, seeds];
 *     merged recall: the merged score of {@link RecallMerger}
 * @param tag where it came from, see {@link Tag}
 * @param hops edges from the nearest seed on the graph path (0 for spiking-only)
 * @param via the concept it was reached from on that path, or -1
 * @param triples ids of the triples on the edge it was reached through: the grounding
 * @param spikingActivation the spiking activation, or 0 when spiking recall was not run or did not reach it
 */
public record Association(
    int concept, String name, double strength, Tag tag, int hops, int via, List<Integer> triples,
    double spikingActivation) {

  /** Strength scaled to an integer percent of the strongest association, for display. */
  public int percentOf(double strongest) {
    return strongest <= 0 ? 0 : (int) Math.round(100.0 * strength / strongest);
  }
}
