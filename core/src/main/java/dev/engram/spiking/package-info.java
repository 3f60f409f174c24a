/**
 * The spiking brain: Cortex's ten-region adaptive leaky integrate-and-fire (ALIF) network, scaled by one
 * factor, with procedural (hash-regenerated) random synapses plus a sparse overlay of learned synapses,
 * three-factor STDP gated by dopamine, four neuromodulators, concept assemblies, triple and sequence
 * imprinting, spiking recall, sleep, perception (an embedding latency-coded into a sensory region, rate-decoded
 * back, recognised by or bound to concept assemblies: {@link dev.engram.spiking.LatencyCode},
 * {@link dev.engram.spiking.Senses}), and an exact versioned snapshot format; plus a separate
 * conductance-based LIF model ({@link dev.engram.spiking.CobaNetwork}) for the Vogels–Abbott COBA benchmark.
 *
 * <p>Owns: neuron models and their parameter records ({@link dev.engram.spiking.AlifParams},
 * {@link dev.engram.spiking.CobaParams}, ...), the {@link dev.engram.spiking.Brain} state, the
 * {@link dev.engram.spiking.Stepper} contract and its single-threaded implementation, and the brain's binary
 * format ({@link dev.engram.spiking.BrainCodec}). Must not use: threads, locks, reflection, regex,
 * {@code String.format}, {@code java.util.Random}, or {@code Math.exp/log/pow} on any path whose result decides a
 * spike (their last bit may differ between the JVM and TeaVM's wasm; {@code Math.sqrt}, {@code floor} and
 * {@code round} are exact or correctly rounded and are allowed). Randomness comes from
 * {@link dev.engram.spiking.Det}'s SplitMix64 hashing and decay factors from {@link Det#exp}, which uses only
 * IEEE-754 basic operations, so the same seed gives the same spikes on every runtime (checked by
 * docs/spiking-wasm-probe). See docs/SPIKING.md.
 */
package dev.engram.spiking;
