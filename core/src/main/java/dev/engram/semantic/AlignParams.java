package dev.engram.semantic;

/**
 * The knobs of word-to-word alignment ({@link Aligner}) and of the reading that uses it in memory,
 * validated on construction (an error names the bad field). {@link #DEFAULT} is what the paraphrase sets
 * and the memory suite were measured with (docs/ENCODERS.md).
 *
 * @param hypernymWeight how well a direct WordNet hypernym or hyponym stands for a word (0..1)
 * @param ancestorWeight how well a WordNet ancestor one step up stands for a word ("vehicle" for
 *     "truck"); each further step takes 0.05 off (0..1)
 * @param maxAncestorSteps ancestors further up than this do not match ("entity" is above everything) (>= 0)
 * @param linkedWeight how well a word two WordNet steps away stands for another ({@link WordTable#linked}) (0..1)
 * @param commonRank words more frequent than this rank match only by stem or a direct WordNet relation:
 *     "take", "get", "first" sit near everything (>= 0)
 * @param minCosine below this cosine two words' vectors do not match at all (0..1)
 * @param weightAtMin match of two words at {@code minCosine}; it rises linearly to {@code weightAt1} (0..1)
 * @param weightAt1 see {@code weightAtMin} (0..1)
 * @param contrastSteps two words WordNet places in one taxonomy without linking them, whose shared
 *     ancestor is at most this many steps away in all ("mother"/"daughter", "cat"/"dog", "song"/"film"),
 *     are different things: their vectors do not match (>= 0)
 * @param softShare a soft question word (answer-kind noun, the question's own verb) weighs this share
 *     of its IDF prior (0..1)
 * @param precisionShare how much the share of a fact's own words (outside its value) that the question
 *     accounts for weighs: score = recall × (1 − share + share × precision) (0..1)
 * @param minTermMatch every question word that is neither soft nor common must find a fact word
 *     matching it at least this well: a paraphrase rewords each word, while a question about someone or
 *     something else ("my son's birthday" against "my daughter's birthday") leaves one word unmatched (0..1)
 * @param bar a fact answers by alignment only when its score is at least this (0..1]
 * @param margin ... and beats the best fact offering another value by at least this (0..1)
 * @param allMax scopes up to this many facts are aligned fact by fact; larger ones only on the cue
 *     index's and the embedding index's candidates (>= 0)
 */
public record AlignParams(
    double hypernymWeight,
    double ancestorWeight,
    int maxAncestorSteps,
    double linkedWeight,
    int commonRank,
    double minCosine,
    double weightAtMin,
    double weightAt1,
    int contrastSteps,
    double softShare,
    double precisionShare,
    double minTermMatch,
    double bar,
    double margin,
    int allMax) {

  public static final AlignParams DEFAULT =
      new AlignParams(0.7, 0.75, 4, 0.7, 150, 0.35, 0.5, 0.95, 10, 0.3, 0.5, 0.6, 0.7, 0.05, 2000);

  public AlignParams {
    unit("hypernymWeight", hypernymWeight);
    unit("ancestorWeight", ancestorWeight);
    count("maxAncestorSteps", maxAncestorSteps);
    unit("linkedWeight", linkedWeight);
    count("commonRank", commonRank);
    unit("minCosine", minCosine);
    unit("weightAtMin", weightAtMin);
    unit("weightAt1", weightAt1);
    count("contrastSteps", contrastSteps);
    unit("softShare", softShare);
    unit("precisionShare", precisionShare);
    unit("minTermMatch", minTermMatch);
    if (!(bar > 0 && bar <= 1)) {
      throw new IllegalArgumentException("bar must be in (0, 1], got " + bar);
    }
    unit("margin", margin);
    count("allMax", allMax);
  }

  private static void unit(String name, double v) {
    if (!(v >= 0 && v <= 1)) {
      throw new IllegalArgumentException(name + " must be in [0, 1], got " + v);
    }
  }

  private static void count(String name, int v) {
    if (v < 0) {
      throw new IllegalArgumentException(name + " must be >= 0, got " + v);
    }
  }

  /** Match of two words by their vectors' cosine {@code c}: 0 below {@link #minCosine}. */
  public float vectorWeight(float c) {
    if (c < minCosine) {
      return 0;
    }
    double span = 1 - minCosine;
    double t = span <= 0 ? 1 : (c - minCosine) / span;
    return (float) (weightAtMin + (weightAt1 - weightAtMin) * Math.min(1, t));
  }
}
