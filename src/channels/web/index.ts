/**
 * The web playground: a static page (public/, no build step) and its small
 * JSON API, mounted by the service at `/`:
 *
 * - `POST /api/turn` → assistant.handle() on the `web` channel, with a
 *   browser-generated conversation id and an anonymous user id cookie;
 *   eligibility / friction forms are `form` turns (checked first: a 400 names
 *   each field in French, `fields`), ratings `action` turns; follow-ups come
 *   back as short questions.
 * - `GET /api/vocabulary` → facts and friction vocabularies with labels.
 * - `GET /api/report?days=30[&format=json|html|md|csv]` → the ESS team's report
 *   (JSON of src/report/build.ts by default; the other formats of src/report/render.ts).
 */
import { randomUUID } from "node:crypto";
import path from "node:path";
import express, { type Request, type RequestHandler, type Router } from "express";
import { z } from "zod";
import { ActionId, Reply } from "../../domain/reply.js";
import { Audience } from "../../domain/ids.js";
import { PROJECT_ROOT } from "../../core/paths.js";
import type { Assistant } from "../../conversation/types.js";
import { buildReport } from "../../report/build.js";
import { loadCharts, REPORT_FORMATS, renderReport, type ReportFormat } from "../../report/render.js";
import { asyncRoute, issueText, readCookie, requireJson, sendError } from "../../http/helpers.js";
import { withTimeout } from "../../core/timeout.js";
import { followUpQuestions } from "../follow-ups.js";
import { checkEligibilityForm, checkFrictionForm } from "./forms.js";
import { vocabulary } from "./labels.js";

/** Static files are served from src/ (not copied into dist/), so the compiled service serves the same ones. */
export const PUBLIC_DIR = path.join(PROJECT_ROOT, "src", "channels", "web", "public");
export const USER_COOKIE = "relais_uid";
export const MAX_TEXT_CHARS = 4000;

const USER_ID = /^[A-Za-z0-9-]{16,64}$/;

export const TurnRequest = z
  .object(
    {
      conversationId: z
        .string({ error: "identifiant de conversation manquant" })
        .regex(/^[A-Za-z0-9_-]{8,64}$/, "identifiant de conversation invalide (8 à 64 lettres, chiffres, - ou _)"),
      audience: z.enum(Audience.options, { error: "public inconnu (agent ou porteur)" }).default("porteur"),
      text: z
        .string({ error: "le message doit être un texte" })
        .max(MAX_TEXT_CHARS, `le message est trop long (${MAX_TEXT_CHARS} caractères au plus)`)
        .optional(),
      action: z
        .object(
          {
            id: z.enum(ActionId.options, { error: "action inconnue" }),
            value: z.string({ error: "valeur d'action invalide" }).max(200, "valeur d'action trop longue").optional(),
            comment: z.string({ error: "le commentaire doit être un texte" }).max(1000, "le commentaire est trop long (1 000 caractères au plus)").optional(),
          },
          { error: (iss) => (iss.code === "unrecognized_keys" ? `champ inconnu dans l'action : ${iss.keys.join(", ")}` : "action invalide") },
        )
        .strict()
        .optional(),
      form: z
        .object(
          {
            kind: z.enum(["eligibility", "friction"], { error: "formulaire inconnu" }),
            values: z.record(
              z.string().max(64, "nom de champ trop long"),
              z.union([z.string().max(4000, "valeur trop longue (4 000 caractères au plus)"), z.number(), z.boolean(), z.null()], {
                error: "valeur de champ invalide",
              }),
              { error: "valeurs du formulaire invalides" },
            ),
          },
          { error: (iss) => (iss.code === "unrecognized_keys" ? `champ inconnu dans le formulaire : ${iss.keys.join(", ")}` : "formulaire invalide") },
        )
        .strict()
        .optional(),
    },
    { error: (iss) => (iss.code === "unrecognized_keys" ? `champ inconnu dans la requête : ${iss.keys.join(", ")}` : "requête invalide") },
  )
  .strict()
  .refine((t) => (t.text && t.text.trim()) || t.action || t.form, { message: "message vide : écrivez une question" });
export type TurnRequest = z.infer<typeof TurnRequest>;

export interface WebChannelOptions {
  assistant: Assistant;
  /** Upper bound of one core call, ms. */
  timeoutMs: number;
  jsonLimitBytes: number;
  /** Per-IP limiter for the playground API. */
  ipLimiter: RequestHandler;
  /** Per-user limiter factory (keyed by the anonymous cookie). */
  userLimiter: (key: (req: Request) => string) => RequestHandler;
  /** Notes what the reply was, for the service's logs (type, refused). */
  onReply?: (res: express.Response, reply: Reply) => void;
}

/** Anonymous user id: read from the cookie, or created and set (HttpOnly, SameSite=Strict). */
const userCookie: RequestHandler = (req, res, next) => {
  let uid = readCookie(req, USER_COOKIE);
  if (!uid || !USER_ID.test(uid)) {
    uid = randomUUID();
    const secure = req.secure ? "; Secure" : "";
    res.append("Set-Cookie", `${USER_COOKIE}=${uid}; Path=/; HttpOnly; SameSite=Strict; Max-Age=31536000${secure}`);
  }
  res.locals.userId = uid;
  next();
};

export function createWebChannel(o: WebChannelOptions): Router {
  const router = express.Router();
  const json = express.json({ limit: o.jsonLimitBytes, strict: true });

  router.get("/api/vocabulary", o.ipLimiter, (_req, res) => {
    res.set("Cache-Control", "no-cache").json(vocabulary());
  });

  router.post(
    "/api/turn",
    o.ipLimiter,
    userCookie,
    o.userLimiter((req) => `u:${String(req.res?.locals.userId ?? "")}`),
    requireJson,
    json,
    asyncRoute(async (req, res) => {
      const parsed = TurnRequest.safeParse(req.body);
      if (!parsed.success) {
        sendError(res, 400, "Requête invalide.", parsed.error.issues.map(issueText));
        return;
      }
      const t = parsed.data;
      if (t.form) {
        const checked = t.form.kind === "friction" ? checkFrictionForm(t.form.values) : checkEligibilityForm(t.form.values);
        if (!checked.ok) {
          res.status(400).json({ error: "Le formulaire contient des erreurs : corrigez les champs signalés.", fields: checked.fields });
          return;
        }
        t.form = { ...t.form, values: checked.values as Record<string, string | number | boolean | null> };
      }
      const reply = await withTimeout(
        o.assistant.handle({
          channel: "web",
          conversationId: t.conversationId,
          userId: res.locals.userId as string,
          audience: t.audience,
          text: t.text ?? "",
          action: t.action,
          form: t.form,
        }),
        o.timeoutMs,
      );
      const out = Reply.parse(reply);
      o.onReply?.(res, out);
      res.json({ ...out, followUps: followUpQuestions(out.followUps) });
    }),
  );

  router.get(
    "/api/report",
    o.ipLimiter,
    asyncRoute(async (req, res) => {
      const days = req.query.days === undefined ? 30 : Number(req.query.days);
      if (!Number.isInteger(days) || days < 1 || days > 3660) {
        sendError(res, 400, "Le paramètre days doit être un nombre entier de jours entre 1 et 3660.");
        return;
      }
      const format = req.query.format === undefined ? "json" : req.query.format;
      if (typeof format !== "string" || !(REPORT_FORMATS as readonly string[]).includes(format)) {
        sendError(res, 400, "Le paramètre format doit valoir json, html, md ou csv.");
        return;
      }
      const report = await withTimeout(buildReport(o.assistant.storage, { from: new Date(Date.now() - days * 86_400_000) }), o.timeoutMs);
      res.set("Cache-Control", "no-store");
      if (format === "json") {
        res.json(report);
        return;
      }
      if (format === "html") {
        await loadCharts();
        res.set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; frame-ancestors 'none'");
      }
      const types: Record<string, string> = { html: "text/html; charset=utf-8", md: "text/markdown; charset=utf-8", csv: "text/csv; charset=utf-8" };
      res.type(types[format]!).send(renderReport(report, format as ReportFormat));
    }),
  );

  router.use(
    express.static(PUBLIC_DIR, {
      index: "index.html",
      fallthrough: true,
      setHeaders: (res) => res.setHeader("Cache-Control", "no-cache"),
    }),
  );
  return router;
}
