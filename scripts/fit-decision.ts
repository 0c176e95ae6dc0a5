/**
 * Fits the two answering decisions (src/answer/decision.ts) on the TUNING sets only
 * (tests/gold/tuning), offline, and writes src/answer/decision-model.ts.
 *   - card model: label 1 when the card that would lead satisfies the question's
 *     expectations (its text matches every `includes`, one of its documents is in
 *     `sources`, and it is a "not published" card exactly when the question must be refused);
 *   - answer model: label 1 when the question must be answered (refuse: false); the
 *     questions the guards stop are kept as examples of what must be refused.
 * Thresholds: the card one maximises (right cards − 2 × wrong cards); the answer one
 * minimises the count of false refusals + 1.5 × false answers. The blind sets are never read here.
 *
 *   npx tsx scripts/fit-decision.ts [--dry-run]
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { loadConfig } from "../src/config/env.js";
import { PROJECT_ROOT } from "../src/core/paths.js";
import { ANSWER_FEATURES, CARD_FEATURES, fitLogistic, probability, type LogisticModel, type Signals } from "../src/answer/decision.js";
import { loadEvalDir } from "../src/eval/run.js";
import { fold } from "../src/retrieval/analyzer.js";
import { createRuntime } from "../src/runtime.js";
import { MemoryStorage } from "../src/storage/memory.js";

const dryRun = process.argv.includes("--dry-run");
const rt = await createRuntime({
  config: loadConfig(
    { NODE_ENV: "test", LOG_LEVEL: "silent", PSEUDONYM_SECRET: "fit-decision-0123456789abcdef0123", ANSWER_CACHE_SIZE: "0" },
    { dotenv: false },
  ),
  storage: new MemoryStorage(),
  llm: null,
  decision: null,
});
const set = await loadEvalDir(path.join(PROJECT_ROOT, "tests", "gold", "tuning"));

const cardRows: { x: Signals; y: number }[] = [];
const answerRows: { x: Signals; y: number }[] = [];
let previous: { conversation?: string; text: string } | undefined;
for (const q of set.questions) {
  // Follow-up turns are read as the conversation core reads them.
  const text =
    q.conversation && previous?.conversation === q.conversation ? await rt.answerer.contextualize(q.question, previous.text, q.audience) : q.question;
  previous = { conversation: q.conversation, text };
  const e = await rt.answerer.explain(text, q.audience);
  if (!e) continue;
  answerRows.push({ x: e.signals, y: q.expect.refuse ? 0 : 1 });
  if (!e.card || e.guarded) continue;
  const hasExpectation = q.expect.refuse || q.expect.includes?.length || q.expect.sources?.length;
  if (!hasExpectation) continue;
  const folded = fold(e.card.text);
  const ok = q.expect.refuse
    ? e.card.lacune
    : !e.card.lacune &&
      (q.expect.includes ?? []).every((re) => new RegExp(re, "i").test(folded)) &&
      (!q.expect.sources?.length || q.expect.sources.some((s) => e.card!.sources.includes(s)));
  cardRows.push({ x: e.signals, y: ok ? 1 : 0 });
}

function fit(
  rows: { x: Signals; y: number }[],
  features: (keyof Signals)[],
  choose: (probs: number[], ys: number[]) => number,
): LogisticModel & { stats: string } {
  const X = rows.map((r) => features.map((f) => r.x[f]));
  const Y = rows.map((r) => r.y);
  const { weights, bias } = fitLogistic(X, Y);
  const model: LogisticModel = { features, weights, bias, threshold: 0.5 };
  const probs = rows.map((r) => probability(model, r.x));
  model.threshold = choose(probs, Y);
  const tp = probs.filter((p, i) => p >= model.threshold && Y[i] === 1).length;
  const fp = probs.filter((p, i) => p >= model.threshold && Y[i] === 0).length;
  const fn = probs.filter((p, i) => p < model.threshold && Y[i] === 1).length;
  return {
    ...model,
    stats: `${rows.length} rows, ${Y.filter(Boolean).length} positive; at ${model.threshold}: ${tp} yes right, ${fp} yes wrong, ${fn} no wrong`,
  };
}

const grid = Array.from({ length: 19 }, (_, i) => Math.round((0.05 + i * 0.05) * 100) / 100);
const card = fit(cardRows, CARD_FEATURES, (probs, ys) => {
  let best = { t: 0.5, u: -Infinity };
  for (const t of grid) {
    let u = 0;
    probs.forEach((p, i) => (p >= t ? (u += ys[i] ? 1 : -2) : 0));
    if (u > best.u) best = { t, u };
  }
  return best.t;
});
const answer = fit(answerRows, ANSWER_FEATURES, (probs, ys) => {
  let best = { t: 0.5, c: Infinity };
  for (const t of grid) {
    const falseRefusals = probs.filter((p, i) => p < t && ys[i] === 1).length;
    const falseAnswers = probs.filter((p, i) => p >= t && ys[i] === 0).length;
    const c = falseRefusals + 1.5 * falseAnswers;
    if (c < best.c) best = { t, c };
  }
  return best.t;
});

const strip = ({ stats: _s, ...m }: LogisticModel & { stats: string }) => m;
console.log(`card:   ${card.stats}\nanswer: ${answer.stats}`);
if (!dryRun) {
  const file = path.join(PROJECT_ROOT, "src", "answer", "decision-model.ts");
  writeFileSync(
    file,
    `/**\n * Fitted answering decisions (see decision.ts). Written by scripts/fit-decision.ts on\n * tests/gold/tuning only — do not edit by hand; re-run the script after changing the\n * knowledge, the cards or the signals.\n *   card:   ${card.stats}\n *   answer: ${answer.stats}\n */\nimport type { DecisionModels } from "./decision.js";\n\nexport const DECISION_MODELS: DecisionModels = ${JSON.stringify({ card: strip(card), answer: strip(answer) }, null, 2)};\n`,
  );
  console.log(`écrit : ${path.relative(PROJECT_ROOT, file)}`);
}
await rt.close();
