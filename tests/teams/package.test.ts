import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import JSZip from "jszip";
import { PNG } from "pngjs";
import { afterAll, describe, expect, it } from "vitest";
import { buildTeamsPackage, PLACEHOLDER_BOT_ID } from "../../scripts/teams-package.js";

const dirs: string[] = [];
const tmp = () => {
  const d = mkdtempSync(path.join(tmpdir(), "teams-pkg-"));
  dirs.push(d);
  return d;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

async function readZip(file: string) {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const manifest = JSON.parse(await zip.file("manifest.json")!.async("string"));
  const color = PNG.sync.read(await zip.file("color.png")!.async("nodebuffer"));
  const outline = PNG.sync.read(await zip.file("outline.png")!.async("nodebuffer"));
  return { zip, manifest, color, outline };
}

describe("Teams app package", () => {
  it("builds a zip with the manifest and two icons of the right sizes", async () => {
    const botId = "3f2504e0-4f89-41d3-9a0c-0305e82c3301";
    const outDir = tmp();
    const res = await buildTeamsPackage({
      env: { MicrosoftAppId: botId, PUBLIC_URL: "https://relais-ess.gard.fr/", TEAMS_PRIVACY_URL: "https://www.gard.fr/confidentialite" },
      outDir,
      warn: () => {},
    });
    expect(res.warnings).toEqual([]);
    const { zip, manifest, color, outline } = await readZip(res.zipPath);
    expect(Object.keys(zip.files).sort()).toEqual(["color.png", "manifest.json", "outline.png"]);
    expect(manifest.manifestVersion).toBe("1.17");
    expect(manifest.name.short).toBe("Relais ESS");
    expect(manifest.bots[0].botId).toBe(botId);
    expect(manifest.id).toBe(botId);
    expect(manifest.bots[0].scopes).toEqual(["personal", "team", "groupChat"]);
    expect(manifest.bots[0].commandLists[0].commands.map((c: any) => c.title)).toContain("rapport");
    expect(manifest.validDomains).toEqual(["relais-ess.gard.fr"]);
    expect(manifest.developer.privacyUrl).toBe("https://www.gard.fr/confidentialite");

    expect([color.width, color.height]).toEqual([192, 192]);
    expect([outline.width, outline.height]).toEqual([32, 32]);
    // Outline: only white pixels (any alpha), with both transparent and opaque areas.
    let transparent = 0;
    let opaque = 0;
    for (let i = 0; i < outline.data.length; i += 4) {
      const [r, g, b, a] = [outline.data[i], outline.data[i + 1], outline.data[i + 2], outline.data[i + 3]];
      if (a! > 0) expect([r, g, b]).toEqual([255, 255, 255]);
      if (a === 0) transparent++;
      if (a === 255) opaque++;
    }
    expect(transparent).toBeGreaterThan(100);
    expect(opaque).toBeGreaterThan(50);
    // Color icon: fully opaque.
    for (let i = 3; i < color.data.length; i += 4) expect(color.data[i]).toBe(255);
  });

  it("commands in the manifest are understood by the bot", async () => {
    const { commandOf } = await import("../../src/channels/teams/bot.js");
    const res = await buildTeamsPackage({ env: { MicrosoftAppId: "3f2504e0-4f89-41d3-9a0c-0305e82c3301" }, outDir: tmp(), warn: () => {} });
    for (const c of res.manifest.bots[0]!.commandLists[0]!.commands) expect(commandOf(c.title), c.title).not.toBeNull();
  });

  it("uses a placeholder bot id with a warning when MicrosoftAppId is missing, and rejects a bad one", async () => {
    const warnings: string[] = [];
    const res = await buildTeamsPackage({ env: {}, outDir: tmp(), warn: (m) => warnings.push(m) });
    expect(res.manifest.bots[0]?.botId).toBe(PLACEHOLDER_BOT_ID);
    expect(warnings.join("\n")).toMatch(/MicrosoftAppId/);
    await expect(buildTeamsPackage({ env: { MicrosoftAppId: "not-a-guid" }, outDir: tmp(), warn: () => {} })).rejects.toThrow(/GUID/);
  });

  it("runs as the npm script (tsx scripts/teams-package.ts)", () => {
    const outDir = tmp();
    const out = execFileSync(path.resolve("node_modules/.bin/tsx"), ["scripts/teams-package.ts"], {
      env: { ...process.env, MicrosoftAppId: "3f2504e0-4f89-41d3-9a0c-0305e82c3301", TEAMS_PACKAGE_DIR: outDir },
      encoding: "utf8",
    });
    expect(out).toContain("relais-ess.zip");
    expect(readFileSync(path.join(outDir, "relais-ess.zip")).length).toBeGreaterThan(500);
  }, 60_000);
});
