/**
 * With a language model, the lead of a project-fit answer may be rephrased for
 * its reader — and nothing else: the options, verdicts and sources stay those
 * computed offline. A rephrasing that drops or adds a citation, adds a figure or
 * a link, or runs long is discarded and the offline lead kept.
 */
import type { BaseChatModel } from "@langchain/core/language_models/chat_models";
import type { Audience } from "../domain/ids.js";
import { fill, loadPrompt } from "../answer/prompts.js";
import { withTimeout } from "../core/timeout.js";

const markers = (s: string) =>
  [...s.matchAll(/\[(\d+)\]/g)]
    .map((m) => m[1])
    .sort()
    .join(",");
const numbers = (s: string) => new Set((s.replace(/\[\d+\]/g, "").match(/\d+(?:[ ,.]\d+)*/g) ?? []).map((n) => n.replace(/\D/g, "")));

/** Whether `candidate` only rephrases `lead`: same citations, no new figure, no link, similar length. */
export function isFaithfulRephrasing(lead: string, candidate: string): boolean {
  const c = candidate.trim();
  if (c.length < 10 || c.length > lead.length * 2 + 80) return false;
  if (markers(c) !== markers(lead)) return false;
  if (/https?:|www\./i.test(c)) return false;
  const known = numbers(lead);
  for (const n of numbers(c)) if (!known.has(n)) return false;
  return true;
}

export interface RephraseOptions {
  llm: BaseChatModel;
  audience: Audience;
  timeoutMs?: number;
  promptsDir?: string;
}

/** The rephrased lead, or the lead itself when the model fails or strays. */
export async function rephraseLead(lead: string, o: RephraseOptions): Promise<{ lead: string; rephrased: boolean }> {
  const abort = new AbortController();
  const system = fill(loadPrompt("fit-lead", o.promptsDir), { audience: o.audience === "agent" ? "agent du Département" : "porteur de projet" });
  const res = await withTimeout(
    o.llm.invoke(
      [
        { role: "system", content: system },
        { role: "user", content: lead },
      ],
      { signal: abort.signal },
    ),
    o.timeoutMs ?? 8000,
    { abort, message: "LLM timeout" },
  );
  const raw = typeof res.content === "string" ? res.content : res.content.map((c) => ("text" in c ? c.text : "")).join("");
  const candidate = raw.replace(/\s+/g, " ").trim();
  return isFaithfulRephrasing(lead, candidate) ? { lead: candidate, rephrased: true } : { lead, rephrased: false };
}
