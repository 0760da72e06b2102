// The alert vocabulary, shared by the evaluation, the channels, the API and the page (pure: no db).

/** Events a channel can subscribe to; "test" is only ever sent by the test-send button. */
export const ALERT_EVENTS = ["failure", "misfire", "lost", "late", "recovery"] as const;
export type AlertEventName = (typeof ALERT_EVENTS)[number] | "test";

export const ALERT_STATES = ["healthy", "failing", "missed", "lost", "late"] as const;
export type AlertStateName = (typeof ALERT_STATES)[number];

export const ALERT_CHANNEL_TYPES = ["webhook", "slack", "email"] as const;
export type AlertChannelTypeName = (typeof ALERT_CHANNEL_TYPES)[number];

export const ALERT_DELIVERY_STATUSES = ["pending", "sending", "sent", "failed"] as const;
export type AlertDeliveryStatusName = (typeof ALERT_DELIVERY_STATUSES)[number];

export const EVENT_LABELS: Record<AlertEventName, string> = {
  failure: "Failure",
  misfire: "Misfire",
  lost: "Lost run",
  late: "Late (did not start)",
  recovery: "Recovery",
  test: "Test",
};

/** The state a finished run puts its job in; statuses not listed (skipped, canceled) leave it as it is. */
export const STATE_OF_RUN_STATUS: Partial<Record<string, AlertStateName>> = {
  succeeded: "healthy",
  failed: "failing",
  timed_out: "failing",
  lost: "lost",
  missed: "missed",
};

/** The event that entering a state raises (leaving any bad state for healthy is a recovery). */
export const EVENT_OF_STATE: Record<AlertStateName, Exclude<AlertEventName, "test">> = {
  healthy: "recovery",
  failing: "failure",
  missed: "misfire",
  lost: "lost",
  late: "late",
};
