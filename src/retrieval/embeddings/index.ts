/**
 * Embeddings provider: the offline hashed n-grams by default, OpenAI-compatible
 * embeddings (OpenAI, Albert, Mistral, Ollama…) when EMBEDDINGS_MODEL and an
 * endpoint are configured.
 */
import type { Embeddings } from "@langchain/core/embeddings";
import { OpenAIEmbeddings } from "@langchain/openai";
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

export function createEmbeddings(cfg: EmbeddingsConfig = {}): NamedEmbeddings {
  if (cfg.model && (cfg.apiKey || cfg.baseURL)) {
    return {
      id: `openai:${cfg.model}`,
      embeddings: new OpenAIEmbeddings({
        model: cfg.model,
        apiKey: cfg.apiKey ?? "not-needed",
        timeout: cfg.timeoutMs ?? 10_000,
        maxRetries: 1,
        configuration: cfg.baseURL ? { baseURL: cfg.baseURL } : undefined,
      }),
    };
  }
  const e = new HashedNgramEmbeddings();
  return { id: e.id, embeddings: e };
}
