/**
 * The HTTP transport of the Slack Web API client: `WebClient` accepts any
 * fetch-like function. The default (`globalThis.fetch`) builds WHATWG streams
 * for every request and costs about 1 ms of CPU per call; this one uses
 * undici's `request()` on a keep-alive connection pool and returns the small
 * response shape WebClient reads (status, headers, body), about 3× cheaper.
 * Retries (429 Retry-After, network errors) stay WebClient's job; the timeout
 * comes as an AbortSignal from WebClient. Multipart bodies (file uploads, not
 * used by Relais ESS) go through `globalThis.fetch`.
 */
import { Agent, request } from "undici";
import type { webApi } from "@slack/bolt";

type FetchFunction = webApi.FetchFunction;
type FetchRequestInit = NonNullable<Parameters<FetchFunction>[1]>;
type FetchResponse = Awaited<ReturnType<FetchFunction>>;

export interface SlackTransport {
  fetch: FetchFunction;
  close(): Promise<void>;
}

export interface SlackTransportOptions {
  /** Sockets kept per origin. Default 32. */
  connections?: number;
  /** Idle keep-alive time of a socket, ms. Default 30 000. */
  keepAliveTimeoutMs?: number;
  /** Largest response body accepted, bytes. Default 5 MB (a long conversations.history page is far below). */
  maxResponseBytes?: number;
}

class Headers {
  constructor(private readonly raw: Record<string, string | string[] | undefined>) {}
  get(name: string): string | null {
    const v = this.raw[name.toLowerCase()];
    if (v === undefined) return null;
    return Array.isArray(v) ? v.join(", ") : v;
  }
  *entries(): IterableIterator<[string, string]> {
    for (const [k, v] of Object.entries(this.raw)) if (v !== undefined) yield [k, Array.isArray(v) ? v.join(", ") : v];
  }
}

export function createSlackTransport(o: SlackTransportOptions = {}): SlackTransport {
  const agent = new Agent({
    connections: o.connections ?? 32,
    keepAliveTimeout: o.keepAliveTimeoutMs ?? 30_000,
    maxResponseSize: o.maxResponseBytes ?? 5 * 1024 * 1024,
  });

  const leanFetch = async (url: string | URL, init: FetchRequestInit = {}): Promise<FetchResponse> => {
    if (init.body !== undefined && typeof init.body !== "string") {
      return (await globalThis.fetch(url, init as RequestInit)) as unknown as FetchResponse;
    }
    const res = await request(url, {
      method: (init.method ?? "GET") as "GET",
      headers: init.headers,
      body: init.body,
      signal: init.signal,
      dispatcher: agent,
    });
    // Read the whole body now: WebClient reads it at most once, and reading
    // frees the socket for the next request.
    const body = Buffer.from(await res.body.arrayBuffer());
    const status = res.statusCode;
    return {
      ok: status >= 200 && status < 300,
      status,
      statusText: "",
      url: String(url),
      headers: new Headers(res.headers),
      arrayBuffer: async () => body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength) as ArrayBuffer,
      text: async () => body.toString("utf8"),
      json: async () => JSON.parse(body.toString("utf8")) as unknown,
    };
  };

  return { fetch: leanFetch, close: () => agent.close() };
}
