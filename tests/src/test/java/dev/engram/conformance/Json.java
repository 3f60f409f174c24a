package dev.engram.conformance;

import dev.engram.Answer;
import dev.engram.Chain;
import dev.engram.RecallPage;
import dev.engram.Recalled;
import dev.engram.Stats;
import dev.engram.neuron.Dispatcher;
import java.util.List;

/**
 * Writes the golden file by hand (the tests module needs no JSON library for one writer). Doubles are
 * written with {@link Double#toString}, the shortest form that parses back to the same double, so
 * {@code JSON.parse} on the JS side recovers the exact JVM value.
 *
 * <pre>
 * {"format":"engram-golden","version":1,"seed":N,"steps":[
 *   {"op":"get","args":["s","q"],"result":"v"}  |  {"op":..,"args":..,"error":"message"} ]}
 * results: int | number | bool | string | null | [string|null..] | {"value","fact","confidence"}
 *          | {"value","path"} | [recalled..] | {"items":[recalled..],"next"} | [[name,value]..] (vars)
 *          | {"scopes","facts","forgotten","terms","links","vars"} (stats)
 *          | {"route","value","facts","confidence"} (route, in route.json)
 *          recalled = {"id","text","kind","score","value","why","strength"}
 * args:    string | int | null | [string..] | {"repeat":unit,"count":n} | {"fill":item,"count":n}
 *          | {"base64":bytes} (a snapshot for load)
 * </pre>
 */
final class Json {
  static final int VERSION = 1;

  private Json() {}

  static String golden(long seed, List<Step> steps, List<Outcome> outcomes) {
    StringBuilder sb = new StringBuilder(1 << 16);
    sb.append("{\"format\":\"engram-golden\",\"version\":").append(VERSION)
        .append(",\"seed\":").append(seed).append(",\"steps\":[\n");
    for (int i = 0; i < steps.size(); i++) {
      Step step = steps.get(i);
      Outcome out = outcomes.get(i);
      sb.append("{\"op\":");
      string(sb, step.op());
      sb.append(",\"args\":[");
      for (int j = 0; j < step.args().length; j++) {
        if (j > 0) {
          sb.append(',');
        }
        value(sb, step.args()[j]);
      }
      sb.append(']');
      if (out.error() != null) {
        sb.append(",\"error\":");
        string(sb, out.error());
      } else {
        sb.append(",\"result\":");
        value(sb, out.result());
      }
      sb.append(i + 1 < steps.size() ? "},\n" : "}\n");
    }
    return sb.append("]}\n").toString();
  }

  static void value(StringBuilder sb, Object v) {
    switch (v) {
      case null -> sb.append("null");
      case String s -> string(sb, s);
      case Integer n -> sb.append(n.intValue());
      case Long n -> sb.append(n.longValue());
      case Boolean b -> sb.append(b.booleanValue());
      case Recalled[] items -> {
        sb.append('[');
        for (int i = 0; i < items.length; i++) {
          if (i > 0) {
            sb.append(',');
          }
          value(sb, items[i]);
        }
        sb.append(']');
      }
      case Recalled r -> {
        sb.append("{\"id\":").append(r.id()).append(",\"text\":");
        value(sb, r.text());
        sb.append(",\"kind\":");
        value(sb, r.kind());
        sb.append(",\"score\":");
        number(sb, r.score());
        sb.append(",\"value\":");
        value(sb, r.value());
        sb.append(",\"why\":");
        value(sb, r.why());
        sb.append(",\"strength\":");
        number(sb, r.strength());
        sb.append('}');
      }
      case RecallPage p -> {
        sb.append("{\"items\":");
        value(sb, p.items());
        sb.append(",\"next\":");
        value(sb, p.next());
        sb.append('}');
      }
      case Stats st -> sb.append("{\"scopes\":").append(st.scopes()).append(",\"facts\":").append(st.facts())
          .append(",\"forgotten\":").append(st.forgotten()).append(",\"terms\":").append(st.terms())
          .append(",\"links\":").append(st.links()).append(",\"vars\":").append(st.vars()).append('}');
      case java.util.SortedMap<?, ?> map -> {
        sb.append('[');
        boolean first = true;
        for (java.util.Map.Entry<?, ?> e : map.entrySet()) {
          sb.append(first ? "[" : ",[");
          first = false;
          value(sb, e.getKey());
          sb.append(',');
          value(sb, e.getValue());
          sb.append(']');
        }
        sb.append(']');
      }
      case Double d -> number(sb, d);
      case String[] arr -> {
        sb.append('[');
        for (int i = 0; i < arr.length; i++) {
          if (i > 0) {
            sb.append(',');
          }
          value(sb, arr[i]);
        }
        sb.append(']');
      }
      case Answer a -> {
        sb.append("{\"value\":");
        value(sb, a.value());
        sb.append(",\"fact\":");
        value(sb, a.fact());
        sb.append(",\"confidence\":");
        number(sb, a.confidence());
        sb.append('}');
      }
      case Dispatcher.Decision d -> {
        sb.append("{\"route\":");
        string(sb, d.route().name());
        sb.append(",\"value\":");
        value(sb, d.value());
        sb.append(",\"facts\":");
        value(sb, d.facts());
        sb.append(",\"confidence\":");
        number(sb, d.confidence());
        sb.append('}');
      }
      case Chain c -> {
        sb.append("{\"value\":");
        value(sb, c.value());
        sb.append(",\"path\":");
        value(sb, c.path());
        sb.append('}');
      }
      case byte[] bytes -> {
        sb.append("{\"base64\":");
        string(sb, java.util.Base64.getEncoder().encodeToString(bytes));
        sb.append('}');
      }
      case Step.Repeat r -> {
        sb.append("{\"repeat\":");
        string(sb, r.unit());
        sb.append(",\"count\":").append(r.count()).append('}');
      }
      case Step.Fill f -> {
        sb.append("{\"fill\":");
        string(sb, f.item());
        sb.append(",\"count\":").append(f.count()).append('}');
      }
      default -> throw new IllegalArgumentException("no JSON form for " + v.getClass().getName());
    }
  }

  private static void number(StringBuilder sb, double d) {
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      throw new IllegalArgumentException("core returned " + d + "; results must be finite");
    }
    sb.append(d);
  }

  static void string(StringBuilder sb, String s) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          // Control characters must be escaped in JSON; lone surrogates are escaped so the file stays
          // valid UTF-8 and JSON.parse restores the exact UTF-16 unit.
          boolean lone = Character.isSurrogate(c) && !(Character.isHighSurrogate(c) && i + 1 < s.length()
              && Character.isLowSurrogate(s.charAt(i + 1)));
          if (c < 0x20 || c == 0x7f || lone) {
            sb.append("\\u");
            String hex = Integer.toHexString(c);
            for (int p = hex.length(); p < 4; p++) {
              sb.append('0');
            }
            sb.append(hex);
          } else if (Character.isHighSurrogate(c)) {
            sb.append(c).append(s.charAt(++i));
          } else {
            sb.append(c);
          }
        }
      }
    }
    sb.append('"');
  }
}
