/**
 * The compiled service (`npm run build` → dist/) behaves like the tsx one: it is built
 * into a private folder (no race with a developer's dist/), started with node from a
 * foreign working directory (so bundled files must be found from the project root,
 * not the cwd), then checked over HTTP and stopped with SIGTERM.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Reply } from "../../src/domain/reply.js";
import { closedPort, postJson, ROOT, tempDir } from "./helpers.js";

const TSC = path.join(ROOT, "node_modules", ".bin", "tsc");

// Inside the project so that node_modules and the project root are found by walking up, as from dist/.
const CACHE = path.join(ROOT, "node_modules", ".cache");
let outDir: string;
let work: ReturnType<typeof tempDir>;
let child: ChildProcess | undefined;
let stderr = "";

beforeAll(() => {
  mkdirSync(CACHE, { recursive: true });
  outDir = mkdtempSync(path.join(CACHE, "relais-compiled-"));
  work = tempDir("relais-compiled-cwd-");
  const build = spawnSync(TSC, ["-p", path.join(ROOT, "tsconfig.build.json"), "--outDir", outDir, "--tsBuildInfoFile", path.join(outDir, ".tsbuildinfo")], {
    cwd: ROOT,
    encoding: "utf8",
  });
  if (build.status !== 0) throw new Error(`tsc -p tsconfig.build.json failed (${build.status}):\n${build.stdout}${build.stderr}`);
}, 240_000);

afterAll(() => {
  if (child && child.exitCode === null) child.kill("SIGKILL");
  rmSync(outDir, { recursive: true, force: true });
  work.remove();
});

async function waitReady(url: string, deadline: number): Promise<void> {
  for (;;) {
    if (child?.exitCode !== null) throw new Error(`the compiled service exited (${child?.exitCode}):\n${stderr}`);
    try {
      if ((await fetch(`${url}/readyz`)).status === 200) return;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) throw new Error(`/readyz never answered 200:\n${stderr}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

describe("compiled service (dist/main.js)", () => {
  it("emits only src/ (not tests/ nor scripts/), with source maps pointing to src/", () => {
    const main = path.join(outDir, "main.js");
    expect(existsSync(main)).toBe(true);
    expect(existsSync(path.join(outDir, "tests"))).toBe(false);
    expect(existsSync(path.join(outDir, "scripts"))).toBe(false);
    const map = JSON.parse(readFileSync(`${main}.map`, "utf8")) as { sources: string[] };
    expect(map.sources.map((s) => path.resolve(outDir, s))).toEqual([path.join(ROOT, "src", "main.ts")]);
  });

  it("starts with node, becomes ready, answers with sources, serves the playground and stops on SIGTERM (code 0)", async () => {
    const port = await closedPort();
    const url = `http://127.0.0.1:${port}`;
    child = spawn(process.execPath, ["--enable-source-maps", path.join(outDir, "main.js")], {
      cwd: work.dir,
      env: {
        PATH: process.env.PATH ?? "",
        HOME: process.env.HOME ?? work.dir,
        NODE_ENV: "development",
        PORT: String(port),
        HOST: "127.0.0.1",
        LOG_LEVEL: "silent",
        DATA_DIR: path.join(work.dir, "data"),
        DATABASE_URL: "memory:",
        KNOWLEDGE_DIR: path.join(ROOT, "knowledge"),
        PROMPTS_DIR: path.join(ROOT, "prompts"),
      },
      stdio: ["ignore", "ignore", "pipe"],
    });
    child.stderr!.on("data", (d) => (stderr += String(d)));
    const exited = new Promise<number | null>((resolve) => child!.on("exit", (code) => resolve(code)));

    await waitReady(url, Date.now() + 90_000);

    const ask = await postJson(`${url}/api/ask`, { question: "Qui peut répondre à l'appel à communs ?", audience: "porteur" });
    expect(ask.status).toBe(200);
    const reply = Reply.parse(await ask.json());
    expect(reply.type).toBe("answer");
    expect(reply.sources.length).toBeGreaterThan(0);

    // Files located from the project root: the playground's static files…
    const page = await fetch(`${url}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toMatch(/text\/html/);
    const html = await page.text();
    expect(html).toContain('<html lang="fr">');
    expect(html).toContain(readFileSync(path.join(ROOT, "src", "channels", "web", "public", "index.html"), "utf8").match(/<title>.*<\/title>/)![0]);
    expect((await fetch(`${url}/app.js`)).status).toBe(200);

    // …the eligibility rules (knowledge/regles)…
    const elig = await postJson(`${url}/api/turn`, {
      conversationId: "compiled-conv-1",
      form: { kind: "eligibility", values: { legalForm: "association", commune: "Alès", employees: "3" } },
    });
    expect(elig.status).toBe(200);
    const verdicts = Reply.parse(await elig.json());
    expect(verdicts.type).toBe("eligibility");
    expect(verdicts.eligibility?.length).toBeGreaterThan(0);

    // …and the process → axis mapping of the report (knowledge/liens-schema.yaml).
    const report = await fetch(`${url}/api/report?days=30`);
    expect(report.status).toBe(200);
    const body = (await report.json()) as { friction?: { axisMappingNote?: string; byAxis?: unknown[] } };
    expect(body.friction?.axisMappingNote).toBeTruthy();
    expect(body.friction?.byAxis?.length).toBeGreaterThan(0);

    child.kill("SIGTERM");
    expect(await exited).toBe(0);
    expect(stderr).toMatch(/Relais ESS est arrêté/);
  }, 150_000);
});
