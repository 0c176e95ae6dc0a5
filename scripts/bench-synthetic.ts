/**
 * Synthetic material for the benchmark: a seeded PRNG, a French-like text
 * generator with topical structure (so nearest neighbours mean something, as
 * in a real knowledge base), and replicated copies of the real corpus.
 */
import type { KnowledgeDoc } from "../src/knowledge/types.js";

/** mulberry32: small, fast, deterministic. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ONSETS = ["", "b", "c", "d", "f", "g", "j", "l", "m", "n", "p", "r", "s", "t", "v", "ch", "pr", "tr", "cr", "gr", "pl", "bl", "fr", "qu"];
const VOWELS = ["a", "e", "i", "o", "u", "é", "è", "ou", "ai", "au", "eu", "oi", "an", "en", "on", "in"];
const ENDINGS = [
  "",
  "",
  "tion",
  "ment",
  "eur",
  "ique",
  "ité",
  "age",
  "ance",
  "ence",
  "el",
  "elle",
  "ière",
  "oire",
  "isme",
  "iste",
  "able",
  "ée",
  "és",
  "es",
  "s",
];
const GLUE = ["le", "la", "les", "de", "des", "du", "un", "une", "et", "en", "pour", "dans", "par", "sur", "avec", "qui", "que", "est", "sont", "au", "aux"];

function makeWord(r: () => number): string {
  const syllables = 1 + Math.floor(r() * 3);
  let w = "";
  for (let i = 0; i < syllables; i++) w += ONSETS[Math.floor(r() * ONSETS.length)]! + VOWELS[Math.floor(r() * VOWELS.length)]!;
  return w + ENDINGS[Math.floor(r() * ENDINGS.length)]!;
}

export interface TextModel {
  /** Generates a passage of about `words` words mixing one or two topics. */
  passage(words: number, r: () => number): { text: string; topics: number[] };
  /** A short query on the given topics, with typos and dropped accents like real users. */
  query(topics: number[], words: number, r: () => number): string;
  topics: number;
}

/**
 * Vocabulary of `vocab` invented French-looking words (plus real ones from the
 * seed text, if given); `topics` topics, each a small Zipf-weighted word list.
 */
export function textModel(opts: { seed: number; vocab?: number; topics?: number; wordsPerTopic?: number; realWords?: string[] }): TextModel {
  const r = rng(opts.seed);
  const vocabSize = opts.vocab ?? 20_000;
  const nTopics = opts.topics ?? 1_000;
  const perTopic = opts.wordsPerTopic ?? 40;
  const set = new Set<string>((opts.realWords ?? []).filter((w) => w.length >= 4));
  while (set.size < vocabSize) set.add(makeWord(r));
  const vocab = [...set];
  const topicWords: string[][] = [];
  for (let t = 0; t < nTopics; t++) {
    const words: string[] = [];
    for (let i = 0; i < perTopic; i++) words.push(vocab[Math.floor(r() * vocab.length)]!);
    topicWords.push(words);
  }
  // Zipf weights inside a topic (cumulative).
  const cum: number[] = [];
  let s = 0;
  for (let i = 0; i < perTopic; i++) cum.push((s += 1 / (i + 1)));
  const pickTopicWord = (t: number, rr: () => number) => {
    const x = rr() * s;
    let lo = 0;
    let hi = perTopic - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cum[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return topicWords[t]![lo]!;
  };
  const generate = (topics: number[], words: number, rr: () => number, glue: boolean) => {
    const out: string[] = [];
    for (let i = 0; i < words; i++) {
      const x = rr();
      if (glue && x < 0.35) out.push(GLUE[Math.floor(rr() * GLUE.length)]!);
      else if (x < 0.45) out.push(vocab[Math.floor(rr() * vocab.length)]!);
      else out.push(pickTopicWord(topics[Math.floor(rr() * topics.length)]!, rr));
    }
    return out;
  };
  return {
    topics: nTopics,
    passage(words, rr) {
      const topics = rr() < 0.5 ? [Math.floor(rr() * nTopics)] : [Math.floor(rr() * nTopics), Math.floor(rr() * nTopics)];
      const w = generate(topics, words, rr, true);
      w[0] = w[0]!.charAt(0).toUpperCase() + w[0]!.slice(1);
      return { text: `${w.join(" ")}.`, topics };
    },
    query(topics, words, rr) {
      return generate(topics, words, rr, true)
        .map((w) => {
          const x = rr();
          if (x < 0.3) return w.normalize("NFD").replace(/[\u0300-\u036f]/g, ""); // no accents
          if (x < 0.4 && w.length > 5) {
            const i = 1 + Math.floor(rr() * (w.length - 2)); // one typo: drop a letter
            return w.slice(0, i) + w.slice(i + 1);
          }
          return w;
        })
        .join(" ");
    },
  };
}

/** The real corpus copied `times` times with distinct document and chunk ids. */
export function replicateCorpus(docs: KnowledgeDoc[], times: number): KnowledgeDoc[] {
  const out: KnowledgeDoc[] = [];
  for (let k = 0; k < times; k++) {
    for (const d of docs) {
      if (k === 0) {
        out.push(d);
        continue;
      }
      const id = `${d.meta.id}-copie-${k}`;
      out.push({
        ...d,
        meta: { ...d.meta, id },
        hash: `${d.hash}-${k}`,
        chunks: d.chunks.map((c) => ({ ...c, id: c.id.replace(d.meta.id, id), docId: id })),
      });
    }
  }
  return out;
}

/** Percentile (0..1) of a sorted array. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1));
  return sorted[i]!;
}

export function median(xs: number[]): number {
  return percentile(
    [...xs].sort((a, b) => a - b),
    0.5,
  );
}
