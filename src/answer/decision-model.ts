/**
 * Fitted answering decisions (see decision.ts). Written by scripts/fit-decision.ts on
 * tests/gold/tuning only — do not edit by hand; re-run the script after changing the
 * knowledge, the cards or the signals.
 *   card:   516 rows, 312 positive; at 0.65: 217 yes right, 65 yes wrong, 95 no wrong
 *   answer: 629 rows, 496 positive; at 0.6: 480 yes right, 64 yes wrong, 16 no wrong
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
      0.4551,
      0.3899,
      0.7157,
      -0.0009,
      1.5,
      0.4476,
      -0.0433,
      -0.7166,
      -0.2253,
      0.1255
    ],
    "bias": -1.6372,
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
      0.7561,
      0.7321,
      0.4783,
      0.7022,
      -0.0619,
      -0.1989,
      0.5661,
      0.3163,
      0.5858,
      -1.9495,
      -0.8434,
      0.2433,
      0.1869,
      0.1966
    ],
    "bias": -0.8125,
    "threshold": 0.6
  }
};
