/**
 * A follow-up read with its topic's words is answered first from the documents its topic was
 * answered with (AskOptions.topic): a reading that drifts to another subject's figures or names
 * gives way to a passage of those documents holding what the follow-up asks.
 */
import { describe, expect, it } from "vitest";
import { sharedRuntime } from "./helpers.js";

const t = sharedRuntime({ llm: null });

const read = (own: string, ...previous: string[]) => [own, ...previous].join(" — ");

describe("a follow-up answered from its topic's documents", () => {
  it("names who runs the scheme locally, from the topic's documents", async () => {
    const own = "et sur notre département, qui s'en occupe ?";
    const reply = await t.runtime.answerer.ask(read(own, "faut payer quelque chose ?", "Le DLA, ça marche comment ?"), {
      audience: "porteur",
      own,
      topic: { sources: ["dla", "dla-gard-acegaa"] },
    });
    expect(reply.refused).toBe(false);
    expect(reply.text).toMatch(/acegaa/i);
    expect(reply.sources[0]?.id).toMatch(/^dla/);
  });
});
