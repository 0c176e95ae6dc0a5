/** Service settings read from the environment (src/server/settings.ts): ANSWER_WORKERS. */
import { describe, expect, it } from "vitest";
import { loadServerSettings, ServerSettingsProblems } from "../../src/server/settings.js";

describe("ANSWER_WORKERS", () => {
  it.each([
    [undefined, 0],
    ["", 0],
    ["0", 0],
    ["2", 2],
    ["auto", "auto"],
    [" Auto ", "auto"],
  ])("%j reads as %j", (raw, expected) => {
    expect(loadServerSettings(raw === undefined ? {} : { ANSWER_WORKERS: raw }).answerWorkers).toBe(expected);
  });

  it.each(["17", "-1", "1.5", "beaucoup"])("%j is refused with a French message naming the variable", (raw) => {
    let err: unknown;
    try {
      loadServerSettings({ ANSWER_WORKERS: raw });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ServerSettingsProblems);
    expect((err as ServerSettingsProblems).problems.join("\n")).toMatch(/ANSWER_WORKERS/);
  });
});
