package dev.engram.neuron.train;

import dev.engram.neuron.FloatMath;
import dev.engram.neuron.Layout;
import dev.engram.neuron.ModelConfig;

/**
 * The trainable float32 twin of {@link dev.engram.neuron.Transformer}: same graph, same {@link
 * Layout}, parameters in one flat {@code float[]} so AdamW and checkpoints are single loops.
 *
 * <p>{@link #lossAndGrad} runs one sequence forward (keeping every activation the backward pass
 * needs: ~{@code layers * T * (8 dim + 2 ffn + heads T)} floats), takes the cross-entropy of the
 * classifier at the last position, and adds the gradients into {@link #grad}. Single-threaded by
 * design: the machine is shared, and a small model trains in minutes.
 */
public final class FloatModel {
  private static final float LN_EPS = 1e-5f;

  public final ModelConfig c;
  public final Layout layout;
  public final float[] params;
  public final float[] grad;

  private final int d;
  private final int f;
  private final int maxT;
  private final float[][] xs;
  private final float[][] xhat1;
  private final float[][] rstd1;
  private final float[][] h1;
  private final float[][] qkv;
  private final float[][] probs;
  private final float[][] att;
  private final float[][] x1;
  private final float[][] xhat2;
  private final float[][] rstd2;
  private final float[][] h2;
  private final float[][] u;
  private final float[][] r;
  private final float[] xhatf;
  private final float[] hf;
  private float rstdf;
  private final float[] logits;
  private final float[] tmpTd;
  private final float[] dx;
  private final float[] dx1;
  private final float[] dH;
  private final float[] dAtt;
  private final float[] dQkv;
  private final float[] dU;
  private final float[] dxhat;

  public FloatModel(ModelConfig c, float[] params) {
    this.c = c;
    this.layout = new Layout(c);
    if (params.length != layout.total) {
      throw new IllegalArgumentException("expected " + layout.total + " parameters, got " + params.length);
    }
    if (c.classes() == 0) {
      throw new IllegalArgumentException("training needs a classification head (classes > 0)");
    }
    this.params = params;
    this.grad = new float[layout.total];
    d = c.dim();
    f = c.ffn();
    maxT = c.context();
    int L = c.layers();
    xs = new float[L + 1][maxT * d];
    xhat1 = new float[L][maxT * d];
    rstd1 = new float[L][maxT];
    h1 = new float[L][maxT * d];
    qkv = new float[L][maxT * 3 * d];
    probs = new float[L][c.heads() * maxT * maxT];
    att = new float[L][maxT * d];
    x1 = new float[L][maxT * d];
    xhat2 = new float[L][maxT * d];
    rstd2 = new float[L][maxT];
    h2 = new float[L][maxT * d];
    u = new float[L][maxT * f];
    r = new float[L][maxT * f];
    xhatf = new float[d];
    hf = new float[d];
    logits = new float[c.classes()];
    tmpTd = new float[maxT * d];
    dx = new float[maxT * d];
    dx1 = new float[maxT * d];
    dH = new float[maxT * d];
    dAtt = new float[maxT * d];
    dQkv = new float[maxT * 3 * d];
    dU = new float[maxT * f];
    dxhat = new float[d];
  }

  /** Fresh parameters: N(0, 0.02) matrices (output projections scaled by 1/sqrt(2 layers)), gains 1, biases 0. */
  public static float[] init(ModelConfig c, long seed) {
    Layout l = new Layout(c);
    float[] p = new float[l.total];
    java.util.Random rnd = new java.util.Random(seed);
    float resid = (float) (0.02 / Math.sqrt(2.0 * c.layers()));
    for (int t = 0; t < l.count(); t++) {
      int o = l.offset[t];
      if (l.isMatrix(t)) {
        boolean proj = l.names[t].endsWith(".out") || l.names[t].endsWith(".down");
        float std = proj ? resid : 0.02f;
        for (int i = 0; i < l.size(t); i++) {
          p[o + i] = (float) rnd.nextGaussian() * std;
        }
      } else if (l.isGain(t)) {
        for (int i = 0; i < l.size(t); i++) {
          p[o + i] = 1f;
        }
      }
    }
    return p;
  }

  /** Classifier logits for {@code tokens} (a copy). */
  public float[] forward(int[] tokens) {
    run(tokens);
    return logits.clone();
  }

  /** Forward, cross-entropy against {@code label}, backward; gradients are added to {@link #grad}. */
  public float lossAndGrad(int[] tokens, int label) {
    int T = run(tokens);
    int K = c.classes();
    float[] pr = logits.clone();
    FloatMath.softmax(pr, 0, K, 1f);
    float loss = (float) -Math.log(Math.max(pr[label], 1e-30f));
    float[] dl = pr;
    dl[label] -= 1f;
    backward(tokens, T, dl);
    return loss;
  }

  private int run(int[] tokens) {
    int T = tokens.length;
    if (T == 0 || T > maxT) {
      throw new IllegalArgumentException("sequence length " + T + " must be 1.." + maxT);
    }
    float[] p = params;
    int tokOff = layout.offset[Layout.TOK];
    int posOff = layout.offset[Layout.POS];
    int ovOff = layout.offset[Layout.OVERLAP];
    float[] x0 = xs[0];
    for (int t = 0; t < T; t++) {
      int id = tokens[t] & 0xFFFF;
      int ov = tokens[t] >>> 16;
      if (id >= c.vocab() || ov >= Layout.OVERLAP_KINDS) {
        throw new IllegalArgumentException("token " + id + " / overlap " + ov + " out of range");
      }
      for (int i = 0; i < d; i++) {
        x0[t * d + i] = p[tokOff + id * d + i] + p[posOff + t * d + i] + p[ovOff + ov * d + i];
      }
    }
    int H = c.heads();
    int hd = c.headDim();
    float inv = 1f / (float) Math.sqrt(hd);
    for (int l = 0; l < c.layers(); l++) {
      float[] xin = xs[l];
      layerNorm(xin, T, layout.layer(l, Layout.LN1_G), xhat1[l], rstd1[l], h1[l]);
      linear(h1[l], T, d, layout.layer(l, Layout.QKV), 3 * d, qkv[l]);
      float[] q = qkv[l];
      float[] P = probs[l];
      float[] a = att[l];
      int w3 = 3 * d;
      for (int head = 0; head < H; head++) {
        int ho = head * hd;
        for (int t = 0; t < T; t++) {
          int po = (head * maxT + t) * maxT;
          for (int s = 0; s <= t; s++) {
            float dot = 0f;
            for (int i = 0; i < hd; i++) {
              dot += q[t * w3 + ho + i] * q[s * w3 + d + ho + i];
            }
            P[po + s] = dot * inv;
          }
          FloatMath.softmax(P, po, t + 1, 1f);
          for (int i = 0; i < hd; i++) {
            a[t * d + ho + i] = 0f;
          }
          for (int s = 0; s <= t; s++) {
            float w = P[po + s];
            for (int i = 0; i < hd; i++) {
              a[t * d + ho + i] += w * q[s * w3 + 2 * d + ho + i];
            }
          }
        }
      }
      linear(a, T, d, layout.layer(l, Layout.OUT), d, tmpTd);
      float[] xa = x1[l];
      for (int i = 0; i < T * d; i++) {
        xa[i] = xin[i] + tmpTd[i];
      }
      layerNorm(xa, T, layout.layer(l, Layout.LN2_G), xhat2[l], rstd2[l], h2[l]);
      linear(h2[l], T, d, layout.layer(l, Layout.UP), f, u[l]);
      float[] ul = u[l];
      float[] rl = r[l];
      for (int i = 0; i < T * f; i++) {
        rl[i] = ul[i] > 0f ? ul[i] : 0f;
      }
      linear(rl, T, f, layout.layer(l, Layout.DOWN), d, tmpTd);
      float[] xo = xs[l + 1];
      for (int i = 0; i < T * d; i++) {
        xo[i] = xa[i] + tmpTd[i];
      }
    }
    float[] xl = xs[c.layers()];
    int last = (T - 1) * d;
    int gf = layout.offset[layout.lnfG()];
    int bf = layout.offset[layout.lnfG() + 1];
    float mean = 0f;
    for (int i = 0; i < d; i++) {
      mean += xl[last + i];
    }
    mean /= d;
    float var = 0f;
    for (int i = 0; i < d; i++) {
      float v = xl[last + i] - mean;
      var += v * v;
    }
    var /= d;
    rstdf = 1f / (float) Math.sqrt(var + LN_EPS);
    for (int i = 0; i < d; i++) {
      xhatf[i] = (xl[last + i] - mean) * rstdf;
      hf[i] = xhatf[i] * p[gf + i] + p[bf + i];
    }
    int wc = layout.offset[layout.cls()];
    int bc = layout.offset[layout.cls() + 1];
    for (int k = 0; k < c.classes(); k++) {
      float s = 0f;
      for (int i = 0; i < d; i++) {
        s += p[wc + k * d + i] * hf[i];
      }
      logits[k] = s + p[bc + k];
    }
    return T;
  }

  private void backward(int[] tokens, int T, float[] dl) {
    float[] p = params;
    float[] g = grad;
    int K = c.classes();
    int wc = layout.offset[layout.cls()];
    int bc = layout.offset[layout.cls() + 1];
    float[] dhf = new float[d];
    for (int k = 0; k < K; k++) {
      float v = dl[k];
      g[bc + k] += v;
      for (int i = 0; i < d; i++) {
        g[wc + k * d + i] += v * hf[i];
        dhf[i] += v * p[wc + k * d + i];
      }
    }
    java.util.Arrays.fill(dx, 0, T * d, 0f);
    lnBackRow(dhf, 0, xhatf, 0, rstdf, layout.lnfG(), dx, (T - 1) * d);
    int H = c.heads();
    int hd = c.headDim();
    float inv = 1f / (float) Math.sqrt(hd);
    int w3 = 3 * d;
    for (int l = c.layers() - 1; l >= 0; l--) {
      // MLP: x_out = x1 + down(relu(up(ln2(x1))))
      java.util.Arrays.fill(dU, 0, T * f, 0f);
      linearBack(dx, T, d, layout.layer(l, Layout.DOWN), f, r[l], dU);
      float[] ul = u[l];
      for (int i = 0; i < T * f; i++) {
        if (ul[i] <= 0f) {
          dU[i] = 0f;
        }
      }
      java.util.Arrays.fill(dH, 0, T * d, 0f);
      linearBack(dU, T, f, layout.layer(l, Layout.UP), d, h2[l], dH);
      System.arraycopy(dx, 0, dx1, 0, T * d);
      for (int t = 0; t < T; t++) {
        lnBackRow(dH, t * d, xhat2[l], t * d, rstd2[l][t], layout.layer(l, Layout.LN2_G), dx1, t * d);
      }
      // attention: x1 = x_in + out(att)
      java.util.Arrays.fill(dAtt, 0, T * d, 0f);
      linearBack(dx1, T, d, layout.layer(l, Layout.OUT), d, att[l], dAtt);
      java.util.Arrays.fill(dQkv, 0, T * w3, 0f);
      float[] q = qkv[l];
      float[] P = probs[l];
      for (int head = 0; head < H; head++) {
        int ho = head * hd;
        for (int t = 0; t < T; t++) {
          int po = (head * maxT + t) * maxT;
          float sum = 0f;
          for (int s = 0; s <= t; s++) {
            float dp = 0f;
            for (int i = 0; i < hd; i++) {
              dp += dAtt[t * d + ho + i] * q[s * w3 + 2 * d + ho + i];
            }
            tmpTd[s] = dp;
            sum += P[po + s] * dp;
          }
          for (int s = 0; s <= t; s++) {
            float ps = P[po + s];
            float da = ps * (tmpTd[s] - sum) * inv;
            for (int i = 0; i < hd; i++) {
              dQkv[t * w3 + ho + i] += da * q[s * w3 + d + ho + i];
              dQkv[s * w3 + d + ho + i] += da * q[t * w3 + ho + i];
              dQkv[s * w3 + 2 * d + ho + i] += ps * dAtt[t * d + ho + i];
            }
          }
        }
      }
      java.util.Arrays.fill(dH, 0, T * d, 0f);
      linearBack(dQkv, T, w3, layout.layer(l, Layout.QKV), d, h1[l], dH);
      System.arraycopy(dx1, 0, dx, 0, T * d);
      for (int t = 0; t < T; t++) {
        lnBackRow(dH, t * d, xhat1[l], t * d, rstd1[l][t], layout.layer(l, Layout.LN1_G), dx, t * d);
      }
    }
    int tokOff = layout.offset[Layout.TOK];
    int posOff = layout.offset[Layout.POS];
    int ovOff = layout.offset[Layout.OVERLAP];
    for (int t = 0; t < T; t++) {
      int id = tokens[t] & 0xFFFF;
      int ov = tokens[t] >>> 16;
      for (int i = 0; i < d; i++) {
        g[tokOff + id * d + i] += dx[t * d + i];
        g[posOff + t * d + i] += dx[t * d + i];
        g[ovOff + ov * d + i] += dx[t * d + i];
      }
    }
  }

  private void layerNorm(float[] in, int T, int gt, float[] xhat, float[] rstd, float[] out) {
    int go = layout.offset[gt];
    int bo = layout.offset[gt + 1];
    float[] p = params;
    for (int t = 0; t < T; t++) {
      int o = t * d;
      float mean = 0f;
      for (int i = 0; i < d; i++) {
        mean += in[o + i];
      }
      mean /= d;
      float var = 0f;
      for (int i = 0; i < d; i++) {
        float v = in[o + i] - mean;
        var += v * v;
      }
      var /= d;
      float rs = 1f / (float) Math.sqrt(var + LN_EPS);
      rstd[t] = rs;
      for (int i = 0; i < d; i++) {
        float xh = (in[o + i] - mean) * rs;
        xhat[o + i] = xh;
        out[o + i] = xh * p[go + i] + p[bo + i];
      }
    }
  }

  /** Adds the input gradient of one LayerNorm row into {@code dxOut[xo..]} and accumulates gain/bias grads. */
  private void lnBackRow(float[] dy, int dyo, float[] xhat, int xo, float rs, int gt, float[] dxOut, int dxo) {
    int go = layout.offset[gt];
    int bo = layout.offset[gt + 1];
    float m1 = 0f;
    float m2 = 0f;
    for (int i = 0; i < d; i++) {
      float v = dy[dyo + i];
      float xh = xhat[xo + i];
      grad[go + i] += v * xh;
      grad[bo + i] += v;
      float dh = v * params[go + i];
      dxhat[i] = dh;
      m1 += dh;
      m2 += dh * xh;
    }
    m1 /= d;
    m2 /= d;
    for (int i = 0; i < d; i++) {
      dxOut[dxo + i] += rs * (dxhat[i] - m1 - xhat[xo + i] * m2);
    }
  }

  /** {@code Y[T][rows] = X[T][n] W_t^T}. */
  private void linear(float[] X, int T, int n, int t, int rows, float[] Y) {
    int wo = layout.offset[t];
    float[] p = params;
    for (int s = 0; s < T; s++) {
      int xo = s * n;
      for (int k = 0; k < rows; k++) {
        float acc = 0f;
        int o = wo + k * n;
        for (int i = 0; i < n; i++) {
          acc += p[o + i] * X[xo + i];
        }
        Y[s * rows + k] = acc;
      }
    }
  }

  /** Given dY[T][rows] of {@code Y = X W^T}: {@code dX += dY W}, {@code dW += dY^T X}. */
  private void linearBack(float[] dY, int T, int rows, int t, int n, float[] X, float[] dX) {
    int wo = layout.offset[t];
    float[] p = params;
    float[] g = grad;
    for (int s = 0; s < T; s++) {
      int xo = s * n;
      for (int k = 0; k < rows; k++) {
        float v = dY[s * rows + k];
        if (v == 0f) {
          continue;
        }
        int o = wo + k * n;
        for (int i = 0; i < n; i++) {
          dX[xo + i] += v * p[o + i];
          g[o + i] += v * X[xo + i];
        }
      }
    }
  }
}
