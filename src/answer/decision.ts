/**
 * Answering decisions as two small logistic models over a few signals, fitted on the
 * tuning sets (scripts/fit-decision.ts) and checked on the blind ones:
 *  - `card`: should this answer card lead the answer? (its match scores, whether its
 *    documents are among the passages retrieval found, whether its answer has what the
 *    question asks for);
 *  - `answer`: is this question answerable from the passages found, or should the
 *    assistant say it does not know? (coverage after normalisation, the expected answer
 *    type present in the passages, how much of the question the knowledge knows…).
 * The fitted weights live in decision-model.ts, written by the script.
 */

/** The signals both models read; every value is a number, booleans as 0/1. */
export interface Signals {
  cardScore: number;
  cardF1: number;
  cardRecall: number;
  cardTypeOk: number;
  cardAgrees: number;
  cardMargin: number;
  cardLacune: number;
  /** cardScore when the best card says the information is not published, else 0. */
  lacuneScore: number;
  bestCoverage: number;
  /** The rarest question word the best passage lacks (IDF / 7, 0 when none is missing). */
  missingRare: number;
  /** Share of the question's words (weighted) that the best card lacks. */
  cardMissing: number;
  secondCoverage: number;
  supported: number;
  knownShare: number;
  typePresent: number;
  typed: number;
  routeScore: number;
  routeSimilarity: number;
  english: number;
  terms: number;
  describesNeed: number;
}

export interface LogisticModel {
  features: (keyof Signals)[];
  weights: number[];
  bias: number;
  /** Decide "yes" from this probability. */
  threshold: number;
}

export interface DecisionModels {
  card: LogisticModel;
  answer: LogisticModel;
}

export const CARD_FEATURES: (keyof Signals)[] = [
  "cardScore",
  "cardF1",
  "cardRecall",
  "cardTypeOk",
  "cardAgrees",
  "cardMargin",
  "lacuneScore",
  "cardMissing",
  "bestCoverage",
  "english",
];
export const ANSWER_FEATURES: (keyof Signals)[] = [
  "bestCoverage",
  "secondCoverage",
  "supported",
  "knownShare",
  "typePresent",
  "typed",
  "routeScore",
  "routeSimilarity",
  "cardScore",
  "lacuneScore",
  "missingRare",
  "english",
  "terms",
  "describesNeed",
];

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

export function probability(model: LogisticModel, s: Signals): number {
  let z = model.bias;
  model.features.forEach((f, i) => (z += (model.weights[i] ?? 0) * s[f]));
  return sigmoid(z);
}

/**
 * Fits a logistic regression by full-batch gradient descent with L2 regularisation
 * (features are few and rows a few hundred: this converges in well under a second).
 */
export function fitLogistic(
  rows: number[][],
  labels: number[],
  opts: { l2?: number; iterations?: number; rate?: number } = {},
): { weights: number[]; bias: number } {
  const l2 = opts.l2 ?? 0.01;
  const iterations = opts.iterations ?? 4000;
  const rate = opts.rate ?? 0.5;
  const d = rows[0]?.length ?? 0;
  const w = new Array<number>(d).fill(0);
  let b = 0;
  const n = rows.length || 1;
  for (let it = 0; it < iterations; it++) {
    const gw = new Array<number>(d).fill(0);
    let gb = 0;
    rows.forEach((x, i) => {
      let z = b;
      for (let j = 0; j < d; j++) z += w[j]! * x[j]!;
      const err = sigmoid(z) - labels[i]!;
      for (let j = 0; j < d; j++) gw[j]! += err * x[j]!;
      gb += err;
    });
    for (let j = 0; j < d; j++) w[j]! -= rate * (gw[j]! / n + l2 * w[j]!);
    b -= rate * (gb / n);
  }
  return { weights: w.map((x) => Math.round(x * 1e4) / 1e4), bias: Math.round(b * 1e4) / 1e4 };
}
