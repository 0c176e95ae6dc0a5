/**
 * Prometheus metrics of one service instance (prom-client, own registry so
 * several servers can live in one process, e.g. in tests).
 */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";

export interface ServiceMetrics {
  registry: Registry;
  httpRequests: Counter<"route" | "method" | "status">;
  httpDuration: Histogram<"route" | "method">;
  replies: Counter<"channel" | "type">;
  refused: Counter<"channel">;
  handoffs: Counter<"channel">;
  errors: Counter<"channel">;
  turnDuration: Histogram<"channel">;
  inflightTurns: Gauge;
}

export function createMetrics(opts: { defaultMetrics?: boolean } = {}): ServiceMetrics {
  const registry = new Registry();
  if (opts.defaultMetrics !== false) collectDefaultMetrics({ register: registry, prefix: "relais_" });
  const registers = [registry];
  return {
    registry,
    httpRequests: new Counter({
      name: "relais_http_requests_total",
      help: "HTTP requests by route, method and status code",
      labelNames: ["route", "method", "status"],
      registers,
    }),
    httpDuration: new Histogram({
      name: "relais_http_request_duration_seconds",
      help: "HTTP request latency by route",
      labelNames: ["route", "method"],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers,
    }),
    replies: new Counter({
      name: "relais_replies_total",
      help: "Replies of the core by channel and reply type",
      labelNames: ["channel", "type"],
      registers,
    }),
    refused: new Counter({
      name: "relais_answers_refused_total",
      help: "Questions the assistant refused to answer (no reliable source), by channel",
      labelNames: ["channel"],
      registers,
    }),
    handoffs: new Counter({
      name: "relais_handoffs_total",
      help: "Handoffs to a person, by channel",
      labelNames: ["channel"],
      registers,
    }),
    errors: new Counter({
      name: "relais_errors_total",
      help: "Failed turns (error replies, exceptions, timeouts), by channel",
      labelNames: ["channel"],
      registers,
    }),
    turnDuration: new Histogram({
      name: "relais_turn_duration_seconds",
      help: "Time spent in the core for one turn, by channel",
      labelNames: ["channel"],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers,
    }),
    inflightTurns: new Gauge({ name: "relais_inflight_turns", help: "Turns being handled by the core", registers }),
  };
}
