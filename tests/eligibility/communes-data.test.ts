import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cacheFileName, defaultCacheDirs, loadCompactCommunes, packageInfo, type CompactCommunes } from "../../src/eligibility/communes-data.js";
import { normaliseName, resolveCommune } from "../../src/eligibility/communes.js";

interface RawCommune {
  code: string;
  nom: string;
  type: string;
  departement?: string;
  region?: string;
  population?: number;
  chefLieu?: string;
  codesPostaux?: string[];
}

const require = createRequire(import.meta.url);
const rawJson = <T>(file: string): T => JSON.parse(readFileSync(require.resolve(`@etalab/decoupage-administratif/data/${file}`), "utf8")) as T;

const tmp = mkdtempSync(join(tmpdir(), "communes-data-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
let n = 0;
const freshDir = () => join(tmp, `cache-${++n}`);
const fileIn = (dir: string) => join(dir, cacheFileName(packageInfo().version));

describe("compact communes cache", () => {
  it("is created on first use and reused afterwards", () => {
    const dir = freshDir();
    const first = loadCompactCommunes({ cacheDirs: [dir] });
    expect(first.origin).toBe("extracted");
    expect(first.cacheFile).toBe(fileIn(dir));
    const mtime = statSync(fileIn(dir)).mtimeMs;
    const second = loadCompactCommunes({ cacheDirs: [dir] });
    expect(second.origin).toBe("cache");
    expect(second.cacheFile).toBe(fileIn(dir));
    expect(second.data).toEqual(first.data);
    expect(statSync(fileIn(dir)).mtimeMs).toBe(mtime);
    // compact: a fraction of the raw communes.json + epci.json (≈ 12 MB)
    expect(statSync(fileIn(dir)).size).toBeLessThan(3_000_000);
  });

  it.each([
    ["truncated", (text: string) => text.slice(0, Math.floor(text.length / 2))],
    ["empty", () => ""],
    ["not JSON", () => "\u0000\u0001garbage"],
    ["wrong shape", (text: string) => text.replace(/"communes":\[\[/, '"communes":[[42,')],
    ["another format", (text: string) => text.replace(/^\{"format":\d+/, '{"format":999')],
    ["another package version", (text: string) => text.replace(/"source":"[^"]*"/, '"source":"@etalab/decoupage-administratif@0.0.1"')],
  ])("rebuilds a %s cache file instead of failing", (_label, damage) => {
    const dir = freshDir();
    const good = loadCompactCommunes({ cacheDirs: [dir], extractors: ["in-process"] });
    const text = readFileSync(fileIn(dir), "utf8");
    const damaged = damage(text);
    expect(damaged).not.toBe(text);
    writeFileSync(fileIn(dir), damaged);
    const again = loadCompactCommunes({ cacheDirs: [dir], extractors: ["in-process"] });
    expect(again.origin).toBe("extracted");
    expect(again.data).toEqual(good.data);
    expect(readFileSync(fileIn(dir), "utf8")).toBe(text); // repaired on disk
  });

  it("falls back to the next folder, or to no cache, when a folder cannot be written", () => {
    const blocker = join(tmp, "a-file");
    writeFileSync(blocker, "not a folder");
    const unwritable = join(blocker, "cache"); // mkdir under a regular file fails, even as root
    const dir = freshDir();
    const r = loadCompactCommunes({ cacheDirs: [unwritable, dir], extractors: ["in-process"] });
    expect(r.origin).toBe("extracted");
    expect(r.cacheFile).toBe(fileIn(dir));
    const none = loadCompactCommunes({ cacheDirs: [unwritable], extractors: ["in-process"] });
    expect(none.origin).toBe("extracted");
    expect(none.cacheFile).toBeUndefined();
    expect(none.data).toEqual(r.data);
  });

  it("gives the same data whether extracted in a child process, a worker or this thread", () => {
    const child = loadCompactCommunes({ cacheDirs: [], extractors: ["child"] }).data;
    const worker = loadCompactCommunes({ cacheDirs: [], extractors: ["worker"] }).data;
    const inProcess = loadCompactCommunes({ cacheDirs: [], extractors: ["in-process"] }).data;
    expect(worker).toEqual(child);
    expect(inProcess).toEqual(child);
  });

  it("keeps its default cache under node_modules/.cache/relais-ess, per package version", () => {
    const [first] = defaultCacheDirs();
    expect(first).toMatch(/node_modules[\\/]\.cache[\\/]relais-ess$/);
    expect(cacheFileName("6.0.0")).toMatch(/^communes-6\.0\.0-f\d+\.json$/);
  });
});

describe("compact data against the raw package data", () => {
  const communes = rawJson<RawCommune[]>("communes.json");
  const epcis = rawJson<{ code: string; nom: string; membres: { code: string }[] }[]>("epci.json");
  const deps = rawJson<{ code: string; nom: string }[]>("departements.json");
  const current = communes.filter((c) => c.type === "commune-actuelle" && c.departement);
  const byCode = new Map(current.map((c) => [c.code, c]));
  const epciOf = new Map<string, { code: string; name: string }>();
  for (const e of epcis) for (const m of e.membres) epciOf.set(m.code, { code: e.code, name: e.nom });
  const depName = new Map(deps.map((d) => [d.code, d.nom]));
  // Sample: every 23rd current commune plus every Gard commune.
  const sample = current.filter((c, i) => i % 23 === 0 || c.departement === "30");

  it("holds every current commune with its fields, in file order", () => {
    const data: CompactCommunes = loadCompactCommunes().data;
    expect(data.communes.map((r) => r[0])).toEqual(current.map((c) => c.code));
    for (const [code, nom, dep, region, population, postcodes] of data.communes) {
      const c = byCode.get(code)!;
      expect([nom, dep, region, population, postcodes]).toEqual([c.nom, c.departement, c.region ?? "", c.population ?? 0, (c.codesPostaux ?? []).join(" ")]);
    }
    expect(data.departements).toEqual(deps.map((d) => [d.code, d.nom]));
  });

  it("resolves INSEE codes to the raw commune, département, région and EPCI", () => {
    for (const c of sample) {
      const r = resolveCommune(c.code);
      expect(r, c.code).toMatchObject({
        code: c.code,
        name: c.nom,
        departement: c.departement,
        departementName: depName.get(c.departement!),
        region: c.region ?? "",
        inGard: c.departement === "30",
      });
      expect(r!.epci, c.code).toEqual(epciOf.get(c.code));
    }
  });

  it("resolves names that are unique in the raw data to their commune", () => {
    const count = new Map<string, number>();
    for (const c of communes)
      if (c.type === "commune-actuelle" || c.type === "commune-deleguee" || c.type === "commune-associee")
        count.set(normaliseName(c.nom), (count.get(normaliseName(c.nom)) ?? 0) + 1);
    let checked = 0;
    for (const c of sample) {
      if (count.get(normaliseName(c.nom)) !== 1) continue;
      expect(resolveCommune(c.nom)?.code, c.nom).toBe(c.code);
      checked++;
    }
    // former communes (déléguées/associées) point at their chef-lieu
    const former = communes.filter((c, i) => (c.type === "commune-deleguee" || c.type === "commune-associee") && i % 7 === 0);
    for (const c of former) {
      const target = byCode.get(c.chefLieu ?? "");
      if (!target || count.get(normaliseName(c.nom)) !== 1) continue;
      expect(resolveCommune(c.nom)?.code, c.nom).toBe(target.code);
      checked++;
    }
    expect(checked).toBeGreaterThan(1000);
  });

  it("resolves postcodes to the commune the raw data ranks first (Gard, then the largest)", () => {
    const byPostcode = new Map<string, RawCommune[]>();
    for (const c of current) for (const pc of c.codesPostaux ?? []) byPostcode.set(pc, [...(byPostcode.get(pc) ?? []), c]);
    let seen = 0;
    let checked = 0;
    for (const [pc, list] of byPostcode) {
      if (byCode.has(pc) || seen++ % 4 !== 0) continue; // a postcode equal to an INSEE code resolves as the code
      const expected = [...list].sort(
        (a, b) => Number(b.departement === "30") - Number(a.departement === "30") || (b.population ?? 0) - (a.population ?? 0),
      )[0]!;
      const r = resolveCommune(pc);
      expect(r?.code, pc).toBe(expected.code);
      expect(r!.alternatives.map((a) => a.code).sort(), pc).toEqual(
        list
          .filter((c) => c !== expected)
          .map((c) => c.code)
          .sort(),
      );
      checked++;
    }
    expect(checked).toBeGreaterThan(500);
  });
});
