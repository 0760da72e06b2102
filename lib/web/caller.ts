// Who is asking: the signed-in user behind the session cookie, or the API token in the
// Authorization header. Every page, action and route asks this itself; nothing upstream (a proxy,
// a header) is trusted to have asked already.
import "server-only";
import { getAuth } from "../auth/auth";
import { authenticateApiToken } from "../auth/api-tokens";
import { isRole, type Role } from "../auth/roles";
import { getDb } from "../db";
import type { Actor } from "../jobs/actor";

export type Caller =
  | { via: "session"; actor: Actor; role: Role; user: { id: string; name: string; email: string } }
  | { via: "token"; actor: Actor; role: Role; tokenId: string };

/** The caller, or null for an anonymous request, a bad or revoked token, or a disabled account. */
export async function callerFrom(headers: Headers): Promise<Caller | null> {
  const authorization = headers.get("authorization");
  // A request that presents a token is judged by that token alone, never by a cookie beside it.
  if (authorization !== null) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    const token = match ? await authenticateApiToken(getDb(), match[1]!) : null;
    if (!token) return null;
    return { via: "token", role: token.role, tokenId: token.id, actor: { type: "token", id: token.id, label: token.name } };
  }
  const session = await getAuth().api.getSession({ headers });
  if (!session || session.user.banned || !isRole(session.user.role)) return null;
  const { id, name, email, role } = session.user;
  return { via: "session", role, user: { id, name, email }, actor: { type: "user", id, label: email } };
}
