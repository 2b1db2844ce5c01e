// Pairwise precision and recall of predicted clusters against true ones: the measure of the corpus test and the bench.

export interface PairwiseScore {
  precision: number;
  recall: number;
  f1: number;
  truePairs: number;
  predictedPairs: number;
  correctPairs: number;
}

/**
 * Every unordered pair of ids inside one cluster is a link. Ids absent from the truth are ignored, so a
 * prediction over extra records (an incident the gold does not list) neither helps nor hurts.
 */
export function pairwise(predicted: readonly (readonly string[])[], truth: readonly (readonly string[])[]): PairwiseScore {
  const label = new Map<string, number>();
  truth.forEach((c, i) => c.forEach((id) => label.set(id, i)));
  let truePairs = 0;
  for (const c of truth) truePairs += (c.length * (c.length - 1)) / 2;
  let predictedPairs = 0;
  let correctPairs = 0;
  for (const c of predicted) {
    const known = c.filter((id) => label.has(id));
    predictedPairs += (known.length * (known.length - 1)) / 2;
    const counts = new Map<number, number>();
    for (const id of known) counts.set(label.get(id)!, (counts.get(label.get(id)!) ?? 0) + 1);
    for (const n of counts.values()) correctPairs += (n * (n - 1)) / 2;
  }
  // No pairs to find (or none predicted) is perfect on that side, not a division by zero.
  const precision = predictedPairs === 0 ? 1 : correctPairs / predictedPairs;
  const recall = truePairs === 0 ? 1 : correctPairs / truePairs;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, truePairs, predictedPairs, correctPairs };
}
