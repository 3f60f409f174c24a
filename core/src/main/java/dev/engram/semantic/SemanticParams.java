package dev.engram.semantic;

/**
 * The knobs of semantic recall, validated on construction (an error names the bad field). What each
 * one does is in docs/ENCODERS.md; {@link #DEFAULT} is what the paraphrase and memory suites were
 * measured with.
 *
 * @param neighbours nearest table words looked at per question word (> 0)
 * @param commonRank words more frequent than this rank (table ids are frequency ranks) neither get nor
 *     give vector stand-ins: they sit near everything ("take", "come", "first") (>= 0)
 * @param wordNetGate when WordNet knows a question word, a vector neighbour counts only if WordNet
 *     links the two (see {@link WordTable#linked}): keeps contrasts ("cat"/"dog") out
 * @param minWordCosine a table neighbour stands in for a question word only at or above this cosine (0..1)
 * @param cosineWeightAt1 match weight of a neighbour at cosine 1; it falls linearly to
 *     {@code cosineWeightAtMin} at {@code minWordCosine} (0..1)
 * @param cosineWeightAtMin see {@code cosineWeightAt1} (0..1)
 * @param synonymWeight match weight of a WordNet synonym (0..1)
 * @param hypernymWeight match weight of a WordNet hypernym or hyponym ("vehicle" for "truck"); 0 turns
 *     them off (0..1)
 * @param derivationWeight match weight of a WordNet derivation ("employer" for "employ") (0..1)
 * @param similarWeight match weight of a WordNet similar adjective (0..1)
 * @param maxAlternatives stand-ins kept per question word, best first (> 0)
 * @param answerCoverage share of the question a fact must cover, stand-ins included, to answer (0..1]
 * @param maxMissingShare the question words a semantic answer leaves out may weigh at most this share of
 *     the question ("deals with", "take place": paraphrase glue no fact word stands for) (0..1)
 * @param minFactCosine a fact answers semantically only when its encoding is at least this close to the
 *     question's (-1..1)
 * @param embeddingCandidates facts taken from the embedding index per question (>= 0)
 * @param bruteForceMax scopes up to this many facts are searched exhaustively; larger ones through LSH (> 0)
 * @param confidenceScale a semantic answer's confidence is the lexical formula's times this (0..1]
 * @param kindCosine {@link ValueFit}: a word WordNet does not place under a category (person, place, the
 *     question's kind noun) still counts as one at or above this vector cosine with it (0..1)
 */
public record SemanticParams(
    int neighbours,
    int commonRank,
    boolean wordNetGate,
    double minWordCosine,
    double cosineWeightAt1,
    double cosineWeightAtMin,
    double synonymWeight,
    double hypernymWeight,
    double derivationWeight,
    double similarWeight,
    int maxAlternatives,
    double answerCoverage,
    double maxMissingShare,
    double minFactCosine,
    int embeddingCandidates,
    int bruteForceMax,
    double confidenceScale,
    double kindCosine) {

  public static final SemanticParams DEFAULT =
      new SemanticParams(40, 2000, true, 0.55, 0.8, 0.6, 0.8, 0.0, 0.75, 0.7, 16, 0.6, 0.3, 0.45, 24, 20000, 0.8, 0.4);

  public SemanticParams {
    if (neighbours <= 0 || neighbours > 1000) {
      throw new IllegalArgumentException("neighbours must be in 1..1000, got " + neighbours);
    }
    if (commonRank < 0) {
      throw new IllegalArgumentException("commonRank must be >= 0, got " + commonRank);
    }
    unit("minWordCosine", minWordCosine);
    unit("cosineWeightAt1", cosineWeightAt1);
    unit("cosineWeightAtMin", cosineWeightAtMin);
    unit("synonymWeight", synonymWeight);
    unit("hypernymWeight", hypernymWeight);
    unit("derivationWeight", derivationWeight);
    unit("similarWeight", similarWeight);
    if (maxAlternatives <= 0) {
      throw new IllegalArgumentException("maxAlternatives must be > 0, got " + maxAlternatives);
    }
    if (!(answerCoverage > 0 && answerCoverage <= 1)) {
      throw new IllegalArgumentException("answerCoverage must be in (0, 1], got " + answerCoverage);
    }
    unit("maxMissingShare", maxMissingShare);
    if (!(minFactCosine >= -1 && minFactCosine <= 1)) {
      throw new IllegalArgumentException("minFactCosine must be in [-1, 1], got " + minFactCosine);
    }
    if (embeddingCandidates < 0) {
      throw new IllegalArgumentException("embeddingCandidates must be >= 0, got " + embeddingCandidates);
    }
    if (bruteForceMax <= 0) {
      throw new IllegalArgumentException("bruteForceMax must be > 0, got " + bruteForceMax);
    }
    if (!(confidenceScale > 0 && confidenceScale <= 1)) {
      throw new IllegalArgumentException("confidenceScale must be in (0, 1], got " + confidenceScale);
    }
    unit("kindCosine", kindCosine);
  }

  private static void unit(String name, double v) {
    if (!(v >= 0 && v <= 1)) {
      throw new IllegalArgumentException(name + " must be in [0, 1], got " + v);
    }
  }

  /** Match weight of a table neighbour at cosine {@code c} (>= {@link #minWordCosine}). */
  public float neighbourWeight(float c) {
    double span = 1 - minWordCosine;
    double t = span <= 0 ? 1 : (c - minWordCosine) / span;
    return (float) (cosineWeightAtMin + (cosineWeightAt1 - cosineWeightAtMin) * Math.max(0, Math.min(1, t)));
  }

  /** Match weight of a WordNet relation of the given {@link WordTable} kind. */
  public float relationWeight(int kind) {
    return (float) switch (kind) {
      case WordTable.SYNONYM -> synonymWeight;
      case WordTable.HYPERNYM, WordTable.HYPONYM -> hypernymWeight;
      case WordTable.DERIVATION -> derivationWeight;
      case WordTable.SIMILAR -> similarWeight;
      default -> throw new IllegalArgumentException("unknown relation kind " + kind);
    };
  }
}
