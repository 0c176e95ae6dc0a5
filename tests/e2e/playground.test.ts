/**
 * The playground end to end in headless Chromium (Debian `chromium` driven by
 * playwright-core): question → answer with sources, rating, eligibility form
 * → verdicts, friction report, agent mode → report. Writes a screenshot to
 * test-artifacts/playground.png.
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

    mkdirSync(ARTIFACTS, { recursive: true });
    const file = path.join(ARTIFACTS, "playground.png");
    await page.screenshot({ path: file, fullPage: true });
    expect(statSync(file).size).toBeGreaterThan(10_000);
    expect(pageErrors).toEqual([]);
  });
});
