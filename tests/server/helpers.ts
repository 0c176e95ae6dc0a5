/** Shared setup for the service tests: config on a temp data dir, one runtime per file, real HTTP on loopback. */
import { mkdtempSync, rmSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { Writable } from "node:stream";
import { pino, type Logger } from "pino";
import { loadConfig, type AppConfig } from "../../src/config/env.js";
import { createRuntime, type Runtime } from "../../src/runtime.js";
import { createServer, type CreateServerOptions, type Service } from "../../src/server/app.js";
import { loadChannelKits } from "../../src/server/channels.js";
import { MemoryStorage } from "../../src/storage/memory.js";

export const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), "../..");

export function tempDir(prefix = "relais-server-"): { dir: string; remove(): void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export function testConfig(dataDir: string, extra: Record<string, string> = {}): AppConfig {
  return loadConfig(
    {
      NODE_ENV: "test",
      LOG_LEVEL: "silent",
      DATA_DIR: dataDir,
      KNOWLEDGE_DIR: path.join(ROOT, "knowledge"),
      PROMPTS_DIR: path.join(ROOT, "prompts"),
      CHANNELS_CONFIG: path.join(dataDir, "channels.yaml"),
      ...extra,
    },
    { dotenv: false },
  );
}

export async function testRuntime(config: AppConfig): Promise<Runtime> {
  const storage = new MemoryStorage();
  await storage.migrate();
  return createRuntime({ config, storage, llm: null });
}

/** A pino logger writing JSON lines into an array (to check what gets logged). */
export function captureLogger(): { logger: Logger; lines: string[] } {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, cb) {
      lines.push(...String(chunk).split("\n").filter(Boolean));
      cb();
    },
  });
  return { logger: pino({ level: "debug" }, stream), lines };
}

export interface Running {
  service: Service;
  url: string;
  close(): Promise<void>;
}

export async function startService(o: CreateServerOptions): Promise<Running> {
  const kits = o.kits ?? (o.channels ? {} : await loadChannelKits(o.config));
  const service = createServer({ logger: pino({ level: "silent" }), ...o, kits });
  const { port } = await service.listen(0, "127.0.0.1");
  return { service, url: `http://127.0.0.1:${port}`, close: () => service.close() };
}

export function postJson(url: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

/** A loopback port with nothing listening on it. */
export async function closedPort(): Promise<number> {
  const srv = net.createServer();
  await new Promise<void>((r) => srv.listen(0, "127.0.0.1", r));
  const port = (srv.address() as net.AddressInfo).port;
  await new Promise<void>((r) => srv.close(() => r()));
  return port;
}
