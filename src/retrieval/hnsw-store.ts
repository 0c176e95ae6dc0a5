/**
 * A LangChain VectorStore over hnswlib-node's HierarchicalNSW (cosine space).
 * Scores returned are similarities (higher is better), documents can be deleted,
 * and the store saves to / loads from a folder.
 */
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import hnswlib from "hnswlib-node";
import { Document, type DocumentInterface } from "@langchain/core/documents";
import type { EmbeddingsInterface } from "@langchain/core/embeddings";
import { SaveableVectorStore } from "@langchain/core/vectorstores";

const { HierarchicalNSW } = hnswlib;
type Index = InstanceType<typeof HierarchicalNSW>;

export type HnswFilter = (doc: DocumentInterface) => boolean;

export interface HnswArgs {
  space?: "cosine" | "l2" | "ip";
  dims: number;
  m?: number;
  efConstruction?: number;
  efSearch?: number;
}

/**
 * HNSW settings for a corpus of `n` vectors: the product builds its index with them and
 * `npm run bench -- --scale` measures recall@10 against brute force with the same function.
 * The scaled corpora are hard for HNSW (each passage has up to N−1 near-copies): recall
 * levels off with efSearch alone (M 16 stops near 0.92 at 30 900 vectors, whatever the
 * breadth), so the graph gets more links (M) as the corpus grows, then a wider search.
 * Measured recall@10 on the tuning questions (scripts/bench-scale.ts corpora):
 * 309 → 0.995 (M 16, ef 64); 3 090 → 0.989 (M 16, ef 96); 9 270 → 0.99 and 15 450 → 0.977
 * (M 32, ef 160); 30 900 → 0.98 (M 48, ef 384); 61 800 → 0.970 (M 64, ef 768).
 * Beyond about 60 000 passages the settings are extrapolated, not measured.
 *
 * @example hnswParams(30_900) // { m: 48, efConstruction: 200, efSearch: 384 }
 */
export function hnswParams(n: number): { m: number; efConstruction: number; efSearch: number } {
  if (n <= 2_000) return { m: 16, efConstruction: 100, efSearch: 64 };
  if (n <= 5_000) return { m: 16, efConstruction: 100, efSearch: 96 };
  if (n <= 20_000) return { m: 32, efConstruction: 200, efSearch: 160 };
  if (n <= 40_000) return { m: 48, efConstruction: 200, efSearch: 384 };
  return { m: 64, efConstruction: 200, efSearch: 768 };
}

export class HnswStore extends SaveableVectorStore {
  declare FilterType: HnswFilter;
  private index: Index;
  private docs = new Map<number, DocumentInterface>();
  private idToLabel = new Map<string, number>();
  private nextLabel = 0;
  private readonly args: Required<HnswArgs>;

  constructor(embeddings: EmbeddingsInterface, args: HnswArgs, capacity = 1024) {
    super(embeddings, {});
    this.args = { space: "cosine", m: 16, efConstruction: 64, efSearch: 64, ...args };
    this.index = new HierarchicalNSW(this.args.space, this.args.dims);
    this.index.initIndex({
      maxElements: Math.max(16, capacity),
      m: this.args.m,
      efConstruction: this.args.efConstruction,
      allowReplaceDeleted: true,
    });
    this.index.setEf(this.args.efSearch);
  }

  _vectorstoreType(): string {
    return "hnswlib-node";
  }

  get size(): number {
    return this.docs.size;
  }

  /** Search breadth: higher is more exact and slower (recall/speed trade-off). */
  setEfSearch(ef: number): void {
    this.args.efSearch = ef;
    this.index.setEf(ef);
  }

  async addDocuments(documents: DocumentInterface[], options?: { ids?: string[] }): Promise<string[]> {
    const vectors = await this.embeddings.embedDocuments(documents.map((d) => d.pageContent));
    return this.addVectors(vectors, documents, options);
  }

  async addVectors(vectors: number[][], documents: DocumentInterface[], options?: { ids?: string[] }): Promise<string[]> {
    return this.addVectorsSync(vectors, documents, options?.ids);
  }

  addVectorsSync(vectors: number[][], documents: DocumentInterface[], ids?: string[]): string[] {
    const need = this.index.getCurrentCount() + vectors.length;
    if (need > this.index.getMaxElements()) this.index.resizeIndex(Math.max(need, this.index.getMaxElements() * 2));
    const out: string[] = [];
    for (let i = 0; i < vectors.length; i++) {
      const id = ids?.[i] ?? documents[i]!.id ?? String(this.nextLabel);
      const existing = this.idToLabel.get(id);
      if (existing !== undefined) this.deleteSync([id]);
      const label = this.nextLabel++;
      this.index.addPoint(vectors[i]!, label, true);
      this.docs.set(label, new Document({ ...documents[i]!, id }));
      this.idToLabel.set(id, label);
      out.push(id);
    }
    return out;
  }

  override async delete(params: { ids: string[] }): Promise<void> {
    this.deleteSync(params.ids);
  }

  deleteSync(ids: string[]): void {
    for (const id of ids) {
      const label = this.idToLabel.get(id);
      if (label === undefined) continue;
      this.index.markDelete(label);
      this.docs.delete(label);
      this.idToLabel.delete(id);
    }
  }

  async similaritySearchVectorWithScore(query: number[], k: number, filter?: HnswFilter): Promise<[DocumentInterface, number][]> {
    return this.searchSync(query, k, filter);
  }

  /**
   * `filter` is a function of the document, or a bitset by label (see `labelBitset`): the
   * index calls it for every node it visits, and a bitset read is far cheaper than a look-up.
   */
  searchSync(query: number[], k: number, filter?: HnswFilter | Uint8Array): [DocumentInterface, number][] {
    const n = Math.min(k, this.docs.size);
    if (n === 0) return [];
    const f =
      filter instanceof Uint8Array
        ? (label: number) => filter[label] === 1
        : filter
          ? (label: number) => {
              const d = this.docs.get(label);
              return d !== undefined && filter(d);
            }
          : undefined;
    const res = this.index.searchKnn(query, n, f);
    const out: [DocumentInterface, number][] = [];
    for (let i = 0; i < res.neighbors.length; i++) {
      const d = this.docs.get(res.neighbors[i]!);
      if (!d) continue;
      const dist = res.distances[i]!;
      out.push([d, this.args.space === "cosine" ? 1 - dist : -dist]);
    }
    return out;
  }

  /** A bitset by label of the documents `keep` accepts (by document id), for `searchSync`. */
  labelBitset(keep: (id: string) => boolean): Uint8Array {
    const out = new Uint8Array(this.nextLabel);
    for (const [label, d] of this.docs) if (d.id !== undefined && keep(d.id)) out[label] = 1;
    return out;
  }

  async save(directory: string): Promise<void> {
    await mkdir(directory, { recursive: true });
    await this.index.writeIndex(path.join(directory, "hnsw.index"));
    const docs = [...this.docs.entries()].map(([label, d]) => ({ label, id: d.id, pageContent: d.pageContent, metadata: d.metadata }));
    await writeFile(path.join(directory, "hnsw.docs.json"), JSON.stringify({ args: this.args, nextLabel: this.nextLabel, docs }));
  }

  static override async load(directory: string, embeddings: EmbeddingsInterface): Promise<HnswStore> {
    const meta = JSON.parse(await readFile(path.join(directory, "hnsw.docs.json"), "utf8")) as {
      args: Required<HnswArgs>;
      nextLabel: number;
      docs: { label: number; id: string; pageContent: string; metadata: Record<string, unknown> }[];
    };
    const store = new HnswStore(embeddings, meta.args, 16);
    store.index = new HierarchicalNSW(meta.args.space, meta.args.dims);
    await store.index.readIndex(path.join(directory, "hnsw.index"), true);
    store.index.setEf(meta.args.efSearch);
    for (const d of meta.docs) {
      store.docs.set(d.label, new Document({ id: d.id, pageContent: d.pageContent, metadata: d.metadata }));
      store.idToLabel.set(d.id, d.label);
    }
    store.nextLabel = meta.nextLabel;
    return store;
  }
}
