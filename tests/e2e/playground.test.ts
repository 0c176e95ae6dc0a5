/**
 * The playground end to end in headless Chromium (Debian `chromium` driven by
 * playwright-core): question → answer with sources, rating, eligibility form
 * → verdicts, French form errors tied to their fields, friction report, agent
 * mode → report, and the page at 360 px (no horizontal overflow, the new
 * answer read from its start). Writes screenshots to test-artifacts/
 * (playground.png, playground-360.png, playground-360-answer.png).
 *
 * Needs /usr/bin/chromium (CI: `apt-get install -y --no-install-recommends chromium`);
 * skipped with a message when it is absent.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import type { Runtime } from "../../src/runtime.js";
import { ROOT, startService, tempDir, testConfig, testRuntime, type Running } from "../server/helpers.js";

const CHROMIUM = "/usr/bin/chromium";
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) {
  console.warn(
    `[e2e] ${CHROMIUM} est absent : test du bac à sable ignoré. Installez-le avec « apt-get update && apt-get install -y --no-install-recommends chromium ».`,
  );
}

const ARTIFACTS = path.join(ROOT, "test-artifacts");

describe.skipIf(!hasChromium)("playground in headless Chromium", () => {
  let tmp: ReturnType<typeof tempDir>;
  let runtime: Runtime;
  let svc: Running;
  let profile: string;
  let context: BrowserContext;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    tmp = tempDir("relais-e2e-");
    const config = testConfig(tmp.dir);
    runtime = await testRuntime(config);
    svc = await startService({ runtime, config, settings: { playground: true } });
    profile = mkdtempSync(path.join(os.tmpdir(), "relais-chromium-"));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
      viewport: { width: 1280, height: 1000 },
      locale: "fr-FR",
    });
    page = context.pages()[0] ?? (await context.newPage());
    page.on("pageerror", (e) => pageErrors.push(e.message));
    page.on("console", (m) => {
      if (m.type() === "error") pageErrors.push(m.text());
    });
    // Nothing but the local service may be reached.
    await context.route("**/*", (route) => {
      const url = route.request().url();
      return url.startsWith(svc.url) ? route.continue() : route.abort();
    });
    await page.goto(`${svc.url}/`);
    await page.waitForSelector("body[data-ready=true]");
  }, 120_000);

  afterAll(async () => {
    await context?.close();
    await svc?.close();
    await runtime?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
    tmp?.remove();
  });

  it("is accessible: French, every field labelled, no control without text", async () => {
    expect(await page.getAttribute("html", "lang")).toBe("fr");
    const unlabelled = await page.$$eval("input, select, textarea", (els) =>
      els.filter((e) => !(e as HTMLInputElement).labels?.length && !e.getAttribute("aria-label")).map((e) => e.id || e.outerHTML.slice(0, 60)),
    );
    expect(unlabelled).toEqual([]);
    const emptyButtons = await page.$$eval("button", (els) => els.filter((b) => !(b.textContent ?? "").trim()).length);
    expect(emptyButtons).toBe(0);
    expect(await page.getAttribute("#log", "aria-live")).toBe("polite");
  });

  it("asks a question with the keyboard and shows the answer with numbered, typed sources and the route", async () => {
    await page.focus("#question");
    await page.keyboard.type("Qui peut répondre à l'appel à communs du Département ?");
    await page.keyboard.press("Enter");
    const answer = page.locator("#log article.msg.bot[data-type=answer]").first();
    await answer.waitFor({ timeout: 30_000 });
    const sources = answer.locator(".sources li");
    expect(await sources.count()).toBeGreaterThan(0);
    const kinds = await answer.locator(".sources .kind").allTextContents();
    expect(kinds.length).toBeGreaterThan(0);
    for (const k of kinds) expect(k).toMatch(/[a-zà-ÿ]/i);
    // A [n] marker links to its numbered source.
    const cite = answer.locator("a.cite").first();
    const href = await cite.getAttribute("href");
    expect(href).toMatch(/^#m\d+-src-\d+$/);
    await cite.click();
    expect(await page.locator(href!).count()).toBe(1);
    expect(await answer.locator(".route").count()).toBe(1);
  });

  it("rates the answer with a labelled button", async () => {
    const answer = page.locator("#log article.msg.bot[data-type=answer]").first();
    await answer.getByRole("button", { name: "Réponse utile", exact: true }).click();
    const status = answer.locator(".rating .status");
    await expect.poll(async () => (await status.textContent())?.trim() ?? "", { timeout: 10_000 }).not.toBe("");
    const stored = await runtime.storage.reportData({});
    expect(stored.ratings.map((r) => r.value)).toEqual(["up"]);
  });

  it("fills the eligibility form and shows a verdict per process", async () => {
    await page.selectOption("#fact-legalForm", "association");
    await page.fill("#fact-commune", "Alès");
    await page.fill("#fact-employees", "3");
    await page.getByRole("button", { name: "Vérifier l'éligibilité" }).click();
    const verdicts = page.locator("#eligibility-result .verdicts > li");
    await verdicts.first().waitFor({ timeout: 15_000 });
    expect(await verdicts.count()).toBeGreaterThan(1);
    const labels = await page.locator("#eligibility-result .verdict").allTextContents();
    for (const l of labels) expect(["Éligible", "Non éligible", "Informations manquantes", "À vérifier par une personne"]).toContain(l);
  });

  it("says what is wrong in French, next to each field, with aria-invalid", async () => {
    // Empty question: the message is tied to the text box.
    await page.fill("#question", "");
    await page.getByRole("button", { name: "Envoyer la question" }).click();
    expect(await page.getAttribute("#question", "aria-invalid")).toBe("true");
    expect(await page.textContent("#question-error")).toBe("Écrivez une question avant d'envoyer.");
    expect(await page.getAttribute("#question", "aria-describedby")).toContain("question-error");

    // The friction form sent empty: every required field says what to do.
    await page.getByRole("button", { name: "Envoyer le signalement" }).click();
    await page.waitForSelector("#f-step[aria-invalid=true]", { timeout: 15_000 });
    const invalid = await page.$$eval("#friction-form [aria-invalid=true]", (els) => els.map((e) => e.id).sort());
    expect(invalid).toEqual(["f-blocker", "f-commune", "f-description", "f-process", "f-severity", "f-step"]);
    expect(await page.textContent("#f-step-error")).toBe("Choisissez l'étape de votre démarche.");
    expect(await page.getAttribute("#f-step", "aria-describedby")).toContain("f-step-error");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("f-step");
    const texts = (await page.textContent("#friction-section")) ?? "";
    expect(texts).toContain("Le formulaire contient 6 erreurs");
    expect(texts).not.toMatch(/invalid|expected|option|required/i);
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.locator("#friction-section").screenshot({ path: path.join(ARTIFACTS, "playground-errors.png") });

    // An unknown commune in the eligibility form, a negative number.
    await page.fill("#fact-commune", "Atlantide");
    await page.fill("#fact-employees", "-3");
    await page.getByRole("button", { name: "Vérifier l'éligibilité" }).click();
    await page.waitForSelector("#fact-commune[aria-invalid=true]", { timeout: 15_000 });
    expect(await page.textContent("#fact-commune-error")).toMatch(/^Je ne trouve pas cette commune/);
    expect(await page.textContent("#fact-employees-error")).toBe("Le nombre ne peut pas être négatif.");
    await page.fill("#fact-commune", "Alès");
    await page.fill("#fact-employees", "3");
    await page.getByRole("button", { name: "Vérifier l'éligibilité" }).click();
    await page.locator("#eligibility-result .verdicts > li").first().waitFor({ timeout: 15_000 });
    expect(await page.$$eval("#eligibility-form [aria-invalid]", (els) => els.length)).toBe(0);
    // The browser logs the two refused forms (400) it was asked to send: expected here, and only here.
    const refused = pageErrors.filter((e) => /status of 400/.test(e));
    expect(refused).toHaveLength(2);
    pageErrors.splice(0, pageErrors.length, ...pageErrors.filter((e) => !refused.includes(e)));
  });

  it("submits a friction report", async () => {
    await page.selectOption("#f-step", "depot");
    await page.selectOption("#f-blocker", "outil-numerique");
    await page.selectOption("#f-process", "appel-a-communs");
    await page.fill("#f-commune", "Alès");
    await page.fill("#f-description", "Le dépôt du dossier sur la plateforme échoue avec un fichier PDF.");
    await page.selectOption("#f-severity", "2");
    await page.check("#f-contact");
    await page.getByRole("button", { name: "Envoyer le signalement" }).click();
    await page.locator("#friction-result article[data-type=friction]").waitFor({ timeout: 15_000 });
    expect(await page.locator("#friction-result").textContent()).toMatch(/signalement est enregistré/);
    expect((await runtime.storage.reportData({})).frictions).toHaveLength(1);
    expect(await page.$$eval("#friction-form [aria-invalid]", (els) => els.length)).toBe(0);
  });

  it("never turns user text into markup", async () => {
    await page.fill("#question", '<img src=x onerror="window.__pwned=1"><b>gras</b>');
    await page.keyboard.press("Enter");
    await page.locator("#log article.msg.user").nth(1).waitFor();
    expect(await page.locator("#log article.msg.user img").count()).toBe(0);
    expect(await page.locator("#log article.msg.user").nth(1).textContent()).toContain("<img src=x");
    await page.locator("#log article.msg.bot").nth(1).waitFor({ timeout: 30_000 });
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  });

  it("switches to agent mode, shows the report and writes a screenshot", async () => {
    expect(await page.isHidden("#report-section")).toBe(true);
    await page.selectOption("#audience", "agent");
    expect(await page.isVisible("#report-section")).toBe(true);
    await page.getByRole("button", { name: "Afficher le rapport" }).click();
    const figures = page.locator("#report dl.figures");
    await figures.waitFor({ timeout: 15_000 });
    const text = (await figures.textContent()) ?? "";
    expect(text).toMatch(/Questions/);
    expect(text).toMatch(/Difficultés signalées1/);
    expect(text).toMatch(/Avis « utile »1/);
    expect(text).toMatch(/Demandes transmises\d+/);
    expect(text).not.toContain("[object Object]");
    const full = page.getByRole("link", { name: /Ouvrir le rapport complet/ });
    expect(await full.getAttribute("href")).toBe("/api/report?days=30&format=html");

    mkdirSync(ARTIFACTS, { recursive: true });
    const file = path.join(ARTIFACTS, "playground.png");
    await page.screenshot({ path: file, fullPage: true });
    expect(statSync(file).size).toBeGreaterThan(10_000);
    expect(pageErrors).toEqual([]);
  });

  it("at 360 px: no horizontal overflow, the new answer shown from its start, follow-ups as short questions", async () => {
    await page.setViewportSize({ width: 360, height: 740 });
    await page.selectOption("#audience", "porteur");
    const before = await page.locator("#log article.msg.bot").count();
    await page.fill("#question", "Quel accompagnement pour une association employeuse qui veut consolider son modèle économique ?");
    await page.keyboard.press("Enter");
    const answer = page.locator("#log article.msg.bot").nth(before);
    await answer.waitFor({ timeout: 30_000 });
    await page.waitForTimeout(100);
    const geometry = await answer.evaluate((node) => {
      const log = document.getElementById("log")!;
      const a = node.getBoundingClientRect();
      const l = log.getBoundingClientRect();
      return {
        answerTop: a.top,
        answerHeight: a.height,
        logTop: l.top,
        logHeight: l.height,
        atBottom: log.scrollTop + log.clientHeight >= log.scrollHeight - 2,
        innerHeight: window.innerHeight,
      };
    });
    // Longer than the conversation box, and read from its start: its top at the top of the box, in view.
    expect(geometry.answerHeight).toBeGreaterThan(geometry.logHeight);
    expect(geometry.answerTop - geometry.logTop).toBeGreaterThanOrEqual(-1);
    expect(geometry.answerTop - geometry.logTop).toBeLessThan(24);
    expect(geometry.atBottom).toBe(false);
    expect(geometry.answerTop).toBeGreaterThanOrEqual(0);
    expect(geometry.answerTop).toBeLessThan(geometry.innerHeight / 2);

    const followUps = await answer.locator("[aria-label='Questions liées'] button").allTextContents();
    for (const q of followUps) {
      expect(q.length).toBeLessThanOrEqual(75);
      expect(q.trim().endsWith("?")).toBe(true);
    }
    expect(new Set(followUps).size).toBe(followUps.length);

    const overflow = await page.evaluate(() => ({ scrollWidth: document.scrollingElement!.scrollWidth, innerWidth: window.innerWidth }));
    expect(overflow.scrollWidth).toBeLessThanOrEqual(overflow.innerWidth);
    // No element sticks out on the right either (clipped overflow would hide text).
    const wide = await page.$$eval("main *", (els) =>
      els
        .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1)
        .map((e) => e.tagName + "#" + e.id + "." + e.className)
        .slice(0, 5),
    );
    expect(wide).toEqual([]);

    mkdirSync(ARTIFACTS, { recursive: true });
    // What the person sees once the answer has come, then the whole page.
    await page.screenshot({ path: path.join(ARTIFACTS, "playground-360-answer.png") });
    const file = path.join(ARTIFACTS, "playground-360.png");
    await page.screenshot({ path: file, fullPage: true });
    expect(statSync(file).size).toBeGreaterThan(10_000);
    expect(pageErrors).toEqual([]);
  });
});
