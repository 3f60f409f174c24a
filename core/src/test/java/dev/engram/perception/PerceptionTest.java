package dev.engram.perception;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The pre-processing every image and audio encoder shares computes what models expect, and refuses bad input. */
class PerceptionTest {
  private static final long SEED = Long.getLong("tests.seed", System.nanoTime());

  private static Pixels image(int w, int h, java.util.function.IntBinaryOperator grey) {
    byte[] rgba = new byte[4 * w * h];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int v = grey.applyAsInt(x, y);
        int p = 4 * (y * w + x);
        rgba[p] = rgba[p + 1] = rgba[p + 2] = (byte) v;
        rgba[p + 3] = (byte) 255;
      }
    }
    return new Pixels(w, h, rgba);
  }

  private static AudioClip sine(double hz, int rate, double seconds) {
    float[] s = new float[(int) (rate * seconds)];
    for (int i = 0; i < s.length; i++) s[i] = (float) (0.5 * Math.sin(2 * Math.PI * hz * i / rate));
    return new AudioClip(s, rate);
  }

  @Test
  void aUniformImageNormalisesToOneValuePerChannel() {
    float[] t = ImagePrep.CLIP.tensor(image(640, 480, (x, y) -> 200));
    assertEquals(3 * 224 * 224, t.length);
    for (int c = 0; c < 3; c++) {
      float expected = (200 / 255f - ImagePrep.CLIP.mean()[c]) / ImagePrep.CLIP.std()[c];
      for (int i = c * 224 * 224; i < (c + 1) * 224 * 224; i++) assertEquals(expected, t[i], 1e-5);
    }
  }

  @Test
  void scalingKeepsTheCentreOfAWidePicture() {
    // 400x100: black left quarter, white elsewhere. Shorter side 100 -> 16, crop 16: the centre square
    // of a 64x16 picture is all white, so the black quarter must not leak in.
    ImagePrep prep = new ImagePrep(16, 16, new float[] {0, 0, 0}, new float[] {1, 1, 1});
    float[] t = prep.tensor(image(400, 100, (x, y) -> x < 100 ? 0 : 255));
    for (float v : t) assertEquals(1f, v, 1e-5);
    // Growing a gradient keeps it a gradient (linear interpolation, no ringing).
    float[] g = prep.tensor(image(4, 4, (x, y) -> x * 80));
    for (int x = 1; x < 16; x++) assertTrue(g[x] >= g[x - 1], "column " + x + " darker than " + (x - 1));
  }

  @Test
  void resamplingKeepsAConstantSignalConstant() {
    float[] ones = new float[1000];
    java.util.Arrays.fill(ones, 0.25f);
    for (int rate : new int[] {8000, 16000, 44100, 96000}) {
      AudioClip r = new AudioClip(ones, 48000).resampled(rate);
      assertEquals(1000L * rate / 48000, r.samples().length);
      for (float v : r.samples()) assertEquals(0.25f, v, 1e-6);
    }
  }

  @Test
  void aToneLightsTheMelBandThatHoldsItsFrequency() {
    LogMel mel = new LogMel(16000, 400, 160, 40, 0, 8000, 0, false);
    for (double hz : new double[] {300, 1000, 3000}) {
      AudioClip tone = sine(hz, 48000, 0.5); // resampled to 16 kHz inside
      float[] s = mel.compute(tone);
      int frames = mel.framesFor(tone);
      assertEquals(1 + 8000 / 160, frames);
      int mid = frames / 2;
      int best = 0;
      for (int m = 1; m < 40; m++) if (s[m * frames + mid] > s[best * frames + mid]) best = m;
      double lo = LogMel.melToHz(LogMel.hzToMel(0) + (LogMel.hzToMel(8000) * best) / 41);
      double hi = LogMel.melToHz(LogMel.hzToMel(0) + (LogMel.hzToMel(8000) * (best + 2)) / 41);
      assertTrue(hz > lo && hz < hi, hz + " Hz peaked in band " + best + " (" + lo + ".." + hi + " Hz)");
    }
  }

  @Test
  void whisperInputIsThirtySecondsOfEightyBands() {
    float[] s = LogMel.WHISPER.compute(sine(440, 16000, 2));
    assertEquals(80 * 3000, s.length);
    float max = Float.NEGATIVE_INFINITY;
    float min = Float.POSITIVE_INFINITY;
    for (float v : s) {
      max = Math.max(max, v);
      min = Math.min(min, v);
    }
    // Whisper's scale: the maximum maps to (max + 4) / 4 and nothing lies more than 2 below it (8 / 4).
    assertTrue(max - min <= 2.0001f, "range " + (max - min));
    assertTrue(min < max, "the tone must stand out of the padded silence");
  }

  @Test
  void wavRoundTripsAndMixesChannels() {
    AudioClip tone = sine(440, 22050, 0.1);
    AudioClip back = Wav.read(Wav.write16(tone));
    assertEquals(22050, back.sampleRate());
    assertEquals(tone.samples().length, back.samples().length);
    for (int i = 0; i < tone.samples().length; i++) assertEquals(tone.samples()[i], back.samples()[i], 1.0 / 32767);

    // Stereo 24-bit, one frame: left +0.5, right -0.25 -> mono 0.125.
    byte[] wav = header(1, 2, 8000, 24, 6);
    int l = (int) (0.5 * 8388608);
    int r = (int) (-0.25 * 8388608);
    byte[] frame = {(byte) l, (byte) (l >> 8), (byte) (l >> 16), (byte) r, (byte) (r >> 8), (byte) (r >> 16)};
    System.arraycopy(frame, 0, wav, 44, 6);
    assertArrayEquals(new float[] {0.125f}, Wav.read(wav).samples(), 1e-6f);
  }

  @Test
  void badInputIsRefusedWithAReason() {
    assertThrows(IllegalArgumentException.class, () -> new Pixels(2, 2, new byte[15]));
    assertThrows(IllegalArgumentException.class, () -> new Pixels(0, 2, new byte[0]));
    assertThrows(IllegalArgumentException.class, () -> new ImagePrep(10, 20, new float[3], new float[] {1, 1, 1}));
    assertThrows(IllegalArgumentException.class, () -> new ImagePrep(10, 10, new float[3], new float[] {1, 0, 1}));
    assertThrows(IllegalArgumentException.class, () -> new LogMel(16000, 401, 160, 80, 0, 8000, 0, false));
    assertThrows(IllegalArgumentException.class, () -> new LogMel(16000, 400, 160, 80, 0, 9000, 0, false));
    assertThrows(IllegalArgumentException.class, () -> new AudioClip(new float[1], 10));
    String notWav = assertThrows(IllegalArgumentException.class, () -> Wav.read("hello world, not audio".getBytes())).getMessage();
    assertTrue(notWav.contains("not a WAV"), notWav);
    String adpcm = assertThrows(IllegalArgumentException.class, () -> Wav.read(header(2, 1, 8000, 4, 0))).getMessage();
    assertTrue(adpcm.contains("unsupported WAV encoding"), adpcm);
    byte[] noData = java.util.Arrays.copyOf(header(1, 1, 8000, 16, 0), 36);
    assertTrue(assertThrows(IllegalArgumentException.class, () -> Wav.read(noData)).getMessage().contains("no data"));
  }

  @Test
  void randomPicturesAndClipsGiveFiniteTensors() {
    Random random = new Random(SEED);
    try {
      for (int i = 0; i < 40; i++) {
        int w = 1 + random.nextInt(300);
        int h = 1 + random.nextInt(300);
        byte[] rgba = new byte[4 * w * h];
        random.nextBytes(rgba);
        ImagePrep prep = new ImagePrep(1 + random.nextInt(64), 1, new float[] {0.5f, 0.5f, 0.5f}, new float[] {0.5f, 0.5f, 0.5f});
        for (float v : prep.tensor(new Pixels(w, h, rgba))) assertTrue(v >= -1.0001f && v <= 1.0001f, "value " + v);
        float[] s = new float[random.nextInt(3000)];
        for (int j = 0; j < s.length; j++) s[j] = random.nextFloat() * 2 - 1;
        for (float v : new LogMel(16000, 64, 32, 8, 0, 8000, 0, true).compute(new AudioClip(s, 8000 + random.nextInt(40000)))) {
          assertTrue(Float.isFinite(v));
        }
      }
    } catch (AssertionError e) {
      throw new AssertionError("seed " + SEED + " (rerun: mvn -pl core test -Dtest=PerceptionTest -Dtests.seed=" + SEED + ")", e);
    }
  }

  /** A 44-byte WAV header followed by {@code dataBytes} zero bytes. */
  private static byte[] header(int format, int channels, int rate, int bits, int dataBytes) {
    byte[] b = new byte[44 + dataBytes];
    byte[] pcm = Wav.write16(new AudioClip(new float[0], rate));
    System.arraycopy(pcm, 0, b, 0, 44);
    b[20] = (byte) format;
    b[22] = (byte) channels;
    b[34] = (byte) bits;
    b[40] = (byte) dataBytes;
    return b;
  }
}
