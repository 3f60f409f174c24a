package dev.engram.onnx.runtime;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes small ONNX models for the tests: a graph of nodes over named tensors, float weights as
 * initializers. The field numbers are those of onnx.proto (ModelProto, GraphProto, NodeProto, TensorProto,
 * ValueInfoProto, TypeProto, AttributeProto); IR version 8 with opset 13, which both ONNX Runtime for Java
 * and onnxruntime-web read.
 */
final class Onnx {
  static final int FLOAT = 1;
  static final int INT64 = 7;

  private final List<Proto> nodes = new ArrayList<>();
  private final List<Proto> initializers = new ArrayList<>();
  private final List<Proto> inputs = new ArrayList<>();
  private final List<Proto> outputs = new ArrayList<>();

  /** A graph input; a dimension is a {@code Long} (fixed) or a {@code String} (named, varies). */
  Onnx input(String name, int type, Object... dims) {
    inputs.add(valueInfo(name, type, dims));
    return this;
  }

  Onnx output(String name, int type, Object... dims) {
    outputs.add(valueInfo(name, type, dims));
    return this;
  }

  /** A float initializer of {@code dims}, row-major. */
  Onnx weights(String name, float[] values, long... dims) {
    ByteBuffer raw = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
    for (float v : values) raw.putFloat(v);
    Proto t = new Proto();
    for (long d : dims) t.integer(1, d); // dims
    t.integer(2, FLOAT).text(8, name).bytes(9, raw.array()); // data_type, name, raw_data
    initializers.add(t);
    return this;
  }

  /** An int64 initializer (shapes and axes). */
  Onnx longs(String name, long... values) {
    ByteBuffer raw = ByteBuffer.allocate(8 * values.length).order(ByteOrder.LITTLE_ENDIAN);
    for (long v : values) raw.putLong(v);
    Proto t = new Proto().integer(1, values.length).integer(2, INT64).text(8, name).bytes(9, raw.array());
    initializers.add(t);
    return this;
  }

  /** A node {@code op(inputs) -> output}; {@code attrs} are (name, Long | long[] | Float) pairs. */
  Onnx node(String op, String[] in, String out, Object... attrs) {
    Proto n = new Proto();
    for (String i : in) n.text(1, i);
    n.text(2, out).text(3, out + "_" + op).text(4, op);
    for (int a = 0; a < attrs.length; a += 2) {
      Proto attr = new Proto().text(1, (String) attrs[a]);
      Object v = attrs[a + 1];
      if (v instanceof Long l) {
        attr.integer(3, l).integer(20, 2); // i, type INT
      } else if (v instanceof long[] ls) {
        for (long l : ls) attr.integer(8, l);
        attr.integer(20, 7); // ints, type INTS
      } else if (v instanceof Float f) {
        attr.real(2, f).integer(20, 1); // f, type FLOAT
      } else {
        throw new IllegalArgumentException("attribute type " + v);
      }
      n.message(5, attr);
    }
    nodes.add(n);
    return this;
  }

  byte[] toBytes(String graphName) {
    Proto g = new Proto();
    for (Proto n : nodes) g.message(1, n);
    g.text(2, graphName);
    for (Proto t : initializers) g.message(5, t);
    for (Proto i : inputs) g.message(11, i);
    for (Proto o : outputs) g.message(12, o);
    return new Proto()
        .integer(1, 8) // ir_version
        .text(2, "engram-tests") // producer_name
        .message(7, g) // graph
        .message(8, new Proto().text(1, "").integer(2, 13)) // opset_import: default domain, 13
        .toBytes();
  }

  private static Proto valueInfo(String name, int type, Object... dims) {
    Proto shape = new Proto();
    for (Object d : dims) {
      shape.message(1, d instanceof Long l ? new Proto().integer(1, l) : new Proto().text(2, (String) d));
    }
    Proto tensor = new Proto().integer(1, type).message(2, shape);
    return new Proto().text(1, name).message(2, new Proto().message(1, tensor));
  }
}
