import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildReport, Report } from "../../src/report/build.js";
import { loadCharts, renderCsv, renderHtml, renderJson, renderMarkdown } from "../../src/report/render.js";
import { reportCommand } from "../../src/cli/commands/report.js";
import { NOW, PERIOD, seededSqlite } from "./seed.js";

beforeAll(loadCharts);

let seeded: Awaited<ReturnType<typeof seededSqlite>>;
let report: Report;

beforeAll(async () => {
  seeded = await seededSqlite();
  report = await buildReport(seeded.storage, { ...PERIOD, now: NOW });
});
afterAll(async () => seeded?.cleanup());

describe("Markdown", () => {
  it("escapes HTML and neutralises links other than http(s) in user text", () => {
    const evil = {
      ...report,
      downComments: [
        { createdAt: NOW.toISOString(), comment: "<script>alert(1)</script> et <img src=x onerror=alert(2)>", question: "[clic](javascript:alert(3))" },
        {
          createdAt: NOW.toISOString(),
          comment: "![pixel](https://tracker.example/p.png) voir [la page](https://www.gard.fr/ess)",
          question: "[x](data:text/html;base64,PHNjcmlwdD4=) | fin",
        },
      ],
    };
    const md = renderMarkdown(evil);
    expect(md).not.toMatch(/<script|<img|onerror=alert\(2\)>/);
    expect(md).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(md).toContain("&lt;img src=x onerror=alert(2)&gt;");
    expect(md).not.toMatch(/\]\(\s*(javascript|data):/i);
    expect(md).toContain("clic (lien retiré)");
    expect(md).toContain("[la page](https://www.gard.fr/ess)");
    // an http(s) image is shown as a link, not loaded
    expect(md).not.toContain("![pixel]");
    expect(md).toContain("[pixel](https://tracker.example/p.png)");
    // the table keeps its columns
    const row = md.split("\n").find((l) => l.includes("fin"))!;
    expect(row.split(/(?<!\\)\|/).length).toBe(5);
  });

  it("has French headings and tables with the figures", () => {
    const md = renderMarkdown(report);
    for (const h of [
      "# Rapport de l'assistant Relais ESS",
      "## En bref",
      "## Volumes",
      "## Avis des utilisateurs",
      "## Difficultés signalées",
      "### Par étape du parcours et par dispositif",
      "### Par territoire (EPCI, à défaut commune)",
      "### Au regard des axes du schéma départemental de l'ESS",
      "## Tendance par semaine",
      "## Questions sans réponse les plus fréquentes",
      "## Mises en relation en attente",
    ]) {
      expect(md).toContain(`${h}\n`);
    }
    expect(md).toContain("Période : du 1 mars 2025 au 31 mars 2025.");
    expect(md).toContain("| Questions posées | 10 |");
    expect(md).toContain("| Taux de satisfaction | 57 % (4 avis positifs sur 7) |");
    expect(md).toContain("| Alès Agglomération | EPCI | 2 |");
    expect(md).toMatch(/\| Dépôt \|( \d \|)+ 3 \|/);
    expect(md).toContain("| 2025-W10 | 03/03/2025 | 3 | 1 | 1 | 2 | 0 |");
    expect(md).toContain("hypothèse de travail");
  });
});

describe("HTML", () => {
  it("is one self-contained document with server-rendered SVG charts and no external resource", () => {
    const html = renderHtml(report);
    expect(html.startsWith("<!DOCTYPE html>")).toBe(true);
    expect(html).toContain('<html lang="fr">');
    expect((html.match(/<svg\b/g) ?? []).length).toBeGreaterThanOrEqual(4);
    expect(html).not.toMatch(/<script\b/i);
    expect(html).not.toMatch(/<link\b/i);
    expect(html).not.toMatch(/<(img|iframe|object|embed)\b/i);
    expect(html).not.toMatch(/\b(src|href)\s*=\s*["']?\s*(https?:)?\/\//i);
    expect(html).not.toMatch(/url\(\s*["']?(https?:)?\/\//i);
    expect(html).not.toMatch(/@import/i);
    // The only http(s) strings are SVG namespace identifiers (not fetched).
    const urls = html.match(/https?:\/\/[^\s"'<>)]+/g) ?? [];
    expect(urls.every((u) => u === "http://www.w3.org/2000/svg" || u === "http://www.w3.org/1999/xlink")).toBe(true);
  });

  it("is accessible: titled charts and a table alternative for each", () => {
    const html = renderHtml(report);
    const svgs = html.match(/<svg\b[^>]*>/g) ?? [];
    for (const tag of svgs) {
      expect(tag).toContain('role="img"');
      expect(tag).toMatch(/aria-labelledby="[^"]+"/);
    }
    expect((html.match(/<title id="c-/g) ?? []).length).toBe(svgs.length);
    expect((html.match(/Voir les données du graphique sous forme de tableau/g) ?? []).length).toBe(svgs.length);
    expect(html).toContain("<caption>Difficultés par territoire</caption>");
    expect(html).toMatch(/<th scope="row">Alès Agglomération<\/th><td>EPCI<\/td><td class="num">2<\/td>/);
  });

  it("escapes user text", async () => {
    const evil = { ...report, downComments: [{ createdAt: NOW.toISOString(), comment: "<script>alert(1)</script>", question: null }] };
    const html = renderHtml(evil);
    expect(html).not.toContain("<script>alert(1)</script>");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
  });
});

describe("JSON and CSV", () => {
  it("JSON has the headline counts at top level and validates against the schema", () => {
    const json = JSON.parse(renderJson(report));
    expect(json).toMatchObject({
      interactions: 10,
      ratings: { up: 4, down: 3 },
      frictions: 6,
      handoffs: { count: 2, open: 2, answered: 0 },
      unansweredCount: 6,
    });
    expect(Report.safeParse(json).success).toBe(true);
    expect(json.friction.byTerritory).toHaveLength(4);
  });

  it("CSV is one long table section,cle,sous_cle,valeur", () => {
    const csv = renderCsv(report);
    const lines = csv.trimEnd().split("\r\n");
    expect(lines[0]).toBe("section,cle,sous_cle,valeur");
    expect(lines).toContain("synthese,interactions,,10");
    expect(lines).toContain("synthese,avis_negatifs,,3");
    expect(lines).toContain("etape_dispositif,depot,appel-a-communs,2");
    expect(lines).toContain("territoire,Alès Agglomération,epci,2");
    expect(lines).toContain("tendance,2025-W11,frictions,2");
    expect(lines.filter((l) => l.startsWith("signalement,")).length).toBe(6 * 10);
  });

  it("CSV neutralises formulas and quotes separators", () => {
    const r = { ...report, downComments: [{ createdAt: "2025-03-01T00:00:00.000Z", comment: '=HYPERLINK("x"), "ok"', question: "a, b" }] };
    const line = renderCsv(r)
      .split("\r\n")
      .find((l) => l.startsWith("commentaire_negatif"));
    expect(line).toBe('commentaire_negatif,2025-03-01T00:00:00.000Z,"a, b","\'=HYPERLINK(""x""), ""ok"""');
  });
});

describe("report command", () => {
  const run = async (args: string[]) => {
    let out = "";
    let err = "";
    const open = async () => {
      const { SqliteStorage } = await import("../../src/storage/sqlite.js");
      return new SqliteStorage(seeded.file);
    };
    const cmd = reportCommand(open, { out: (s) => (out += s), err: (s) => (err += s), now: () => NOW }).exitOverride();
    let code = 0;
    try {
      await cmd.parseAsync(args, { from: "user" });
    } catch (e) {
      code = (e as { exitCode?: number }).exitCode ?? 1;
    }
    return { out, err, code };
  };

  it("prints JSON with the required counts for a period", async () => {
    const { out, code } = await run(["--from", "2025-03-01", "--to", "2025-03-31", "--format", "json"]);
    expect(code).toBe(0);
    expect(JSON.parse(out)).toMatchObject({
      interactions: 10,
      ratings: { up: 4, down: 3 },
      frictions: 6,
      handoffs: { count: 2, open: 2, answered: 0 },
      unansweredCount: 6,
    });
  });

  it("writes one HTML file with --out", async () => {
    const dir = path.join(seeded.dir, "out");
    const { code, err } = await run(["--format", "html", "--out", path.join(dir, "rapport.html"), "--from", "2025-03-01", "--to", "2025-03-31"]);
    expect(code).toBe(0);
    expect(err).toContain("Rapport écrit dans");
    expect(fs.readdirSync(dir)).toEqual(["rapport.html"]);
    expect(fs.readFileSync(path.join(dir, "rapport.html"), "utf8")).toContain("<svg");
  });

  it("defaults to Markdown", async () => {
    const { out } = await run([]);
    expect(out).toContain("# Rapport de l'assistant Relais ESS");
    expect(out).toContain("toute la période enregistrée");
  });

  it("rejects bad dates and formats with a French message, exit 2", async () => {
    const a = await run(["--from", "2025-02-30"]);
    expect(a.code).toBe(2);
    expect(a.err).toMatch(/date de début invalide/);
    const b = await run(["--from", "2025-04-01", "--to", "2025-03-01"]);
    expect(b.code).toBe(2);
    expect(b.err).toMatch(/doit précéder/);
    const c = await run(["--format", "pdf"]);
    expect(c.code).not.toBe(0);
  });
});

describe("conversation summary", () => {
  it("summarises the figures in French, with the web report's link or a sentence — never a command line", async () => {
    const { summarizeReport, NO_LINK_TEXT } = await import("../../src/report/summary.js");
    const text = summarizeReport(report);
    expect(text).toContain("du 1 mars 2025 au 31 mars 2025");
    expect(text).toContain("- Questions posées : 10, dont 3 sans réponse de l'assistant (taux de refus : 30 %).");
    expect(text).toContain("- Satisfaction : 57 % (4 avis positifs sur 7).");
    expect(text).toContain("- Mises en relation en attente : 2 (0 traitée(s) sur la période).");
    expect(text).toContain("- Difficultés signalées : 6 ; blocage le plus signalé : Délai (2).");
    expect(text).toContain(NO_LINK_TEXT);
    expect(text).not.toMatch(/report --format|commande/);
    const linked = summarizeReport(report, { link: "https://relais.example.fr/report?days=30&expires=1&sig=x" });
    expect(linked).toContain("page web réservée aux agents : https://relais.example.fr/report?days=30&expires=1&sig=x");
    expect(linked).not.toContain(NO_LINK_TEXT);
    expect(text).toContain("« Quel est le budget de l'axe 2 ? » (2)");
  });
});
