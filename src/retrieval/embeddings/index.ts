/**
 * Embeddings provider: the offline hashed n-grams by default, OpenAI-compatible
 * embeddings (OpenAI, Albert, Mistral, Ollama…) when EMBEDDINGS_MODEL and an
 * endpoint are configured. The OpenAI client is loaded only when first used.
 */
import { Embeddings } from "@langchain/core/embeddings";
import { HashedNgramEmbeddings } from "./hashed.js";

export interface EmbeddingsConfig {
  model?: string;
  baseURL?: string;
  apiKey?: string;
  timeoutMs?: number;
}

export interface NamedEmbeddings {
  /** Identifies the vector space: an index built with one id cannot be queried with another. */
  id: string;
  embeddings: Embeddings;
}

class LazyOpenAIEmbeddings extends Embeddings {
  private inner?: Promise<Embeddings>;
  constructor(private readonly cfg: Required<Pick<EmbeddingsConfig, "model">> & EmbeddingsConfig) {
    super({});
  }
  private load(): Promise<Embeddings> {
    this.inner ??= import("@langchain/openai").then(
      ({ OpenAIEmbeddings }) =>
        new OpenAIEmbeddings({
          model: this.cfg.model,
          apiKey: this.cfg.apiKey ?? "not-needed",
          timeout: this.cfg.timeoutMs ?? 10_000,
          maxRetries: 1,
          configuration: this.cfg.baseURL ? { baseURL: this.cfg.baseURL } : undefined,
        }),
    );
    return this.inner;
  }
  async embedDocuments(texts: string[]): Promise<number[][]> {
    return (await this.load()).embedDocuments(texts);
  }
  async embedQuery(text: string): Promise<number[]> {
    return (await this.load()).embedQuery(text);
  }
}

export function createEmbeddings(cfg: EmbeddingsConfig = {}): NamedEmbeddings {
  if (cfg.model && (cfg.apiKey || cfg.baseURL)) return { id: `openai:${cfg.model}`, embeddings: new LazyOpenAIEmbeddings({ ...cfg, model: cfg.model }) };
  const e = new HashedNgramEmbeddings();
  return { id: e.id, embeddings: e };
}
