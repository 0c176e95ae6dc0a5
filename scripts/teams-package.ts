/**
 * Builds the Teams app package: manifest.json (from teams/manifest.template.json),
 * color.png 192×192 and outline.png 32×32 (white on transparent) drawn with
 * pngjs, zipped with jszip into teams/build/relais-ess.zip.
 *
 *   npm run teams:package            # uses MicrosoftAppId from the environment / .env
 *
 * Environment: MicrosoftAppId (bot id; a placeholder GUID is used with a warning
 * when missing), TEAMS_APP_ID (manifest id, defaults to the bot id),
 * PUBLIC_URL or TEAMS_VALID_DOMAINS (comma-separated), TEAMS_WEBSITE_URL,
 * TEAMS_PRIVACY_URL, TEAMS_TERMS_URL, TEAMS_PACKAGE_DIR (output folder).
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import JSZip from "jszip";
import { PNG } from "pngjs";
import { z } from "zod";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const PLACEHOLDER_BOT_ID = "00000000-0000-0000-0000-000000000000";
const ACCENT = { r: 0x1b, g: 0x6e, b: 0x5a };
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const Https = z
  .string()
  .url()
  .refine((u) => u.startsWith("https://"), "must be an https URL");
const Command = z.object({ title: z.string().min(1).max(32), description: z.string().min(1).max(128) });

/** The subset of the Teams manifest schema (v1.17) this package relies on. */
export const ManifestSchema = z.object({
  $schema: z.string().url(),
  manifestVersion: z.string().regex(/^1\.(1[7-9]|[2-9]\d)$/),
  version: z.string().regex(/^\d+\.\d+\.\d+$/),
  id: z.string().regex(GUID),
  developer: z.object({ name: z.string().min(1).max(32), websiteUrl: Https, privacyUrl: Https, termsOfUseUrl: Https }),
  name: z.object({ short: z.string().min(1).max(30), full: z.string().max(100) }),
  description: z.object({ short: z.string().min(1).max(80), full: z.string().min(1).max(4000) }),
  icons: z.object({ color: z.literal("color.png"), outline: z.literal("outline.png") }),
  accentColor: z.string().regex(/^#[0-9A-Fa-f]{6}$/),
  bots: z
    .array(
      z.object({
        botId: z.string().regex(GUID),
        scopes: z.array(z.enum(["personal", "team", "groupChat"])).min(1),
        commandLists: z.array(z.object({ scopes: z.array(z.string()), commands: z.array(Command).max(10) })),
      }),
    )
    .length(1),
  validDomains: z.array(z.string().regex(/^[a-z0-9.*-]+(:\d+)?$/i)).max(16),
});

// ------------------------------------------------------------------ icons

/** Two interlocking rings (a relay between people), in unit coordinates. */
function symbolCoverage(u: number, v: number): boolean {
  const ring = (cx: number) => {
    const d = Math.hypot(u - cx, v - 0.5);
    return d >= 0.135 && d <= 0.215;
  };
  return ring(0.385) || ring(0.615);
}

/** Anti-aliased coverage of the symbol for one pixel (4×4 supersampling). */
function coverage(x: number, y: number, size: number, inset: number): number {
  let hits = 0;
  const span = size - 2 * inset;
  for (let i = 0; i < 4; i++) {
    for (let j = 0; j < 4; j++) {
      const u = (x + (i + 0.5) / 4 - inset) / span;
      const v = (y + (j + 0.5) / 4 - inset) / span;
      if (u >= 0 && u <= 1 && v >= 0 && v <= 1 && symbolCoverage(u, v)) hits++;
    }
  }
  return hits / 16;
}

export function colorIcon(size = 192): Buffer {
  const png = new PNG({ width: size, height: size });
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const a = coverage(x, y, size, size * 0.12);
      const i = (y * size + x) * 4;
      png.data[i] = Math.round(ACCENT.r + (255 - ACCENT.r) * a);
      png.data[i + 1] = Math.round(ACCENT.g + (255 - ACCENT.g) * a);
      png.data[i + 2] = Math.round(ACCENT.b + (255 - ACCENT.b) * a);
      png.data[i + 3] = 255;
    }
  }
  return PNG.sync.write(png);
}

/** White symbol on a transparent background, as Teams requires for the outline icon. */
export function outlineIcon(size = 32): Buffer {
  const png = new PNG({ width: size, height: size });
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const a = coverage(x, y, size, 0);
      const i = (y * size + x) * 4;
      png.data[i] = 255;
      png.data[i + 1] = 255;
      png.data[i + 2] = 255;
      png.data[i + 3] = Math.round(255 * a);
    }
  }
  return PNG.sync.write(png);
}

// ------------------------------------------------------------------ manifest

export interface PackageOptions {
  env?: NodeJS.ProcessEnv;
  outDir?: string;
  warn?: (message: string) => void;
}

export interface PackageResult {
  zipPath: string;
  manifest: z.infer<typeof ManifestSchema> & Record<string, unknown>;
  warnings: string[];
}

function hostOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).host;
  } catch {
    return undefined;
  }
}

export function buildManifest(env: NodeJS.ProcessEnv, warnings: string[]): PackageResult["manifest"] {
  const pkg = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as { version: string };
  let botId = (env.MicrosoftAppId ?? "").trim();
  if (!botId) {
    botId = PLACEHOLDER_BOT_ID;
    warnings.push(
      "MicrosoftAppId n'est pas défini : le paquet utilise un identifiant de bot fictif. Renseignez MicrosoftAppId puis relancez npm run teams:package avant de l'importer dans Teams.",
    );
  } else if (!GUID.test(botId)) {
    throw new Error(`MicrosoftAppId « ${botId} » n'est pas un GUID valide.`);
  }
  const appId = (env.TEAMS_APP_ID ?? "").trim() || botId;
  const website = (env.TEAMS_WEBSITE_URL ?? "").trim() || "https://www.gard.fr/";
  if (!env.TEAMS_PRIVACY_URL) warnings.push("TEAMS_PRIVACY_URL n'est pas défini : le lien de confidentialité pointe vers le site du Département.");
  const domains = new Set<string>();
  for (const d of (env.TEAMS_VALID_DOMAINS ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean))
    domains.add(d);
  const publicHost = hostOf(env.PUBLIC_URL);
  if (publicHost) domains.add(publicHost);

  const template = readFileSync(path.join(ROOT, "teams", "manifest.template.json"), "utf8");
  const filled = template
    .replaceAll("__VERSION__", pkg.version)
    .replaceAll("__APP_ID__", appId)
    .replaceAll("__BOT_ID__", botId)
    .replaceAll("__WEBSITE_URL__", website)
    .replaceAll("__PRIVACY_URL__", (env.TEAMS_PRIVACY_URL ?? "").trim() || website)
    .replaceAll("__TERMS_URL__", (env.TEAMS_TERMS_URL ?? "").trim() || website);
  const manifest = JSON.parse(filled) as Record<string, unknown>;
  manifest.validDomains = [...domains];
  const parsed = ManifestSchema.safeParse(manifest);
  if (!parsed.success) {
    throw new Error(`Manifeste Teams invalide :\n${parsed.error.issues.map((i) => `- ${i.path.join(".")} : ${i.message}`).join("\n")}`);
  }
  return manifest as PackageResult["manifest"];
}

export async function buildTeamsPackage(opts: PackageOptions = {}): Promise<PackageResult> {
  const env = opts.env ?? process.env;
  const warnings: string[] = [];
  const manifest = buildManifest(env, warnings);
  const outDir = path.resolve(opts.outDir ?? env.TEAMS_PACKAGE_DIR ?? path.join(ROOT, "teams", "build"));
  mkdirSync(outDir, { recursive: true });
  const files: Record<string, Buffer> = {
    "manifest.json": Buffer.from(JSON.stringify(manifest, null, 2) + "\n", "utf8"),
    "color.png": colorIcon(192),
    "outline.png": outlineIcon(32),
  };
  const zip = new JSZip();
  for (const [name, data] of Object.entries(files)) {
    zip.file(name, data, { date: new Date("2024-03-08T00:00:00Z") });
    writeFileSync(path.join(outDir, name), data);
  }
  const zipPath = path.join(outDir, "relais-ess.zip");
  writeFileSync(zipPath, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
  for (const w of warnings) (opts.warn ?? ((m: string) => console.warn(`Attention : ${m}`)))(w);
  return { zipPath, manifest, warnings };
}

async function main(): Promise<void> {
  try {
    const { config } = await import("dotenv");
    config({ quiet: true });
  } catch {
    // dotenv is optional here
  }
  const res = await buildTeamsPackage();
  console.log(`Paquet Teams écrit : ${path.relative(process.cwd(), res.zipPath)}`);
  console.log(`Bot : ${res.manifest.bots[0]?.botId} — domaines autorisés : ${res.manifest.validDomains.join(", ") || "(aucun)"}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : String(err));
    process.exit(1);
  });
}
