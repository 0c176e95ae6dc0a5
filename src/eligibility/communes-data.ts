/**
 * Compact form of the geography used by communes.ts.
 *
 * @etalab/decoupage-administratif ships ≈ 12 MB of JSON (communes.json,
 * epci.json). Parsing it in the service process raised its resident memory by
 * tens of MB that were not given back. So the raw files are parsed once, in a
 * short-lived child process (`node -e`, plain JavaScript), and reduced to the
 * few fields the index needs (≈ 2 MB of JSON of arrays). That compact form is
 * cached on disk per @etalab version — node_modules/.cache/relais-ess/, else
 * ~/.cache/relais-ess/ — written atomically (tmp + rename); a missing,
 * truncated or corrupted cache file is rebuilt, an unwritable one is skipped.
 *
 * The API stays synchronous: the main thread waits for the extraction (it
 * blocked on JSON.parse before), and only the first start after an install
 * pays for it. If no child process can be started, a worker thread, then this
 * thread, do the extraction.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { homedir } from "node:os";
import { basename, dirname, join } from "node:path";
import { MessageChannel, Worker, receiveMessageOnPort } from "node:worker_threads";
import { processEnv } from "../config/env.js";

/** Bump when the extraction or the layout below changes: old cache files are then ignored. */
export const COMPACT_FORMAT = 1;
const PACKAGE = "@etalab/decoupage-administratif";

/** [code, nom, departement, region ("" if none), population (0 if none), postcodes joined by spaces] */
export type CompactCommune = [string, string, string, string, number, string];
/** [nom, chefLieu]: a commune déléguée/associée and the current commune it belongs to. */
export type CompactFormer = [string, string];
/** [code, nom, member commune codes joined by spaces] */
export type CompactEpci = [string, string, string];
/** [code, nom] */
export type CompactDepartement = [string, string];

export interface CompactCommunes {
  format: number;
  /** "@etalab/decoupage-administratif@<version>" the data was extracted from. */
  source: string;
  /** Current communes (type commune-actuelle with a département), in file order. */
  communes: CompactCommune[];
  /** Delegated/associated communes with a chef-lieu, in file order. */
  former: CompactFormer[];
  epci: CompactEpci[];
  departements: CompactDepartement[];
}

export interface LoadedCommunes {
  data: CompactCommunes;
  /** "cache": read from a cache file; "extracted": built from the raw package data now. */
  origin: "cache" | "extracted";
  /** The cache file read or written, if any. */
  cacheFile?: string;
}

/**
 * The extraction, as plain JavaScript source (no TypeScript, no imports): it
 * runs in `node -e` or a worker created with `eval: true`, so the same way
 * under tsx (tests) and from compiled JavaScript.
 * The order of the rows follows the raw files, so the index built from them is
 * the same as the one built from the raw data.
 */
const EXTRACT_SOURCE = String.raw`
function extractCompact(dataDir, source, format, readFileSync) {
  const read = (file) => JSON.parse(readFileSync(dataDir + "/" + file, "utf8"));
  const communes = [];
  const former = [];
  for (const c of read("communes.json")) {
    if (c.type === "commune-actuelle" && c.departement)
      communes.push([c.code, c.nom, c.departement, c.region || "", c.population || 0, (c.codesPostaux || []).join(" ")]);
    else if ((c.type === "commune-deleguee" || c.type === "commune-associee") && c.chefLieu) former.push([c.nom, c.chefLieu]);
  }
  const epci = read("epci.json").map((e) => [e.code, e.nom, e.membres.map((m) => m.code).join(" ")]);
  const departements = read("departements.json").map((d) => [d.code, d.nom]);
  return JSON.stringify({ format, source, communes, former, epci, departements });
}
`;

const CHILD_SOURCE = `${EXTRACT_SOURCE}
const [dataDir, source, format] = process.argv.slice(1);
process.stdout.write(extractCompact(dataDir, source, Number(format), require("node:fs").readFileSync));
`;

const WORKER_SOURCE = `${EXTRACT_SOURCE}
const { workerData } = require("node:worker_threads");
const { readFileSync } = require("node:fs");
const { port, signal, dataDir, source, format } = workerData;
let message;
try {
  message = { text: extractCompact(dataDir, source, format, readFileSync) };
} catch (e) {
  message = { error: String((e && e.stack) || e) };
}
port.postMessage(message);
const flag = new Int32Array(signal);
Atomics.store(flag, 0, 1);
Atomics.notify(flag, 0);
`;

/** How long the main thread waits for the child process or the worker before trying the next way. */
const EXTRACT_TIMEOUT_MS = 120_000;

export interface PackageInfo {
  version: string;
  dataDir: string;
  /** The node_modules folder holding the package, if the layout has one. */
  nodeModules?: string;
}

export function packageInfo(): PackageInfo {
  const require = createRequire(import.meta.url);
  const pkgJson = require.resolve(`${PACKAGE}/package.json`);
  const { version } = JSON.parse(readFileSync(pkgJson, "utf8")) as { version: string };
  const pkgDir = dirname(pkgJson);
  let d = pkgDir;
  while (basename(d) !== "node_modules" && dirname(d) !== d) d = dirname(d);
  return { version, dataDir: join(pkgDir, "data"), nodeModules: basename(d) === "node_modules" ? d : undefined };
}

/** Cache folders, in order of preference: next to the package, then the user's cache folder. */
export function defaultCacheDirs(pkg: PackageInfo = packageInfo()): string[] {
  const dirs: string[] = [];
  const { nodeModules } = pkg;
  if (nodeModules) dirs.push(join(nodeModules, ".cache", "relais-ess"));
  const userCache = processEnv().XDG_CACHE_HOME || join(homedir(), ".cache");
  dirs.push(join(userCache, "relais-ess"));
  return dirs;
}

export function cacheFileName(version: string): string {
  return `communes-${version}-f${COMPACT_FORMAT}.json`;
}

const isStr = (x: unknown): x is string => typeof x === "string";

/** Parse and check a compact text; throws on anything unexpected (truncated, corrupted, other version). */
export function parseCompact(text: string, expectedSource: string): CompactCommunes {
  const d = JSON.parse(text) as CompactCommunes;
  const fail = (what: string): never => {
    throw new Error(`compact communes data: invalid ${what}`);
  };
  if (!d || typeof d !== "object") fail("document");
  if (d.format !== COMPACT_FORMAT) fail("format");
  if (d.source !== expectedSource) fail("source");
  if (!Array.isArray(d.communes) || d.communes.length === 0) fail("communes");
  for (const r of d.communes)
    if (!Array.isArray(r) || r.length !== 6 || !isStr(r[0]) || !isStr(r[1]) || !isStr(r[2]) || !isStr(r[3]) || typeof r[4] !== "number" || !isStr(r[5]))
      fail("commune row");
  if (!Array.isArray(d.former)) fail("former");
  for (const r of d.former) if (!Array.isArray(r) || r.length !== 2 || !isStr(r[0]) || !isStr(r[1])) fail("former row");
  if (!Array.isArray(d.epci)) fail("epci");
  for (const r of d.epci) if (!Array.isArray(r) || r.length !== 3 || !isStr(r[0]) || !isStr(r[1]) || !isStr(r[2])) fail("epci row");
  if (!Array.isArray(d.departements) || d.departements.length === 0) fail("departements");
  for (const r of d.departements) if (!Array.isArray(r) || r.length !== 2 || !isStr(r[0]) || !isStr(r[1])) fail("departement row");
  return d;
}

/**
 * Run the extraction in a short-lived child process (plain `node -e`, no loader):
 * all the memory of the big parse belongs to that process and goes with it.
 */
function extractInChild(dataDir: string, source: string): string {
  const env = { ...processEnv() };
  delete env.NODE_OPTIONS; // no loader (tsx) or heap flags meant for the service
  return execFileSync(process.execPath, ["--input-type=commonjs", "-e", CHILD_SOURCE, dataDir, source, String(COMPACT_FORMAT)], {
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
    env,
    stdio: ["ignore", "pipe", "pipe"],
    timeout: EXTRACT_TIMEOUT_MS,
    windowsHide: true,
  });
}

/**
 * Run the extraction in a worker thread and wait for it synchronously. The
 * worker's V8 heap is released when it exits, but glibc keeps most of the
 * thread's malloc arena (≈ 10–15 MB of RSS measured), hence the child process first.
 */
function extractInWorker(dataDir: string, source: string): string {
  const signal = new SharedArrayBuffer(4);
  const flag = new Int32Array(signal);
  const { port1, port2 } = new MessageChannel();
  // execArgv: [] — the worker needs no loader (tsx), only plain Node.
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    execArgv: [],
    workerData: { port: port2, signal, dataDir, source, format: COMPACT_FORMAT },
    transferList: [port2],
  });
  worker.unref();
  worker.on("error", () => {}); // reported through the port (or the timeout) instead
  try {
    const waited = Atomics.wait(flag, 0, 0, EXTRACT_TIMEOUT_MS);
    const reply = receiveMessageOnPort(port1)?.message as { text?: string; error?: string } | undefined;
    if (reply?.text !== undefined) return reply.text;
    throw new Error(reply?.error ?? `communes extraction worker: no reply (${waited})`);
  } finally {
    port1.close();
    void worker.terminate();
  }
}

/** Same extraction in this thread: the last resort (the big parse then stays in this process's memory). */
function extractInProcess(dataDir: string, source: string): string {
  const fn = new Function(`${EXTRACT_SOURCE}\nreturn extractCompact;`)() as (
    dataDir: string,
    source: string,
    format: number,
    read: typeof readFileSync,
  ) => string;
  return fn(dataDir, source, COMPACT_FORMAT, readFileSync);
}

function writeAtomically(file: string, text: string): void {
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  try {
    writeFileSync(tmp, text);
    renameSync(tmp, file);
  } catch (e) {
    try {
      unlinkSync(tmp);
    } catch {
      /* nothing to remove */
    }
    throw e;
  }
}

export type Extractor = "child" | "worker" | "in-process";

export interface LoadOptions {
  /** Cache folders to read from / write to, in order (default: defaultCacheDirs()). [] disables the cache. */
  cacheDirs?: string[];
  /** Ways to extract the raw data, tried in order (default: child process, then worker, then this thread). */
  extractors?: Extractor[];
}

const EXTRACTORS: Record<Extractor, (dataDir: string, source: string) => string> = {
  child: extractInChild,
  worker: extractInWorker,
  "in-process": extractInProcess,
};

/**
 * The compact geography for the installed @etalab version: from the first valid
 * cache file, else extracted (see LoadOptions.extractors) and written to the
 * first writable cache folder. A cache that cannot be written is not an error.
 */
export function loadCompactCommunes(opts: LoadOptions = {}): LoadedCommunes {
  const pkg = packageInfo();
  const { version, dataDir } = pkg;
  const source = `${PACKAGE}@${version}`;
  const dirs = opts.cacheDirs ?? defaultCacheDirs(pkg);
  const name = cacheFileName(version);
  for (const dir of dirs) {
    const file = join(dir, name);
    let text: string;
    try {
      text = readFileSync(file, "utf8");
    } catch {
      continue; // missing or unreadable
    }
    try {
      return { data: parseCompact(text, source), origin: "cache", cacheFile: file };
    } catch {
      // truncated or corrupted: rebuilt below (and overwritten)
    }
  }
  const extractors = opts.extractors ?? ["child", "worker", "in-process"];
  let data: CompactCommunes | undefined;
  let text = "";
  let lastError: unknown;
  for (const way of extractors) {
    try {
      text = EXTRACTORS[way](dataDir, source);
      data = parseCompact(text, source);
      break;
    } catch (e) {
      lastError = e; // e.g. no child process allowed: try the next way
    }
  }
  if (!data) throw lastError instanceof Error ? lastError : new Error("communes extraction failed");
  for (const dir of dirs) {
    const file = join(dir, name);
    try {
      writeAtomically(file, text);
      return { data, origin: "extracted", cacheFile: file };
    } catch {
      // not writable: try the next folder
    }
  }
  return { data, origin: "extracted" };
}
