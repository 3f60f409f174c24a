package dev.engram.onnx.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.engram.perception.AudioClip;
import dev.engram.perception.Pixels;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * Writes target/onnx-golden/: the tiny models with their descriptions and vocabulary, and golden.json, the
 * inputs with what the JVM made of them (token ids, input tensors, embeddings). The npm package's
 * test/onnx.test.ts loads the same files into onnxruntime-web and must match: ids and tensors exactly
 * (core's code, compiled to wasm), embeddings within 1e-4 (two builds of ONNX Runtime).
 */
class GoldenVectorsTest {
  static final Path OUT = Path.of("target", "onnx-golden");

  @Test
  void writeGoldenFiles() throws IOException {
    TinyModels models = new TinyModels();
    models.writeTo(OUT);
    StringBuilder json = new StringBuilder("{\n  \"format\": \"engram-onnx-golden\",\n  \"version\": 1,\n  \"seed\": " + TinyModels.SEED + ",\n");
    try (OnnxTextEncoder text = OnnxModel.load(OUT.resolve("text.model")).text();
        OnnxImageEncoder image = OnnxModel.load(OUT.resolve("image.model")).image();
        OnnxAudioEncoder audio = OnnxModel.load(OUT.resolve("audio.model")).audio()) {
      json.append("  \"text\": [\n");
      for (int i = 0; i < Inputs.TEXTS.length; i++) {
        String t = Inputs.TEXTS[i];
        json.append("    {\"text\": ").append(string(t)).append(", \"ids\": ").append(ints(text.tokenizer().ids(t)))
            .append(", \"embedding\": ").append(floats(text.encode(t))).append(i + 1 < Inputs.TEXTS.length ? "},\n" : "}\n");
      }
      json.append("  ],\n  \"image\": [\n");
      Pixels[] pictures = {Inputs.picture(13, 10, 1), Inputs.picture(8, 8, 2), Inputs.picture(5, 20, 3)};
      for (int i = 0; i < pictures.length; i++) {
        Pixels p = pictures[i];
        json.append("    {\"width\": ").append(p.width()).append(", \"height\": ").append(p.height())
            .append(", \"rgba\": \"").append(Base64.getEncoder().encodeToString(p.rgba())).append('"')
            .append(", \"tensor\": ").append(floats(image.spec().image().tensor(p)))
            .append(", \"embedding\": ").append(floats(image.encode(p))).append(i + 1 < pictures.length ? "},\n" : "}\n");
      }
      json.append("  ],\n  \"audio\": [\n");
      AudioClip[] clips = {Inputs.chirp(0.25, 16_000, 300, 4), Inputs.chirp(0.1, 44_100, 1500, 5), Inputs.chirp(0.5, 8_000, 100, 6)};
      for (int i = 0; i < clips.length; i++) {
        AudioClip c = clips[i];
        ByteBuffer raw = ByteBuffer.allocate(4 * c.samples().length).order(ByteOrder.LITTLE_ENDIAN);
        for (float s : c.samples()) raw.putFloat(s);
        json.append("    {\"sampleRate\": ").append(c.sampleRate())
            .append(", \"samples\": \"").append(Base64.getEncoder().encodeToString(raw.array())).append('"')
            .append(", \"features\": ").append(floats(audio.spec().audio().compute(c)))
            .append(", \"embedding\": ").append(floats(audio.encode(c))).append(i + 1 < clips.length ? "},\n" : "}\n");
      }
      json.append("  ]\n}\n");
    }
    Files.writeString(OUT.resolve("golden.json"), json);
    assertEquals(7, Files.list(OUT).filter(f -> !f.getFileName().toString().equals("golden.json")).count());
  }

  static String ints(int[] v) {
    StringBuilder b = new StringBuilder("[");
    for (int i = 0; i < v.length; i++) b.append(i > 0 ? ", " : "").append(v[i]);
    return b.append(']').toString();
  }

  /** Shortest decimal of each float: JavaScript's Math.fround of it is the same float. */
  static String floats(float[] v) {
    StringBuilder b = new StringBuilder("[");
    for (int i = 0; i < v.length; i++) b.append(i > 0 ? ", " : "").append(Float.toString(v[i]));
    return b.append(']').toString();
  }

  static String string(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') b.append('\\').append(c);
      else if (c < 0x20 || c > 0x7E) b.append("\\u").append("0000", Integer.toHexString(c).length(), 4).append(Integer.toHexString(c));
      else b.append(c);
    }
    return b.append('"').toString();
  }
}
