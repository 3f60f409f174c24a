package dev.engram.onnx;

import dev.engram.perception.ImagePrep;
import dev.engram.perception.LogMel;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads a model description: a small text file of {@code key = value} lines ({@code #} starts a comment
 * line, blank lines are skipped, each key at most once). The keys, their defaults and examples for MiniLM,
 * CLIP and Whisper are in docs/ENCODERS.md. Core has no JSON reader, and a model description is a flat list
 * of settings, so a properties-style file is what it needs. Every mistake is an {@link
 * IllegalArgumentException} naming the line or the key: an unknown key (a typo must not be silently
 * ignored), a key of another kind, a bad number, a missing required key.
 */
public final class ModelConfig {
  private ModelConfig() {}

  /** Keys every kind accepts. */
  private static final String[] COMMON = {"kind", "model", "output", "pooling", "dimension"};
  private static final String[] TEXT = {
    "text.vocab", "text.lowercase", "text.strip_accents", "text.max_length", "text.input_ids", "text.attention_mask",
    "text.token_type_ids", "text.pad", "text.ids"
  };
  private static final String[] IMAGE = {"input", "image.preset", "image.resize", "image.crop", "image.mean", "image.std"};
  private static final String[] AUDIO = {
    "input", "audio.preset", "audio.sample_rate", "audio.n_fft", "audio.hop", "audio.n_mels", "audio.f_min", "audio.f_max",
    "audio.frames", "audio.whisper_scale"
  };

  /** The model description in {@code text}. */
  public static ModelSpec parse(String text) {
    if (text == null) throw new IllegalArgumentException("model description is missing");
    if (text.startsWith("\uFEFF")) text = text.substring(1); // a byte-order mark some editors write first
    Map<String, String> values = new HashMap<>();
    Map<String, Integer> lines = new HashMap<>();
    int lineNo = 0;
    int start = 0;
    while (start <= text.length()) {
      int end = text.indexOf('\n', start);
      if (end < 0) end = text.length();
      lineNo++;
      String line = text.substring(start, end).trim();
      start = end + 1;
      if (line.isEmpty() || line.charAt(0) == '#') {
        if (end == text.length()) break;
        continue;
      }
      int eq = line.indexOf('=');
      if (eq <= 0) throw new IllegalArgumentException("line " + lineNo + ": expected key = value, got '" + line + "'");
      String key = line.substring(0, eq).trim();
      String value = line.substring(eq + 1).trim();
      if (!known(key)) throw new IllegalArgumentException("line " + lineNo + ": unknown key '" + key + "'");
      if (values.containsKey(key)) {
        throw new IllegalArgumentException("line " + lineNo + ": '" + key + "' is already set on line " + lines.get(key));
      }
      values.put(key, value);
      lines.put(key, lineNo);
      if (end == text.length()) break;
    }
    return build(new Reader(values, lines));
  }

  private static boolean known(String key) {
    return in(key, COMMON) || in(key, TEXT) || in(key, IMAGE) || in(key, AUDIO);
  }

  private static boolean in(String key, String[] keys) {
    for (String k : keys) if (k.equals(key)) return true;
    return false;
  }

  private static ModelSpec build(Reader r) {
    String kindName = r.required("kind");
    ModelKind kind = switch (kindName) {
      case "text" -> ModelKind.TEXT;
      case "image" -> ModelKind.IMAGE;
      case "audio" -> ModelKind.AUDIO;
      default -> throw new IllegalArgumentException(r.at("kind") + "kind must be text, image or audio, got '" + kindName + "'");
    };
    String[] own = kind == ModelKind.TEXT ? TEXT : kind == ModelKind.IMAGE ? IMAGE : AUDIO;
    for (String key : r.values.keySet()) {
      if (!in(key, COMMON) && !in(key, own)) {
        throw new IllegalArgumentException(r.at(key) + "'" + key + "' does not apply to kind = " + kind.key());
      }
    }
    String model = r.required("model");
    String output = r.text("output", "");
    Pooling pooling;
    try {
      pooling = Pooling.of(r.text("pooling", kind == ModelKind.IMAGE ? "none" : "mean"));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(r.at("pooling") + e.getMessage());
    }
    int dimension = r.integer("dimension", 0);
    try {
      return switch (kind) {
        case TEXT -> {
          boolean lower = r.bool("text.lowercase", true);
          String ids = r.text("text.ids", "int64");
          if (!ids.equals("int64") && !ids.equals("int32")) {
            throw new IllegalArgumentException(r.at("text.ids") + "text.ids must be int64 or int32, got '" + ids + "'");
          }
          TextSpec t = new TextSpec(
              r.required("text.vocab"),
              lower,
              r.bool("text.strip_accents", lower),
              r.integer("text.max_length", 512),
              r.text("text.input_ids", "input_ids"),
              r.optionalName("text.attention_mask", "attention_mask"),
              r.optionalName("text.token_type_ids", "token_type_ids"),
              r.bool("text.pad", false),
              ids.equals("int32"));
          yield new ModelSpec(kind, model, "", output, pooling, dimension, t, null, null);
        }
        case IMAGE -> {
          ImagePrep base = switch (r.text("image.preset", "clip")) {
            case "clip" -> ImagePrep.CLIP;
            case "imagenet" -> ImagePrep.IMAGENET;
            default -> throw new IllegalArgumentException(r.at("image.preset") + "image.preset must be clip or imagenet");
          };
          ImagePrep prep = new ImagePrep(
              r.integer("image.resize", base.resize()),
              r.integer("image.crop", base.crop()),
              r.floats("image.mean", base.mean()),
              r.floats("image.std", base.std()));
          yield new ModelSpec(kind, model, r.text("input", "pixel_values"), output, pooling, dimension, null, prep, null);
        }
        case AUDIO -> {
          if (!r.text("audio.preset", "whisper").equals("whisper")) {
            throw new IllegalArgumentException(r.at("audio.preset") + "audio.preset must be whisper");
          }
          LogMel w = LogMel.WHISPER;
          LogMel mel = new LogMel(
              r.integer("audio.sample_rate", w.sampleRate()),
              r.integer("audio.n_fft", w.nFft()),
              r.integer("audio.hop", w.hop()),
              r.integer("audio.n_mels", w.nMels()),
              r.number("audio.f_min", w.fMin()),
              r.number("audio.f_max", w.fMax()),
              r.integer("audio.frames", w.frames()),
              r.bool("audio.whisper_scale", w.whisperScale()));
          yield new ModelSpec(kind, model, r.text("input", "input_features"), output, pooling, dimension, null, null, mel);
        }
      };
    } catch (IllegalArgumentException e) {
      String m = e.getMessage();
      throw new IllegalArgumentException(m != null && m.startsWith("line ") ? m : "model description: " + m);
    }
  }

  /** Typed reads of the parsed values, each error prefixed with the line of the key. */
  private record Reader(Map<String, String> values, Map<String, Integer> lines) {
    String at(String key) {
      Integer line = lines.get(key);
      return line == null ? "" : "line " + line + ": ";
    }

    String required(String key) {
      String v = values.get(key);
      if (v == null || v.isEmpty()) throw new IllegalArgumentException("model description: '" + key + "' is required");
      return v;
    }

    String text(String key, String fallback) {
      String v = values.get(key);
      return v == null || v.isEmpty() ? fallback : v;
    }

    /** A tensor name that may be switched off with {@code none}. */
    String optionalName(String key, String fallback) {
      String v = text(key, fallback);
      return v.equals("none") ? "" : v;
    }

    boolean bool(String key, boolean fallback) {
      String v = values.get(key);
      if (v == null || v.isEmpty()) return fallback;
      if (v.equals("true")) return true;
      if (v.equals("false")) return false;
      throw new IllegalArgumentException(at(key) + key + " must be true or false, got '" + v + "'");
    }

    int integer(String key, int fallback) {
      String v = values.get(key);
      if (v == null || v.isEmpty()) return fallback;
      try {
        return Integer.parseInt(v);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(at(key) + key + " must be a whole number, got '" + v + "'");
      }
    }

    double number(String key, double fallback) {
      String v = values.get(key);
      if (v == null || v.isEmpty()) return fallback;
      try {
        double d = Double.parseDouble(v);
        if (!Double.isFinite(d)) throw new NumberFormatException();
        return d;
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(at(key) + key + " must be a number, got '" + v + "'");
      }
    }

    /** Three comma-separated numbers (red, green, blue). */
    float[] floats(String key, float[] fallback) {
      String v = values.get(key);
      if (v == null || v.isEmpty()) return fallback;
      float[] out = new float[3];
      int n = 0;
      int from = 0;
      while (from <= v.length()) {
        int comma = v.indexOf(',', from);
        if (comma < 0) comma = v.length();
        if (n == 3) throw new IllegalArgumentException(at(key) + key + " needs 3 numbers (red, green, blue), got '" + v + "'");
        String part = v.substring(from, comma).trim();
        try {
          out[n++] = Float.parseFloat(part);
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException(at(key) + key + " needs 3 numbers (red, green, blue), got '" + v + "'");
        }
        from = comma + 1;
      }
      if (n != 3) throw new IllegalArgumentException(at(key) + key + " needs 3 numbers (red, green, blue), got '" + v + "'");
      return out;
    }
  }
}
