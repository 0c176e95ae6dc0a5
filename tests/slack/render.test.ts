/** The Block Kit renderer on its own: escaping, French labels, Slack's limits. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Reply, type ReplyInput } from "../../src/domain/reply.js";
import { escapeMrkdwn, link, toMrkdwn, truncate } from "../../src/channels/slack/mrkdwn.js";
import { LIMITS, renderHandoffNotice, renderReply, splitMrkdwn } from "../../src/channels/slack/render.js";
import { slackToPlain } from "../../src/channels/slack/runtime.js";
import { ROUTE, SOURCES } from "../support/fake-assistant.js";

const reply = (r: Partial<ReplyInput>) => Reply.parse({ type: "answer", text: "Bonjour", ...r });

/** Every string Slack would parse as mrkdwn in a rendered message. */
function mrkdwnStrings(v: unknown, out: string[] = []): string[] {
  if (Array.isArray(v)) v.forEach((x) => mrkdwnStrings(x, out));
  else if (v && typeof v === "object") {
    const o = v as Record<string, unknown>;
    if (o.type === "mrkdwn" && typeof o.text === "string") out.push(o.text);
    Object.values(o).forEach((x) => mrkdwnStrings(x, out));
  }
  return out;
}

function checkLimits(m: { text: string; blocks: any[] }) {
  expect(m.blocks.length).toBeLessThanOrEqual(LIMITS.blocks);
  expect(m.text.length).toBeLessThanOrEqual(LIMITS.fallbackText);
  for (const b of m.blocks) {
    if (b.text) expect(b.text.text.length).toBeLessThanOrEqual(b.type === "header" ? LIMITS.headerText : LIMITS.sectionText);
    for (const f of b.fields ?? []) expect(f.text.length).toBeLessThanOrEqual(LIMITS.fieldText);
    if (b.type === "actions") expect(b.elements.length).toBeLessThanOrEqual(LIMITS.actionsPerBlock);
    for (const e of b.elements ?? []) {
      if (e.type === "button") {
        expect(e.text.text.length).toBeLessThanOrEqual(LIMITS.buttonText);
        if (e.action_id.startsWith("ess:action:")) expect(e.text.text).toMatch(/\p{L}{2,}/u);
        if (e.value !== undefined) expect(e.value.length).toBeLessThanOrEqual(LIMITS.buttonValue);
      }
    }
  }
}

describe("mrkdwn safety", () => {
  it("escapes the control characters and special mentions", () => {
    expect(escapeMrkdwn("a & b <!channel> <@U1> @here")).toBe("a &amp; b &lt;!channel&gt; &lt;@U1&gt; @\u200Bhere");
  });

  it("converts the core's Markdown subset", () => {
    expect(toMrkdwn("Intro **gras** [1]\n- un\n- deux")).toBe("Intro *gras* [1]\n• un\n• deux");
  });

  it("only links http(s) URLs and keeps labels from closing the link", () => {
    expect(link("javascript:alert(1)", "clic")).toBe("clic");
    expect(link("https://ex.org/a|b>c", "x|y>")).toBe("<https://ex.org/a%7Cb%3Ec|x¦y&gt;>");
    expect(link(undefined, "<@U1>")).toBe("&lt;@U1&gt;");
  });

  it("reads Slack markup back as plain text for the core", () => {
    expect(slackToPlain("<@UBOT> bonjour <@U2> voir <https://a.fr|ce lien> &lt;b&gt; <#C1|général> <!here>", "UBOT")).toBe(
      "bonjour @utilisateur voir ce lien <b> #général @here",
    );
  });

  it("truncates without splitting an entity or a surrogate pair", () => {
    expect(truncate("abc &amp; def", 6)).toBe("abc…");
    const t = truncate("👍👍👍", 4);
    expect(t.endsWith("…")).toBe(true);
    expect(() => encodeURIComponent(t)).not.toThrow();
  });

  it("splits long text into sections under the limit", () => {
    const chunks = splitMrkdwn(`${"mot ".repeat(2000)}\n\n${"&amp;".repeat(1000)}`, 3000);
    for (const c of chunks) {
      expect(c.length).toBeLessThanOrEqual(3000);
      expect(c).not.toMatch(/&[a-z]{0,3}$/);
    }
  });

  it("never lets arbitrary text become Slack markup (property)", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), fc.string({ maxLength: 200 }), fc.string({ maxLength: 200 }), (text, title, question) => {
        const r = reply({
          text,
          sources: [{ ...SOURCES[0], title, section: question }],
          route: { ...ROUTE, why: question, contacts: [{ label: title, url: question }] },
          followUps: [question || "?"],
          eligibility: [
            { process: "dla", verdict: "to-check", reasons: [{ condition: "c", text: question, met: null, source: "s" }], missing: [], checker: title },
          ],
          actions: [{ id: "handoff", label: title }],
        });
        const m = renderReply(r);
        checkLimits(m as any);
        for (const s of [...mrkdwnStrings(m.blocks), m.text]) {
          const markup = s.match(/<[^>]*>?/g) ?? [];
          // The only markup left: our links to the source/contact URLs.
          for (const tag of markup) expect(tag).toMatch(/^<https?:\/\/[^\s<>|]+\|[^<>]*>$/);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe("renderReply", () => {
  it("labels sources by kind in French and marks reported ones", () => {
    const m = renderReply(reply({ sources: SOURCES.map((s) => ({ ...s })) }));
    const s = JSON.stringify(m.blocks);
    expect(s).toContain("_mesure du schéma_");
    expect(s).toContain("_résultat de la concertation_ · à vérifier");
    expect(s).toContain("_cadre légal_");
  });

  it("uses the nature when the core provides one", () => {
    const r = reply({ sources: [{ ...SOURCES[0], kind: "process" }] });
    (r.sources[0] as any).nature = "engagement-schema";
    const m = renderReply(r);
    expect(JSON.stringify(m.blocks)).toContain("_engagement du schéma_");
  });

  it("gives emoji-only buttons a word", () => {
    const m = renderReply(
      reply({
        actions: [
          { id: "rate-up", label: "👍" },
          { id: "rate-down", label: "👎" },
        ],
        interactionId: "i-1",
      }),
    );
    const labels = m.blocks.filter((b) => b.type === "actions").flatMap((b: any) => b.elements.map((e: any) => [e.text.text, e.value]));
    expect(labels).toEqual([
      ["👍 Utile", "i-1"],
      ["👎 Pas utile", "i-1"],
    ]);
  });

  it("keeps action ids unique and button texts non-empty (Slack rejects the message otherwise)", () => {
    const m = renderReply(
      reply({
        actions: [
          { id: "confirm", label: "Oui" },
          { id: "confirm", label: "Encore oui" },
          { id: "cancel", label: "  " },
        ],
        followUps: ["   ", "Une question ?"],
        prompt: {
          field: "f",
          question: "Q ?",
          options: [
            { value: "a", label: "" },
            { value: "b", label: "B" },
          ],
        },
      }),
    );
    for (const b of m.blocks.filter((x: any) => x.type === "actions") as any[]) {
      const ids = b.elements.map((e: any) => e.action_id);
      expect(new Set(ids).size).toBe(ids.length);
      for (const e of b.elements) expect(e.text.text.trim().length).toBeGreaterThan(0);
    }
    const core = m.blocks.flatMap((b: any) => b.elements ?? []).filter((e: any) => String(e.action_id).startsWith("ess:action:"));
    expect(core.map((e: any) => e.text.text)).toEqual(["Oui", "Annuler"]);
  });

  it("renders eligibility verdicts, a prompt's options and a handoff", () => {
    const results: ReplyInput["eligibility"] = [
      {
        process: "appel-a-communs",
        verdict: "ineligible",
        reasons: [{ condition: "min3", text: "Il faut au moins 3 structures.", met: false, source: "x" }],
        missing: [],
      },
      { process: "dla", verdict: "incomplete", reasons: [], missing: [{ fact: "employees", question: "Combien de salariés ?" }] },
    ];
    const m = renderReply(
      reply({
        type: "eligibility",
        text: "Résultat",
        eligibility: results,
        prompt: { field: "legalForm", question: "Quelle forme ?", options: Array.from({ length: 30 }, (_, i) => ({ value: `v${i}`, label: `Option ${i}` })) },
        handoff: { id: "abcdef123456", process: "dla", status: "open", summary: "s", facts: {}, sources: [], createdAt: new Date().toISOString() },
      }),
    );
    const s = JSON.stringify(m.blocks);
    // Once and short: a verdict per process, the missing facts named, the detail one click away.
    expect(s).toContain("• *Appel à communs* : ❌ Non éligible");
    expect(s).toContain("Pour conclure, il me manque : nombre de salariés.");
    expect(s).not.toContain("Il faut au moins 3 structures.");
    expect(s).not.toContain('Résultat"');
    expect(m.text.startsWith("Résultat de la vérification d'éligibilité")).toBe(true);
    expect(s).toContain("référence abcdef12");
    const labels = m.blocks
      .flatMap((b: any) => b.elements ?? [])
      .filter((e: any) => e.type === "button")
      .map((e: any) => e.text.text);
    expect(labels).toEqual(expect.arrayContaining(["Voir le détail", "Compléter les informations"]));
    const optionBlocks = m.blocks.filter((b: any) => b.block_id?.startsWith("ess-options-"));
    expect(optionBlocks).toHaveLength(2); // 25 + 5
    checkLimits(m as any);

    // "Voir le détail": every condition, what is missing, no "Voir le détail" button any more.
    const detail = renderReply(reply({ type: "eligibility", text: "Résultat", eligibility: results }), { detail: true });
    const d = JSON.stringify(detail.blocks);
    expect(d).toContain("✘ Il faut au moins 3 structures.");
    expect(d).toContain("Il me manque : Combien de salariés ?");
    expect(d).not.toContain("Voir le détail");
    checkLimits(detail as any);
  });

  it("cuts long sections between sentences, never inside a link", () => {
    const sentence = (i: number) => `Phrase numéro ${i} sur l'économie sociale et solidaire du Gard, avec un peu de contenu utile.`;
    const text = Array.from({ length: 120 }, (_, i) => sentence(i)).join(" ") + " <https://exemple.fr/une/adresse|un lien avec des espaces> fin.";
    const chunks = splitMrkdwn(text, 3000);
    expect(chunks.length).toBeGreaterThan(3);
    for (const c of chunks) {
      expect(c.length).toBeLessThanOrEqual(3000);
      expect(c).toMatch(/[.>]$/); // each section ends a sentence (or the text)
      expect((c.match(/</g) ?? []).length).toBe((c.match(/>/g) ?? []).length);
    }
    expect(chunks.join(" ")).toBe(text);
  });

  it("shows a vote instead of its button, and a question's choice instead of its options", () => {
    const answer = reply({
      interactionId: "i1",
      actions: [
        { id: "rate-up", label: "👍 Utile" },
        { id: "rate-down", label: "👎 Pas utile" },
        { id: "handoff", label: "Parler à une personne" },
      ],
    });
    const voted = JSON.stringify(renderReply(answer, { vote: "up" }).blocks);
    expect(voted).toContain("Avis donné : réponse utile");
    expect(voted).not.toContain("ess:action:rate-up");
    expect(voted).toContain("ess:action:rate-down");
    const question = reply({
      type: "prompt",
      text: "Êtes-vous en QPV ?",
      prompt: {
        field: "inQpv",
        question: "Êtes-vous en QPV ?",
        options: [
          { value: "oui", label: "Oui" },
          { value: "non", label: "Non" },
        ],
      },
      actions: [{ id: "cancel", label: "Annuler" }],
    });
    const chosen = renderReply(question, { chosen: "Non" });
    expect(JSON.stringify(chosen.blocks)).toContain("Votre réponse : *Non*");
    expect(chosen.blocks.some((b: any) => b.type === "actions")).toBe(false);
  });

  it("carries the message id and the person asked in the block ids of its buttons", () => {
    const m = renderReply(reply({ actions: [{ id: "handoff", label: "Parler à une personne" }], followUps: ["Une question ?"] }), {
      tag: { m: "0123456789abcdef", u: "U123" },
    });
    const ids = m.blocks.filter((b: any) => b.type === "actions").map((b: any) => b.block_id);
    expect(ids.length).toBe(2);
    for (const id of ids) expect(id).toMatch(/~m:0123456789abcdef~u:U123$/);
  });

  it("stays within limits for huge replies", () => {
    const m = renderReply(
      reply({
        text: "x".repeat(100_000),
        sources: Array.from({ length: 200 }, (_, i) => ({ ...SOURCES[0], n: i + 1, title: "t".repeat(500) })),
        followUps: Array.from({ length: 20 }, () => "q".repeat(3000)),
        actions: [{ id: "handoff", label: "Parler à une personne", value: "v".repeat(5000) }],
      }),
    );
    checkLimits(m as any);
    expect(m.blocks.at(-2)?.type).toBe("actions");
  });

  it("renders the handoff notice with a resolve button, then its resolved state", () => {
    const h = {
      id: "h-1234567890",
      createdAt: "2026-03-01T10:00:00.000Z",
      status: "open" as const,
      process: "dla" as const,
      userHash: "x",
      channel: "slack" as const,
      conversationKey: "k",
      summary: "Besoin d'aide <!channel>",
      question: "Q ?",
      facts: { employees: 3 },
      sources: ["dla"],
    };
    const open = renderHandoffNotice(h, { requester: "U123" });
    expect(JSON.stringify(open.blocks)).toContain("Marquer comme traité");
    expect(JSON.stringify(open.blocks)).toContain("&lt;!channel&gt;");
    expect(JSON.stringify(open.blocks)).toContain("<@U123>");
    expect(JSON.stringify(open.blocks)).toContain("*Nombre de salariés*\\n3");
    expect(JSON.stringify(open.blocks)).toContain("via Slack");
    const done = renderHandoffNotice({ ...h, status: "resolved", resolvedAt: "2026-03-02T10:00:00.000Z" }, { resolvedBy: "U999" });
    expect(JSON.stringify(done.blocks)).not.toContain("Marquer comme traité");
    expect(JSON.stringify(done.blocks)).toContain("Traitée* par <@U999>");
    // A requester id that is not a Slack user id is never turned into a mention.
    expect(JSON.stringify(renderHandoffNotice(h, { requester: "!channel" }).blocks)).not.toContain("<!channel>");
  });
});
