// The dashboard's server keeps an idle connection open longer than Node's default 5 s: an API
// client that pauses between requests reuses its connection instead of having it closed under the
// next request (which it sees as ECONNRESET; a proxy in front answers 502).
import { Agent, request as httpRequest } from "node:http";
import { expect } from "@playwright/test";
import { test } from "./hydrated";

function get(agent: Agent, url: string): Promise<{ status: number; reused: boolean }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { agent }, (response) => {
      response.resume();
      response.on("end", () => resolve({ status: response.statusCode ?? 0, reused: req.reusedSocket }));
    });
    req.on("error", reject);
    req.end();
  });
}

test("a connection idle for 7 s is still open for the next request", async ({ baseURL }) => {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  try {
    expect(await get(agent, `${baseURL}/api/health`)).toEqual({ status: 200, reused: false });
    await new Promise((resolve) => setTimeout(resolve, 7000));
    expect(await get(agent, `${baseURL}/api/health`)).toEqual({ status: 200, reused: true });
  } finally {
    agent.destroy();
  }
});
