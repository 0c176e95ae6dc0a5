import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Document } from "@langchain/core/documents";
import { afterEach, describe, expect, it } from "vitest";
import { HashedNgramEmbeddings, HASHED_DIMENSIONS, hashedVector } from "../../src/retrieval/embeddings/hashed.js";
import { HnswStore } from "../../src/retrieval/hnsw-store.js";

const embeddings = new HashedNgramEmbeddings();
const dot = (a: number[], b: number[]) => a.reduce((s, x, i) => s + x * b[i]!, 0);

const TEXTS: Record<string, string> = {
  scic: "Le Département prend des parts dans une société coopérative d'intérêt collectif.",
  esus: "L'agrément entreprise solidaire d'utilité sociale est délivré par la DDETS.",
  communs: "L'appel à communs finance des projets de coopération territoriale.",
  mecenat: "Les rencontres du mécénat réunissent fondations et associations.",
};

async function filledStore(capacity = 2): Promise<HnswStore> {
  const store = new HnswStore(embeddings, { dims: HASHED_DIMENSIONS }, capacity);
  await store.addDocuments(
    Object.entries(TEXTS).map(([id, pageContent]) => new Document({ id, pageContent, metadata: { kind: id === "scic" ? "legal" : "mesure" } })),
  );
  return store;
}

const dirs: string[] = [];
afterEach(async () => {
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
});

describe("hashed n-gram embeddings", () => {
  it("are L2-normalised, deterministic and tolerant to missing accents and typos", () => {
    const a = hashedVector("coopérative d'intérêt collectif");
    expect(a).toHaveLength(HASHED_DIMENSIONS);
    expect(dot(a, a)).toBeCloseTo(1, 6);
    expect(hashedVector("coopérative d'intérêt collectif")).toEqual(a);
    const noAccent = hashedVector("cooperative d'interet collectif");
    const typo = hashedVector("cooperativ d'interet colectif");
    const other = hashedVector("rencontres du mécénat des fondations");
    expect(dot(a, noAccent)).toBeCloseTo(1, 6);
    expect(dot(a, typo)).toBeGreaterThan(0.6);
    expect(dot(a, other)).toBeLessThan(0.3);
  });

  it("give a zero vector (not NaN) for text without words", () => {
    const v = hashedVector("… ?!");
    expect(v.every((x) => x === 0)).toBe(true);
  });
});

describe("HnswStore", () => {
  it("finds the nearest document first, with score = cosine similarity (higher is better)", async () => {
    const store = await filledStore();
    expect(store.size).toBe(4); // grew past its initial capacity of 2
    const q = await embeddings.embedQuery("agrement entreprise solidaire utilite sociale");
    const res = await store.similaritySearchVectorWithScore(q, 4);
    expect(res.map(([d]) => d.id)[0]).toBe("esus");
    for (const [d, score] of res) expect(score).toBeCloseTo(dot(q, hashedVector(TEXTS[d.id!]!)), 4);
    const scores = res.map(([, s]) => s);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    // through the LangChain VectorStore interface too
    const viaLc = await store.similaritySearch("société coopérative d'intérêt collectif", 1);
    expect(viaLc[0]!.id).toBe("scic");
    expect(viaLc[0]!.metadata.kind).toBe("legal");
  });

  it("applies a document filter", async () => {
    const store = await filledStore();
    const q = await embeddings.embedQuery("société coopérative d'intérêt collectif");
    const res = store.searchSync(q, 4, (d) => d.metadata.kind !== "legal");
    expect(res.length).toBeGreaterThan(0);
    expect(res.map(([d]) => d.id)).not.toContain("scic");
  });

  it("applies a filter given as a bitset by label, as the same document filter does", async () => {
    const store = await filledStore();
    await store.delete({ ids: ["communs"] });
    const keep = (id: string) => id !== "scic";
    const bits = store.labelBitset(keep);
    expect([...bits].filter((b) => b === 1)).toHaveLength(2); // esus, mecenat: scic refused, communs deleted
    const q = await embeddings.embedQuery("société coopérative d'intérêt collectif");
    const byLabel = store.searchSync(q, 4, bits);
    expect(byLabel.map(([d]) => d.id)).toEqual(store.searchSync(q, 4, (d) => keep(d.id!)).map(([d]) => d.id));
    expect(byLabel.map(([d]) => d.id).sort()).toEqual(["esus", "mecenat"]);
  });

  it("deletes documents and replaces a document added again with the same id", async () => {
    const store = await filledStore();
    await store.delete({ ids: ["esus", "unknown-id"] });
    expect(store.size).toBe(3);
    const q = await embeddings.embedQuery("agrément entreprise solidaire d'utilité sociale");
    expect(store.searchSync(q, 10).map(([d]) => d.id)).not.toContain("esus");

    await store.addDocuments([new Document({ id: "communs", pageContent: "Agrément entreprise solidaire d'utilité sociale (nouveau texte)." })]);
    expect(store.size).toBe(3);
    const res = store.searchSync(q, 10);
    expect(res[0]![0].id).toBe("communs");
    expect(res.filter(([d]) => d.id === "communs")).toHaveLength(1);
  });

  it("returns nothing from an empty store", async () => {
    const store = new HnswStore(embeddings, { dims: HASHED_DIMENSIONS });
    expect(store.searchSync(await embeddings.embedQuery("ESS"), 5)).toEqual([]);
  });

  it("saves and loads: same results, same scores, deletions kept, still writable", async () => {
    const store = await filledStore();
    await store.delete({ ids: ["mecenat"] });
    const dir = await mkdtemp(path.join(tmpdir(), "relais-hnsw-"));
    dirs.push(dir);
    await store.save(dir);

    const loaded = await HnswStore.load(dir, embeddings);
    expect(loaded.size).toBe(3);
    for (const text of Object.values(TEXTS)) {
      const q = await embeddings.embedQuery(text);
      const a = store.searchSync(q, 3).map(([d, s]) => [d.id, s.toFixed(5)]);
      const b = loaded.searchSync(q, 3).map(([d, s]) => [d.id, s.toFixed(5)]);
      expect(b).toEqual(a);
    }
    await loaded.addDocuments([new Document({ id: "mois", pageContent: "Le Mois de l'ESS a lieu chaque année en novembre." })]);
    const q = await embeddings.embedQuery("mois de l'ESS en novembre");
    expect(loaded.searchSync(q, 1)[0]![0].id).toBe("mois");
    expect(loaded.size).toBe(4);
  });

  it("fails clearly when loading from a folder without an index", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "relais-hnsw-"));
    dirs.push(dir);
    await expect(HnswStore.load(dir, embeddings)).rejects.toThrow();
  });
});
