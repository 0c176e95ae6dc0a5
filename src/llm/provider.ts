/**
 * The optional language model: any OpenAI-compatible endpoint (OpenAI, Albert,
 * Mistral, vLLM, Ollama…) through @langchain/openai. Without configuration the
 * assistant works offline and this returns null.
 */
import type { BaseChatModel } from "@langchain/core/language_models/chat_models";

export interface LlmConfig {
  model?: string;
  baseURL?: string;
  apiKey?: string;
  timeoutMs?: number;
  temperature?: number;
}

/** The OpenAI client library is loaded only when a model is configured (faster offline start). */
export async function createChatModel(cfg: LlmConfig): Promise<BaseChatModel | null> {
  if (!cfg.model || !(cfg.apiKey || cfg.baseURL)) return null;
  const { ChatOpenAI } = await import("@langchain/openai");
  return new ChatOpenAI({
    model: cfg.model,
    apiKey: cfg.apiKey ?? "not-needed",
    temperature: cfg.temperature ?? 0.1,
    timeout: cfg.timeoutMs ?? 8_000,
    maxRetries: 0,
    configuration: cfg.baseURL ? { baseURL: cfg.baseURL } : undefined,
  });
}
