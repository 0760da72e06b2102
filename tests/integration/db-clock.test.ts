import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "@/lib/db";
import { databaseClock } from "@/lib/runs/db-clock";
import { sleep } from "@/lib/sleep";
import { freshDatabase, providers, type TestDatabase } from "../support/test-db";

/**
 * A client of the real database whose answers to raw queries (the clock's) are held back as
 * `delays` says: a loaded machine, a new connection.
 */
function slowedDb(url: string, delays: number[]): { db: Db; queries: () => number } {
  const db = createDb(url);
  clients.push(db);
  const queryRaw = db.$queryRaw.bind(db);
  let queries = 0;
  db.$queryRaw = (async (...args: Parameters<Db["$queryRaw"]>) => {
    const result = await queryRaw(...args);
    await sleep(delays[queries++] ?? 0);
    return result;
  }) as Db["$queryRaw"];
  return { db, queries: () => queries };
}

const clients: Db[] = [];

describe.skipIf(!providers.includes("postgresql"))("the database's clock on postgresql", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await freshDatabase("postgresql");
  });
  afterAll(async () => {
    for (const db of clients) await db.$disconnect();
    await t?.drop();
  });

  it("samples again when the first round trip is too slow to trust, instead of going by this machine's clock", async () => {
    const { db, queries } = slowedDb(t.url, [1_100, 0]);
    const clock = databaseClock(db);
    await clock.sync();
    expect(queries()).toBe(2);
    // This machine and the database share one clock: the measured offset is a round trip at most
    // (the held-back sample's would be -1,100 ms; a loaded machine's round trip a few hundred).
    expect(Math.abs(clock.offsetMs())).toBeLessThan(500);
  });

  it("fails the first sync when no round trip can be trusted (the worker retries it before it claims anything)", async () => {
    const { db, queries } = slowedDb(t.url, [1_100, 1_100, 1_100, 1_100, 1_100]);
    const clock = databaseClock(db);
    await expect(clock.sync()).rejects.toThrow("could not measure the database's clock: 5 round trips each took over 1000 ms");
    expect(queries()).toBe(5);
  }, 20_000);

  it("a later slow sample keeps the offset already measured", async () => {
    const { db, queries } = slowedDb(t.url, [0, 1_100]);
    const clock = databaseClock(db);
    await clock.sync();
    const measured = clock.offsetMs();
    await clock.sync();
    expect(queries()).toBe(2);
    expect(clock.offsetMs()).toBe(measured);
  });
});
