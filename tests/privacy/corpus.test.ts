/**
 * The scrubber measured on a corpus of 200 French sentences written for this
 * test (corpus-fr.txt: {{personal data}} to remove, [[places and structures]]
 * to keep), and on every question of the gold and blind evaluation sets (which
 * hold no personal data: nothing should be masked there once the public
 * figures the knowledge base cites are registered, as the runtime does).
 * Prints recall per kind and false masking; fails under the thresholds.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { registerPublicNames } from "../../src/privacy/names.js";
import { scrub, scrubDetailed } from "../../src/privacy/scrub.js";

const HERE = path.dirname(new URL(import.meta.url).pathname);
const ROOT = path.resolve(HERE, "../..");

interface Sentence {
  text: string;
  pii: string[];
  keep: string[];
}

/** Parses `{{pii}}` and `[[keep]]` markup into the plain sentence and its expectations. */
export function loadCorpus(file = path.join(HERE, "corpus-fr.txt")): Sentence[] {
  return fs
    .readFileSync(file, "utf8")
    .split("\n")
    .filter((l) => l.trim() && !l.startsWith("#"))
    .map((line) => {
      const pii: string[] = [];
      const keep: string[] = [];
      const text = line.replace(/\{\{(.+?)\}\}|\[\[(.+?)\]\]/g, (_m, p: string | undefined, k: string | undefined) => {
        if (p !== undefined) pii.push(p);
        else keep.push(k!);
        return p ?? k!;
      });
      return { text, pii, keep };
    });
}

type Kind = "nom" | "téléphone" | "email" | "iban" | "nir" | "adresse";
function kindOf(item: string): Kind {
  const digits = item.replace(/\D/g, "");
  if (item.includes("@")) return "email";
  if (/^[A-Z]{2}\d{2}/.test(item.replace(/\s/g, ""))) return "iban";
  if (/^\d{1,4}(\s?(bis|ter))?,?\s+\p{L}/u.test(item)) return "adresse";
  if (/^(\+|00|0)/.test(item.trim()) && digits.length >= 9) return "téléphone";
  if (digits.length >= 12) return "nir";
  return "nom";
}

/**
 * True when nothing of `item` is left in `out`: neither the item nor any of its
 * words or digit groups of 3+ characters, unless that word is also written
 * elsewhere in the sentence outside personal data.
 */
function removed(item: string, out: string, sentence: Sentence): boolean {
  if (out.includes(item)) return false;
  const elsewhere = sentence.pii.reduce((t, p) => t.split(p).join(" "), sentence.text);
  return item
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length >= 3)
    .every((w) => !out.includes(w) || elsewhere.includes(w));
}

describe("scrubber on the written corpus (200 sentences)", () => {
  const corpus = loadCorpus();

  it("has 200 sentences, each with personal data", () => {
    expect(corpus).toHaveLength(200);
    for (const s of corpus) expect(s.pii.length, s.text).toBeGreaterThan(0);
  });

  it("masks personal data with high recall and never a protected place or structure", () => {
    const byKind = new Map<Kind, { total: number; removed: number; missed: string[] }>();
    let keepTotal = 0;
    const falselyMasked: string[] = [];
    for (const s of corpus) {
      const out = scrub(s.text);
      for (const item of s.pii) {
        const k = kindOf(item);
        const row = byKind.get(k) ?? { total: 0, removed: 0, missed: [] };
        row.total++;
        if (removed(item, out, s)) row.removed++;
        else row.missed.push(`${item}  ←  ${out}`);
        byKind.set(k, row);
      }
      for (const k of s.keep) {
        keepTotal++;
        if (!out.includes(k)) falselyMasked.push(`${k}  ←  ${out}`);
      }
    }
    const total = [...byKind.values()].reduce((a, r) => a + r.total, 0);
    const ok = [...byKind.values()].reduce((a, r) => a + r.removed, 0);
    const recall = ok / total;
    const lines = [
      `Scrubber recall on the written corpus: ${(recall * 100).toFixed(1)} % (${ok}/${total} items)`,
      ...[...byKind].map(([k, r]) => `  ${k.padEnd(10)} ${((r.removed / r.total) * 100).toFixed(1).padStart(5)} % (${r.removed}/${r.total})`),
      `False masking of places and structures: ${falselyMasked.length}/${keepTotal}`,
      ...[...byKind.values()].flatMap((r) => r.missed.map((m) => `  missed: ${m}`)),
      ...falselyMasked.map((m) => `  falsely masked: ${m}`),
    ];
    console.log(lines.join("\n"));
    expect(falselyMasked).toEqual([]);
    expect(recall).toBeGreaterThanOrEqual(0.9);
    for (const k of ["téléphone", "email", "iban", "nir", "adresse"] as const) expect(byKind.get(k)?.removed).toBe(byKind.get(k)?.total);
  });

  it("keeps the places and structures of the Gard wherever they stand", () => {
    const protectedNames = [
      "Alès",
      "Uzès",
      "La Grande Bobine",
      "Gard centrale",
      "Saint-Ambroix",
      "Nîmes Métropole",
      "France Active",
      "Initiative Gard",
      "Alès Agglomération",
      "Le Vigan",
      "Pont-Saint-Esprit",
      "Saint-Jean-du-Gard",
      "France Travail",
      "Villeneuve-lès-Avignon",
      "Saint-Martin-de-Valgalgues",
      "Saint-Christol-lez-Alès",
    ];
    const frames = [
      "%",
      "Je suis à %.",
      "% accompagne les porteurs.",
      "Contact : %",
      "Je suis %.",
      "avec %, Marie Durand et Pierre",
      "LE PROJET DE % EST LANCÉ",
      "Bonjour % !",
      "Demandez à % : « % ».",
    ];
    for (const n of protectedNames) {
      for (const f of frames) {
        const text = f.replaceAll("%", n);
        expect(scrub(text), text).toContain(n);
      }
    }
  });
});

describe("scrubber on the evaluation questions (no personal data)", () => {
  it("masks nothing but names of people the public sources do not cite", () => {
    const files = ["tests/gold/tuning", "tests/gold/blind"].flatMap((d) =>
      fs
        .readdirSync(path.join(ROOT, d))
        .filter((f) => f.endsWith(".yaml"))
        .map((f) => `${d}/${f}`),
    );
    const texts: string[] = [];
    const collect = (o: unknown): void => {
      if (Array.isArray(o)) o.forEach(collect);
      else if (o && typeof o === "object")
        for (const [k, v] of Object.entries(o)) {
          if ((k === "question" || k === "text" || k === "say") && typeof v === "string") texts.push(v);
          else collect(v);
        }
    };
    // The blind sets' questions must not be read: they are scrubbed like the others, but never printed.
    const blind = new Set<string>();
    for (const f of files) {
      const before = texts.length;
      collect(parseYaml(fs.readFileSync(path.join(ROOT, f), "utf8")));
      if (f.startsWith("tests/gold/blind")) for (const t of texts.slice(before)) blind.add(t);
    }
    const shown = (t: string) => (blind.has(t) ? "(une question d'un jeu aveugle)" : t);
    const masked = texts.filter((t) => scrubDetailed(t).found.name > 0);
    console.log(
      `Evaluation questions with a name masked (no public-name list loaded): ${masked.length}/${texts.length}\n${masked.map((m) => `  ${shown(m)}`).join("\n")}`,
    );
    expect(texts.length).toBeGreaterThan(300);
    // Without the runtime's list of public figures, only questions naming a person are touched (a few in a hundred at most).
    expect(masked.length).toBeLessThanOrEqual(Math.ceil(texts.length * 0.02));

    // With the people the knowledge base cites registered as public (as createRuntime does), none.
    const knowledge: string[] = [];
    const walk = (d: string) => {
      for (const f of fs.readdirSync(d, { withFileTypes: true })) {
        const p = path.join(d, f.name);
        if (f.isDirectory()) walk(p);
        else if (f.name.endsWith(".md")) knowledge.push(fs.readFileSync(p, "utf8"));
      }
    };
    walk(path.join(ROOT, "knowledge"));
    expect(registerPublicNames(knowledge)).toBeGreaterThan(5);
    // Then only private names stay masked: people who introduce themselves ("moi c'est Karim"), people
    // named with a civility title ("notre président, M. Dupont"), and people the knowledge never cites
    // (a question about a named person's own file): no name the public sources cite is ever masked.
    const introduces = /\b(moi c'est|je m'appelle|my name is)\s+\p{Lu}|(^|\s)(M\.|Mme|Mlle|Monsieur|Madame)\s+\p{Lu}/u;
    const cited = new Set(knowledge.flatMap((k) => k.split(/[^\p{L}'’-]+/u)));
    const stillMasked = texts.filter((t) => scrubDetailed(t).found.name > 0);
    /** The capitalised words of `t` that its scrubbed text no longer holds. */
    const maskedWords = (t: string) => {
      const out = scrub(t);
      return t.split(/[^\p{L}'’-]+/u).filter((w) => /^\p{Lu}/u.test(w) && w.length > 1 && !out.includes(w));
    };
    expect(stillMasked.filter((t) => !introduces.test(t) && maskedWords(t).some((w) => cited.has(w))).map(shown)).toEqual([]);
    for (const t of stillMasked.filter((q) => introduces.test(q)))
      expect(scrub(t), shown(t)).toMatch(/((moi c'est|je m'appelle|my name is)|(M\.|Mme|Mlle|Monsieur|Madame)) \[nom\]/i);
    // A person the sources do not cite is still masked.
    expect(scrub("Hélène Meunier et Marie Durand")).toBe("Hélène Meunier et [nom]");
  });
});
