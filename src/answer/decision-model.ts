/**
 * Fitted answering decisions (see decision.ts). Written by scripts/fit-decision.ts on
 * tests/gold/tuning only — do not edit by hand; re-run the script after changing the
 * knowledge, the cards or the signals.
 *   card:   339 rows, 200 positive; at 0.65: 120 yes right, 38 yes wrong, 80 no wrong
 *   answer: 372 rows, 346 positive; at 0.75: 344 yes right, 22 yes wrong, 2 no wrong
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
      0.4542,
      0.5611,
      0.8928,
      0.4659,
      0.1035,
      0.0006,
      0.6595,
      0.461,
      0.5025,
      -0.9197,
      -0.1849,
      0.2098,
      0.3295,
      0.1368
    ],
    "bias": -0.0739,
    "threshold": 0.75
  }
};
