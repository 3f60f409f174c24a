package dev.engram.spiking;

/**
 * Advances a {@link Brain} by one clock step. Core ships {@link SerialStepper}; the JVM can plug in a parallel
 * one built from the same public phases, which are designed for it:
 * <ol>
 *   <li>{@link Brain#updateNeurons} over disjoint neuron ranges is independent per neuron; concatenating each
 *       range's spikes in range order gives the serial (ascending) spike list;</li>
 *   <li>{@link Brain#commitSpikes} and {@link Brain#learn} are serial;</li>
 *   <li>{@link Brain#deliver} into private accumulators per thread, then {@link Brain#addAccumulators}: input is
 *       summed in integers (fixed point), so the order of addition cannot change a single bit;</li>
 *   <li>{@link Brain#endStep} is serial.</li>
 * </ol>
 * Any stepper that keeps these rules produces exactly the spikes of the serial one.
 */
public interface Stepper {
  void step(Brain brain);
}
