// Failed sign-ins counted per email address. better-auth's own limiter counts requests per client
// IP, which a client can forge with X-Forwarded-For when Sundial is reached without a proxy; an
// email address can't be forged, so guessing one account's password stays slow either way.
// Counts live in this web process's memory: a restart forgets them, and each of several web
// servers counts on its own.

export type LoginThrottle = {
  /** Whether sign-ins for this email are refused for now, and for how many more seconds. */
  check(email: string, now?: number): { throttled: false } | { throttled: true; retryAfterSeconds: number };
  recordFailure(email: string, now?: number): void;
  /** A successful sign-in forgets earlier failures. */
  clear(email: string): void;
};

export function createLoginThrottle({ maxFailures, windowMs }: { maxFailures: number; windowMs: number }): LoginThrottle {
  const failures = new Map<string, { count: number; lastAt: number }>();
  const keyOf = (email: string) => email.trim().toLowerCase();
  const current = (email: string, now: number) => {
    const entry = failures.get(keyOf(email));
    if (entry && now - entry.lastAt >= windowMs) {
      failures.delete(keyOf(email));
      return undefined;
    }
    return entry;
  };
  return {
    check(email, now = Date.now()) {
      const entry = current(email, now);
      if (!entry || entry.count < maxFailures) return { throttled: false };
      return { throttled: true, retryAfterSeconds: Math.ceil((entry.lastAt + windowMs - now) / 1000) };
    },
    recordFailure(email, now = Date.now()) {
      const entry = current(email, now);
      failures.set(keyOf(email), { count: (entry?.count ?? 0) + 1, lastAt: now });
      // Bounded: a flood of made-up addresses can't grow the map without end.
      if (failures.size > 100_000) {
        for (const [key, value] of failures) if (now - value.lastAt >= windowMs) failures.delete(key);
      }
    },
    clear(email) {
      failures.delete(keyOf(email));
    },
  };
}
