/**
 * `npx tsx scripts/bench-micro.ts`: speed of three small steps that used to be timed inside unit
 * tests (a busy machine made those tests fail without any change). Prints figures; the goals
 * are printed beside them, for a person to read, not asserted.
 *   - finding the commune in a 2 000-character message (goal: well under 1 ms);
 *   - one eligibility evaluation over the 14 processes (goal: well under 0.5 ms);
 *   - loading a corpus of 60 Markdown files of about 10 KB (goal: well under 1 s).
 * Each figure is the best of 5 batches after a warm-up.
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { findCommuneInText } from "../src/eligibility/communes.js";
import { evaluate } from "../src/eligibility/engine.js";
import { parseFacts } from "../src/eligibility/facts.js";
import { loadCorpus } from "../src/knowledge/corpus.js";

async function bestOf(n: number, run: () => unknown): Promise<number> {
  for (let i = 0; i < Math.min(n, 100); i++) await run();
  let best = Number.POSITIVE_INFINITY;
  for (let batch = 0; batch < 5; batch++) {
    const t0 = performance.now();
    for (let i = 0; i < n; i++) await run();
    best = Math.min(best, (performance.now() - t0) / n);
  }
  return best;
}

const base =
  "Bonjour, nous sommes une association de quartier qui travaille avec des familles, des jeunes et des personnes âgées. Nous voulons monter un tiers-lieu avec deux autres structures. ";
const message = `${base.repeat(20).slice(0, 1990)} à Uzès`;
const communeMs = await bestOf(100, () => findCommuneInText(message));

const parsed = parseFacts({ legalForm: "association", commune: "Le Vigan", employees: 3, partnerStructures: 2, inQpv: false });
if (!parsed.ok) throw new Error(parsed.errors.join("\n"));
const facts = parsed.facts;
const evaluateMs = await bestOf(400, () => evaluate(facts));

const dir = await mkdtemp(path.join(os.tmpdir(), "relais-bench-micro-"));
try {
  const long = Array.from({ length: 12 }, (_, k) => `## Section ${k}\n\n${"Texte de la section sur l'ESS gardoise. ".repeat(20)}\n`).join("\n");
  for (let i = 0; i < 60; i++)
    await writeFile(
      path.join(dir, `doc-${i}.md`),
      `---\nid: doc-${i}\ntitle: Document ${i}\nkind: schema\nnature: engagement-schema\nstatus: confirmed\nupdated: 2025-03-01\n---\n\n${long}\n`,
    );
  const loaded = await loadCorpus(dir);
  if (loaded.docs.length !== 60 || loaded.errors.length)
    throw new Error(`corpus de mesure mal chargé : ${loaded.docs.length} documents, ${loaded.errors.length} erreurs`);
  const corpusMs = await bestOf(3, () => loadCorpus(dir));
  const line = (label: string, ms: number, goal: number) =>
    console.log(`${label.padEnd(52)} ${ms.toFixed(3).padStart(9)} ms   objectif < ${goal} ms ${ms < goal ? "PASS" : "MISS"}`);
  console.log(`Relais ESS — micro-mesures (meilleur de 5 lots, ${os.cpus().length} processeurs, charge ${os.loadavg()[0]!.toFixed(1)})`);
  line("commune dans un message de 2 000 caractères", communeMs, 1);
  line("éligibilité : une évaluation (14 parcours)", evaluateMs, 0.5);
  line("chargement de 60 fichiers Markdown (~10 Ko)", corpusMs, 1000);
} finally {
  await rm(dir, { recursive: true, force: true });
}
