import { describe, expect, it } from "vitest";
import { TestAdapter, type Activity } from "botbuilder";
import { RelaisTeamsBot } from "../../src/channels/teams/bot.js";
import { silentLogger } from "../../src/channels/teams/logger.js";
import { MemoryStorage } from "../../src/storage/memory.js";
import { DLA, FakeAssistant } from "../support/fake-assistant.js";
import { BOT, CHANNEL, TEAM, botAddedToChannel, cardTexts, channelMessage, findAll, mention, personalMessage, submitMessage } from "../support/teams.js";

function setup(teamAudience?: Record<string, "agent" | "porteur">) {
  const storage = new MemoryStorage();
  const assistant = new FakeAssistant({ storage, script: DLA });
  const bot = new RelaisTeamsBot({
    assistant,
    storage,
    logger: silentLogger,
    teamAudience,
    retry: { baseMs: 1 },
    reportAccess: { tenants: ["tenant-1"], teams: [], users: [] },
  });
  const adapter = new TestAdapter((ctx) => bot.run(ctx));
  const typing: Partial<Activity>[] = [];
  /** What the bot sent back (typing indicators collected apart). */
  const send = async (activity: Record<string, unknown>) => {
    await adapter.processActivity(activity as Partial<Activity>);
    const out = adapter.activeQueue.splice(0) as Partial<Activity>[];
    typing.push(...out.filter((a) => a.type === "typing"));
    return out.filter((a) => a.type !== "typing");
  };
  return { storage, assistant, bot, adapter, send, typing };
}

const cardOf = (a: Partial<Activity> | undefined) => a?.attachments?.[0]?.content as Record<string, any> | undefined;

describe("Teams bot (TestAdapter)", () => {
  it("answers a question in personal chat with AI label, citations, feedback loop and the route card", async () => {
    const { send, assistant, storage } = setup();
    const out = await send(personalMessage("Quel accompagnement pour consolider notre association ?"));
    expect(out).toHaveLength(1);
    const reply = out[0]!;
    expect(reply.text).toContain("[1]");
    expect(reply.text).toContain("**DLA**");
    const entity = reply.entities?.[0] as any;
    expect(entity.type).toBe("https://schema.org/Message");
    expect(entity.additionalType).toEqual(["AIGeneratedContent"]);
    expect(entity.citation.map((c: any) => c.position)).toEqual([1, 2]);
    for (const c of entity.citation) {
      expect(c.appearance["@type"]).toBe("DigitalDocument");
      expect(c.appearance.abstract.length).toBeLessThanOrEqual(160);
      expect(c.appearance.name.length).toBeGreaterThan(0);
    }
    expect(entity.citation[0].appearance.url).toBe("https://www.info-dla.fr/");
    expect(entity.citation[1].appearance.keywords).toContain("À vérifier");
    // Teams' current feedback loop form.
    expect((reply.channelData as any).feedbackLoop).toEqual({ type: "default" });

    const card = cardOf(reply)!;
    expect(card.version).toBe("1.5");
    const texts = cardTexts(card);
    expect(texts).toContain("DLA du Gard (Acegaa)");
    const titles = (card.actions as any[]).map((a) => a.title);
    expect(titles).toEqual(["Vérifier l'éligibilité", "Signaler une difficulté", "Parler à une personne"]);
    expect((card.actions as any[]).every((a) => a.type === "Action.Submit" && a.data.relais === "action")).toBe(true);

    // Agents' mode by default, the teams channel, the AAD id as user id.
    expect(assistant.turns[0]).toMatchObject({ channel: "teams", audience: "agent", userId: "aad-user-1" });
    // The sent message id is linked to the interaction for the feedback loop.
    const interactionId = await storage.findInteractionByMessage("teams", reply.id!);
    expect(interactionId).toBeTruthy();
  });

  it("reads an @mention in a channel without the mention text and stores the channel reference", async () => {
    const { send, assistant, storage } = setup({ [TEAM.id]: "porteur" });
    const out = await send(channelMessage("<at>Relais ESS</at> Qui porte le DLA dans le Gard ?", { entities: [mention()] }));
    expect(out).toHaveLength(1);
    expect(assistant.turns[0]?.text).toBe("Qui porte le DLA dans le Gard ?");
    expect(assistant.turns[0]?.audience).toBe("porteur");
    const ref = await storage.getChannelRef<any>(`teams:${CHANNEL.id}`);
    expect(ref.reference.conversation.id).toBe(CHANNEL.id);
    expect(ref.reference.activityId).toBeUndefined();
    expect(ref.channelName).toBe(CHANNEL.name);
  });

  it("welcomes with suggested questions when added to a team and stores the reference", async () => {
    const { send, storage } = setup();
    const out = await send(botAddedToChannel());
    expect(out).toHaveLength(1);
    const card = cardOf(out[0])!;
    expect(cardTexts(card).join(" ")).toContain("Bonjour, je suis Relais ESS");
    const asks = findAll(card, (o) => (o.data as any)?.relais === "ask");
    expect(asks.length).toBeGreaterThanOrEqual(3);
    expect(await storage.getChannelRef(`teams:${CHANNEL.id}`)).not.toBeNull();
    expect(await storage.getChannelRef(`teams:${TEAM.id}`)).not.toBeNull();
  });

  it("does not welcome when someone else joins", async () => {
    const { send } = setup();
    const act = botAddedToChannel();
    act.membersAdded = [{ id: "29:someone-else" }];
    expect(await send(act)).toHaveLength(0);
  });

  it("shows the eligibility form, validates it, and answers with a verdict card", async () => {
    const { send, assistant } = setup();
    const form = await send(submitMessage({ relais: "action", id: "eligibility" }));
    const formCard = cardOf(form[0])!;
    const inputs = findAll(formCard, (o) => typeof o.type === "string" && (o.type as string).startsWith("Input."));
    const ids = inputs.map((i) => i.id);
    expect(ids).toEqual(expect.arrayContaining(["legalForm", "projectStage", "commune", "employees", "partnerStructures", "projectCost", "inQpv"]));
    expect(inputs.find((i) => i.id === "employees")?.type).toBe("Input.Number");
    expect(assistant.turns).toHaveLength(0);

    // Invalid: negative staff, decimal structures → errors shown back, core not called.
    const bad = await send(submitMessage({ relais: "form", kind: "eligibility", legalForm: "association", employees: "-2", partnerStructures: "1.5" }));
    expect(assistant.turns).toHaveLength(0);
    const badTexts = cardTexts(cardOf(bad[0])).join("\n");
    expect(badTexts).toContain("Quelques informations sont à corriger");
    expect(badTexts).toContain("Nombre de salariés : le nombre ne peut pas être négatif.");
    expect(badTexts).toContain("indiquez un nombre entier");
    // The previous answers are kept in the form.
    expect(findAll(cardOf(bad[0]), (o) => o.id === "legalForm")[0]?.value).toBe("association");

    const ok = await send(
      submitMessage({
        relais: "form",
        kind: "eligibility",
        legalForm: "association",
        employees: "4",
        commune: "Alès",
        inQpv: "unknown",
        essStatutes: "false",
        projectCost: "",
      }),
    );
    expect(assistant.turns[0]?.form).toEqual({
      kind: "eligibility",
      values: { legalForm: "association", employees: 4, commune: "Alès", essStatutes: false },
    });
    const verdict = cardTexts(cardOf(ok[0])).join("\n");
    expect(verdict).toContain("Dispositif local d'accompagnement (DLA)");
    expect(verdict).toContain("Éligible");
    expect(verdict).toContain("À vérifier par une personne");
    expect(verdict).toContain("L'équipe ESS du Département");
  });

  it("validates and submits the friction form", async () => {
    const { send, assistant, storage } = setup();
    const form = await send(submitMessage({ relais: "action", id: "friction", process: "dla" }));
    expect(findAll(cardOf(form[0]), (o) => o.id === "process")[0]?.value).toBe("dla");

    const bad = await send(submitMessage({ relais: "form", kind: "friction", process: "dla", step: "depot", severity: "2" }));
    const errors = cardTexts(cardOf(bad[0])).join("\n");
    expect(errors).toContain("Indiquez la commune");
    expect(errors).toContain("Décrivez la difficulté");
    expect(errors).toContain("Choisissez la nature de la difficulté");
    expect(assistant.turns).toHaveLength(0);

    const ok = await send(
      submitMessage({
        relais: "form",
        kind: "friction",
        process: "dla",
        step: "depot",
        blocker: "piece-justificative",
        commune: "Nîmes",
        description: "La plateforme refuse les PDF de plus de 2 Mo.",
        severity: "3",
        contactOk: "true",
      }),
    );
    expect(ok[0]?.text).toContain("signalement est enregistré");
    const data = await storage.reportData({});
    expect(data.frictions).toHaveLength(1);
    expect(data.frictions[0]).toMatchObject({ severity: 3, contactOk: true, blocker: "piece-justificative" });
  });

  it("stores 👍/👎 feedback joined to the rated message", async () => {
    const { send, storage } = setup();
    const [answer] = await send(personalMessage("Quel accompagnement ?"));
    const out = await send({
      type: "invoke",
      name: "message/submitAction",
      id: "invoke-1",
      channelId: "msteams",
      from: { id: "29:user-1", aadObjectId: "aad-user-1" },
      recipient: BOT,
      conversation: { id: "a:personal-conv-1", conversationType: "personal" },
      replyToId: answer!.id,
      value: {
        actionName: "feedback",
        actionValue: { reaction: "dislike", feedback: JSON.stringify({ feedbackText: "Il manque le contact." }) },
      },
    });
    const invokeResponse = out.find((a) => a.type === "invokeResponse");
    expect((invokeResponse?.value as any)?.status).toBe(200);
    expect(out.filter((a) => a.type === "message")).toHaveLength(0);
    const { ratings } = await storage.reportData({});
    expect(ratings).toHaveLength(1);
    expect(ratings[0]).toMatchObject({ value: "down", comment: "Il manque le contact." });
    expect(ratings[0]?.interactionId).toBe(await storage.findInteractionByMessage("teams", answer!.id!));
  });

  it("rejects a malformed feedback invoke with 400", async () => {
    const { send } = setup();
    const out = await send({
      type: "invoke",
      name: "message/submitAction",
      id: "invoke-2",
      replyToId: "x",
      value: { actionName: "feedback", actionValue: { reaction: "love" } },
    });
    expect((out.find((a) => a.type === "invokeResponse")?.value as any)?.status).toBe(400);
  });

  it("answers the same activity id once", async () => {
    const { send, assistant } = setup();
    const act = personalMessage("Quel accompagnement ?");
    expect(await send(act)).toHaveLength(1);
    expect(await send({ ...act })).toHaveLength(0);
    expect(assistant.turns).toHaveLength(1);
  });

  it("apologises and routes to a person when the core fails", async () => {
    const { send, assistant } = setup();
    assistant.failNext = true;
    const [msg] = await send(personalMessage("Une question"));
    expect(msg?.text).toMatch(/^Désolé/);
    const titles = (cardOf(msg)!.actions as any[]).map((a) => a.title);
    expect(titles).toContain("Parler à une personne");
  });

  it("gives the report on request, and maps commands and prompt options", async () => {
    const { send, assistant } = setup();
    // "rapport" inside a real question is a question, not the command.
    await send(personalMessage("Quel rapport entre le DLA et France Active ?"));
    expect(assistant.turns[0]?.text).toBe("Quel rapport entre le DLA et France Active ?");
    const [report] = await send(personalMessage("Rapport"));
    expect(assistant.turns[1]?.action).toEqual({ id: "report" });
    expect(report?.text).toContain("Rapport des 30 derniers jours");
    const figures = cardTexts(cardOf(report)).join("\n");
    expect(figures).toContain("Rapport d'activité de Relais ESS");
    expect(figures).toMatch(/Questions posées : \n?1 \(dont 0 sans réponse\)/);

    const [form] = await send(personalMessage("éligibilité"));
    expect(cardTexts(cardOf(form))[0]).toBe("Vérifier l'éligibilité");

    await send(submitMessage({ relais: "prompt", field: "legalForm", value: "association" }));
    expect(assistant.turns[2]?.text).toBe("association");
    await send(submitMessage({ relais: "ask", question: "Comment obtenir l'agrément ESUS ?" }));
    expect(assistant.turns[3]?.text).toBe("Comment obtenir l'agrément ESUS ?");
  });

  it("ignores unknown card payloads and answers an empty mention with help", async () => {
    const { send, assistant } = setup();
    expect(await send(submitMessage({ foo: "bar" }))).toHaveLength(0);
    const out = await send(channelMessage("<at>Relais ESS</at>", { entities: [mention()] }));
    expect(assistant.turns[0]?.action).toEqual({ id: "help" });
    expect(out).toHaveLength(1);
  });
});
