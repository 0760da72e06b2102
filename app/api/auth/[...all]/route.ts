import { toNextJsHandler } from "better-auth/next-js";
import { getAuth } from "@/lib/auth/auth";

export const dynamic = "force-dynamic";

// better-auth's endpoints: sign-in (throttled), sign-out, session. Sign-up is off (lib/auth/auth.ts).
// The instance is made on the first request, not when `next build` loads this module: it reads the
// configuration and the secret of the server that runs.
export async function GET(request: Request): Promise<Response> {
  return toNextJsHandler(getAuth()).GET(request);
}

export async function POST(request: Request): Promise<Response> {
  return toNextJsHandler(getAuth()).POST(request);
}
