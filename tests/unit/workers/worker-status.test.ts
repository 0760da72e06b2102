import { describe, expect, it } from "vitest";
import { workerState } from "@/lib/workers/worker-status";

const now = new Date("2026-11-25T12:00:00Z");
const secondsAgo = (s: number) => new Date(now.getTime() - s * 1000);

describe("workerState", () => {
  it("is online while the heartbeat is within the threshold", () => {
    expect(workerState({ lastHeartbeatAt: secondsAgo(29), stoppedAt: null }, now, 30)).toBe("online");
    expect(workerState({ lastHeartbeatAt: secondsAgo(30), stoppedAt: null }, now, 30)).toBe("online");
  });

  it("is offline (presumed dead) once the heartbeat is older", () => {
    expect(workerState({ lastHeartbeatAt: secondsAgo(31), stoppedAt: null }, now, 30)).toBe("offline");
  });

  it("is stopped after a clean shutdown, however fresh its last heartbeat", () => {
    expect(workerState({ lastHeartbeatAt: secondsAgo(1), stoppedAt: secondsAgo(1) }, now, 30)).toBe("stopped");
  });
});
