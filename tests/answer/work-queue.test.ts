import http from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { WorkQueue } from "../../src/answer/work-queue.js";

const busy = (ms: number) => {
  const end = performance.now() + ms;
  while (performance.now() < end) {
    /* CPU work */
  }
};

describe("WorkQueue", () => {
  it("runs one job at a time by default, in arrival order", async () => {
    const q = new WorkQueue();
    let running = 0;
    let maxRunning = 0;
    const order: number[] = [];
    const job = (n: number) => async () => {
      running++;
      maxRunning = Math.max(maxRunning, running);
      await new Promise((r) => setTimeout(r, 5));
      order.push(n);
      running--;
      return n;
    };
    const results = await Promise.all([1, 2, 3, 4].map((n) => q.run(job(n))));
    expect(results).toEqual([1, 2, 3, 4]);
    expect(order).toEqual([1, 2, 3, 4]);
    expect(maxRunning).toBe(1);
  });

  it("honours a higher concurrency", async () => {
    const q = new WorkQueue(3);
    let running = 0;
    let maxRunning = 0;
    await Promise.all(
      Array.from({ length: 9 }, () =>
        q.run(async () => {
          running++;
          maxRunning = Math.max(maxRunning, running);
          await new Promise((r) => setTimeout(r, 5));
          running--;
        }),
      ),
    );
    expect(maxRunning).toBe(3);
  });

  it("serves interactive work before background work that waits", async () => {
    const q = new WorkQueue();
    const order: string[] = [];
    const job = (name: string) => async () => {
      order.push(name);
    };
    const all = [
      q.run(job("b1"), { priority: "background" }),
      q.run(job("b2"), { priority: "background" }),
      q.run(job("i1"), { priority: "interactive" }),
      q.run(job("b3"), { priority: "background" }),
      q.run(job("i2")),
    ];
    await Promise.all(all);
    expect(order).toEqual(["i1", "i2", "b1", "b2", "b3"]);
    expect(q.pending).toEqual({ interactive: 0, background: 0 });
  });

  it("shares one run between callers of the same key in flight", async () => {
    const q = new WorkQueue();
    let runs = 0;
    const fn = async () => {
      runs++;
      await new Promise((r) => setTimeout(r, 5));
      return { value: 42 };
    };
    const [a, b] = await Promise.all([q.run(fn, { key: "k" }), q.run(fn, { key: "k" })]);
    expect(runs).toBe(1);
    expect(a).toBe(b);
    // once settled, the key runs again
    await q.run(fn, { key: "k" });
    expect(runs).toBe(2);
  });

  it("moves a shared background job ahead when someone waits for it interactively", async () => {
    const q = new WorkQueue();
    const order: string[] = [];
    const job = (name: string) => async () => {
      order.push(name);
      return name;
    };
    const background = ["b1", "b2", "b3"].map((n) => q.run(job(n), { priority: "background", key: n }));
    // an interactive caller asks for what b3 computes: b3 no longer waits behind b1 and b2
    const shared = q.run(job("unused"), { priority: "interactive", key: "b3" });
    expect(await shared).toBe("b3");
    await Promise.all(background);
    expect(order).toEqual(["b3", "b1", "b2"]);
  });

  it("passes errors to the caller and goes on with the next job", async () => {
    const q = new WorkQueue();
    const failing = q.run(async () => {
      throw new Error("boom");
    });
    const throwingSync = q.run((() => {
      throw new Error("sync boom");
    }) as () => Promise<never>);
    const ok = q.run(async () => "ok");
    await expect(failing).rejects.toThrow("boom");
    await expect(throwingSync).rejects.toThrow("sync boom");
    await expect(ok).resolves.toBe("ok");
  });

  it("lets network requests through between CPU-heavy jobs", async () => {
    const server = http.createServer((_req, res) => res.end("ok"));
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    await (await fetch(url)).text(); // connection warm
    try {
      const q = new WorkQueue();
      const t0 = performance.now();
      // 40 jobs of 10 ms of CPU each: 400 ms of work queued at once, then a request.
      const jobs = Array.from({ length: 40 }, () =>
        q.run(async () => {
          busy(10);
        }),
      );
      await (await fetch(url)).text();
      const requestMs = performance.now() - t0;
      await Promise.all(jobs);
      // Without the queue, the request would wait for all 400 ms of work.
      expect(requestMs).toBeLessThan(200);
    } finally {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    }
  });

  it("refuses a meaningless concurrency", () => {
    expect(() => new WorkQueue(0)).toThrow();
  });
});
