/**
 * Perception: the plain math between a picture or a sound and an encoder. It owns the inputs
 * ({@link dev.engram.perception.Pixels}, {@link dev.engram.perception.AudioClip}), the encoder contracts
 * for them ({@link dev.engram.perception.ImageEncoder}, {@link dev.engram.perception.AudioEncoder}; the
 * text one is {@link dev.engram.semantic.Encoder}), and the pre-processing every encoder shares: image
 * resize, centre crop and normalisation ({@link dev.engram.perception.ImagePrep}), WAV decoding and
 * resampling ({@link dev.engram.perception.Wav}, {@link dev.engram.perception.AudioClip#resampled}), and
 * the log-mel spectrogram ({@link dev.engram.perception.LogMel}); and the built-in encoders that need no model
 * file ({@link dev.engram.perception.ColourLayoutEncoder}: colour, layout and edges;
 * {@link dev.engram.perception.SpectralShapeEncoder}: spectral envelope, motion and loudness/brightness
 * envelope), computed with basic floating-point operations only so they are bit-identical on the JVM and in
 * wasm (their math lives in a package-private helper, ExactMath). It lives in core, with no threads,
 * reflection, regex or dependencies, so the JVM and wasm hosts feed an ONNX model exactly the same
 * numbers; running a model is the hosts' business, never this package's.
 */
package dev.engram.perception;
