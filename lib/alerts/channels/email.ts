// Email over SMTP (nodemailer): a plain-text message, with timeouts so a silent server can't hold a
// sweep.
import nodemailer from "nodemailer";
import type { EmailChannelConfig } from "../channel-input";
import type { AlertMessage } from "../message";
import { messageText } from "../message";
import { SEND_TIMEOUT_MS } from "./post-json";

export async function sendEmail(config: EmailChannelConfig, message: AlertMessage): Promise<void> {
  const transport = nodemailer.createTransport({
    host: config.host,
    port: config.port,
    secure: config.security === "tls",
    requireTLS: config.security === "starttls",
    ignoreTLS: config.security === "none",
    auth: config.username ? { user: config.username, pass: config.password } : undefined,
    connectionTimeout: SEND_TIMEOUT_MS,
    greetingTimeout: SEND_TIMEOUT_MS,
    socketTimeout: SEND_TIMEOUT_MS,
  });
  try {
    await transport.sendMail({
      from: config.from,
      to: config.to,
      subject: `[Sundial] ${message.title}`,
      text: messageText(message),
      headers: { "X-Sundial-Event": message.event },
    });
  } finally {
    transport.close();
  }
}
