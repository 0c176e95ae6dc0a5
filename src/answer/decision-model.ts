/**
 * Fitted answering decisions (see decision.ts). Written by scripts/fit-decision.ts on
 * tests/gold/tuning only — do not edit by hand; re-run the script after changing the
 * knowledge, the cards or the signals.
 *   card:   340 rows, 199 positive; at 0.65: 117 yes right, 37 yes wrong, 82 no wrong
 *   answer: 373 rows, 346 positive; at 0.8: 340 yes right, 20 yes wrong, 6 no wrong
 */
import type { DecisionModels } from "./decision.js";

export const DECISION_MODELS: DecisionModels = {
  "card": {
    "features": [
      "cardScore",
      "cardF1",
      "cardRecall",
      "cardTypeOk",
      "cardAgrees",
      "cardMargin",
      "bestCoverage",
      "english"
    ],
    "weights": [
      0.419,
      0.298,
      0.903,
      -0.0003,
      1.4918,
      0.7481,
      -0.1698,
      0.1462
    ],
    "bias": -2.0302,
    "threshold": 0.65
  },
  "answer": {
    "features": [
      "bestCoverage",
      "secondCoverage",
      "supported",
      "knownShare",
      "typePresent",
      "typed",
      "routeScore",
      "routeSimilarity",
      "cardScore",
      "english",
      "terms",
      "describesNeed"
    ],
    "weights": [
      0.4464,
      0.6017,
      0.9768,
      0.4971,
      0.0431,
      0.0458,
      0.6746,
      0.4848,
      0.4667,
      0.2276,
      0.3347,
      0.1606
    ],
    "bias": -0.2815,
    "threshold": 0.8
  }
};
