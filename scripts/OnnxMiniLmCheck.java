import dev.engram.onnx.runtime.OnnxModel;
import dev.engram.onnx.runtime.OnnxTextEncoder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** The JVM half of scripts/onnx-minilm.sh: encodes a few sentences, prints cosines and timing, writes the vectors. */
public class OnnxMiniLmCheck {
  static final String[] SENTENCES = {
    "The deploy region is us-west-2.", "Which region do we deploy to?", "I like bananas.", "hello world",
    "A man is playing a guitar.", "Someone plays an instrument."
  };

  public static void main(String[] args) throws Exception {
    try (OnnxModel model = OnnxModel.load(Path.of(args[0]))) {
      OnnxTextEncoder enc = model.text();
      System.out.println("jvm: " + model);
      System.out.println("jvm: ids of 'hello world' " + Arrays.toString(enc.tokenizer().ids("hello world")));
      float[][] v = new float[SENTENCES.length][];
      for (int i = 0; i < v.length; i++) v[i] = enc.encode(SENTENCES[i]);
      long t0 = System.nanoTime();
      int runs = 20;
      for (int r = 0; r < runs; r++) for (String s : SENTENCES) enc.encode(s);
      System.out.printf("jvm: %.2f ms per sentence (ONNX Runtime's default threads, warm)%n", (System.nanoTime() - t0) / 1e6 / (runs * SENTENCES.length));
      StringBuilder json = new StringBuilder("[");
      for (int i = 0; i < v.length; i++) {
        json.append(i > 0 ? ",\n" : "").append("{\"text\":\"").append(SENTENCES[i]).append("\",\"embedding\":").append(Arrays.toString(v[i])).append('}');
        for (int j = i + 1; j < v.length; j++) {
          double d = 0;
          for (int k = 0; k < v[i].length; k++) d += v[i][k] * v[j][k];
          System.out.printf("jvm: cos %6.3f  %s | %s%n", d, SENTENCES[i], SENTENCES[j]);
        }
      }
      Files.writeString(Path.of(args[1]), json.append("]\n").toString());
    }
  }
}
