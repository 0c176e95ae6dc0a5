/**
 * The shared French vocabulary (src/domain): every id has one label, in words,
 * and the channels style these labels rather than rewording them.
 */
import { describe, expect, it } from "vitest";
import { DOC_KINDS, PROCESS_IDS } from "../../src/domain/ids.js";
import { Verdict } from "../../src/domain/reply.js";
import { APOLOGY_TEXT, helpText } from "../../src/domain/copy.js";
import { BLOCKERS, FRICTION_FIELD_ORDER, FrictionInput, JOURNEY_STEPS, validateFriction } from "../../src/domain/friction.js";
import { ACTION_LABELS, BLOCKER_LABELS, DOC_KIND_LABELS, PROCESS_LABELS, STEP_LABELS, VERDICT_LABELS, verdictText } from "../../src/domain/labels.js";
import { KIND_LABELS as SLACK_KINDS, VERDICT_LABELS as SLACK_VERDICTS, APOLOGY_TEXT as SLACK_APOLOGY } from "../../src/channels/slack/labels.js";
import { VERDICT_LABELS as TEAMS_VERDICTS } from "../../src/channels/teams/labels.js";
import { APOLOGY_TEXT as TEAMS_APOLOGY } from "../../src/channels/teams/render.js";

const words = /\p{L}{2,}/u;

describe("domain labels", () => {
  it("names every process, step, blocker, document kind, verdict and action in French words", () => {
    const maps: [readonly string[], Record<string, string>][] = [
      [PROCESS_IDS, PROCESS_LABELS],
      [JOURNEY_STEPS, STEP_LABELS],
      [BLOCKERS, BLOCKER_LABELS],
      [DOC_KINDS, DOC_KIND_LABELS],
      [Verdict.options, VERDICT_LABELS],
      [Object.keys(ACTION_LABELS), ACTION_LABELS],
    ];
    for (const [ids, labels] of maps) {
      expect(Object.keys(labels).sort()).toEqual([...ids].sort());
      for (const id of ids) expect(labels[id]).toMatch(words);
    }
  });

  it("writes a verdict in lower case inside a sentence", () => {
    expect(verdictText("ineligible")).toBe("non éligible");
    expect(verdictText("to-check")).toBe("à vérifier par une personne");
  });

  it("lets Slack and Teams style the shared labels without rewording them", () => {
    for (const v of Verdict.options) {
      expect(SLACK_VERDICTS[v].endsWith(VERDICT_LABELS[v])).toBe(true);
      expect(TEAMS_VERDICTS[v]).toBe(VERDICT_LABELS[v]);
    }
    for (const k of DOC_KINDS) expect(SLACK_KINDS[k].toLowerCase()).toBe(DOC_KIND_LABELS[k].toLowerCase());
    expect(SLACK_APOLOGY).toBe(APOLOGY_TEXT);
    expect(TEAMS_APOLOGY).toBe(APOLOGY_TEXT);
  });

  it("offers the report in the help only to agents", () => {
    expect(helpText("agent")).toMatch(/rapport/);
    expect(helpText("porteur")).not.toMatch(/rapport/);
  });
});

describe("domain friction", () => {
  it("asks the fields the schema validates, in order", () => {
    expect(FRICTION_FIELD_ORDER).toEqual(Object.keys(FrictionInput.shape));
  });

  it("names each wrong field in French and accepts a valid report", () => {
    const bad = validateFriction({ step: "inconnue", severity: 7 });
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.errors.join("\n")).toMatch(/Étape inconnue/);
      expect(bad.errors.join("\n")).toMatch(/gravité/);
      expect(bad.errors.join("\n")).toMatch(/la commune/);
    }
    const good = validateFriction({
      step: "depot",
      blocker: "delai",
      process: "dla",
      commune: " Alès ",
      description: "Le dépôt a pris trois mois.",
      severity: 2,
      contactOk: false,
    });
    expect(good).toMatchObject({ ok: true, value: { commune: "Alès" } });
  });
});
