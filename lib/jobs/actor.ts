// Who did something: every service takes one and writes it into the audit row of its transaction.

export type Actor = {
  type: "user" | "token" | "worker" | "system";
  /** The user, token or worker id; null for the system. */
  id: string | null;
  /** A display name kept in the audit log even if the actor is deleted later (an email, a token name). */
  label: string;
};

/** Sundial itself: seeds, migrations of data, housekeeping. */
export const SYSTEM_ACTOR: Actor = Object.freeze({ type: "system", id: null, label: "system" });
