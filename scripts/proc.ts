/** Small helpers the benchmark and load scripts share to run a service child on loopback. */
import net from "node:net";
import path from "node:path";

export const HOST = "127.0.0.1";

/** A TCP port free on the loopback interface right now. */
export async function freePort(): Promise<number> {
  const srv = net.createServer();
  await new Promise<void>((r) => srv.listen(0, HOST, r));
  const port = (srv.address() as net.AddressInfo).port;
  await new Promise<void>((r) => srv.close(() => r()));
  return port;
}

/**
 * The environment of a compiled service child on loopback: development mode, offline and
 * SQLite, no channel; `extra` adds or overrides (a fake Slack API, PostgreSQL…). Blank values
 * win over a developer's .env (dotenv never overrides a defined variable).
 */
export function serviceEnv(
  o: { port: number; dataDir: string; knowledgeDir: string; promptsDir: string; logLevel: string },
  extra: NodeJS.ProcessEnv = {},
): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: "development",
    HOST,
    PORT: String(o.port),
    LOG_LEVEL: o.logLevel,
    DATA_DIR: o.dataDir,
    KNOWLEDGE_DIR: o.knowledgeDir,
    PROMPTS_DIR: o.promptsDir,
    CHANNELS_CONFIG: path.join(o.dataDir, "channels.yaml"),
    OPENAI_API_KEY: "",
    OPENAI_BASE_URL: "",
    LLM_MODEL: "",
    EMBEDDINGS_MODEL: "",
    DATABASE_URL: "",
    SLACK_BOT_TOKEN: "",
    SLACK_SIGNING_SECRET: "",
    SLACK_APP_TOKEN: "",
    MicrosoftAppId: "",
    MicrosoftAppPassword: "",
    ...extra,
  };
}
