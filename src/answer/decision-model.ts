/**
 * Fitted answering decisions (see decision.ts). Written by scripts/fit-decision.ts on
 * tests/gold/tuning only — do not edit by hand; re-run the script after changing the
 * knowledge, the cards or the signals.
 *   card:   339 rows, 200 positive; at 0.65: 120 yes right, 38 yes wrong, 80 no wrong
 *   answer: 418 rows, 347 positive; at 0.7: 330 yes right, 29 yes wrong, 17 no wrong
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
      "lacuneScore",
      "cardMissing",
      "bestCoverage",
      "english"
    ],
    "weights": [
      0.2394,
      0.1286,
      0.6825,
      -0.0008,
      1.5468,
      0.6599,
      -0.1019,
      -0.6833,
      -0.2726,
      0.141
    ],
    "bias": -1.3873,
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
      "lacuneScore",
      "missingRare",
      "english",
      "terms",
      "describesNeed"
    ],
    "weights": [
      0.614,
      0.5829,
      0.6152,
      0.6147,
      0.0534,
      -0.0424,
      0.7366,
      0.5306,
      0.2543,
      -2.0616,
      -0.6533,
      0.3173,
      0.1839,
      0.0107
    ],
    "bias": -0.4756,
    "threshold": 0.7
  }
};
