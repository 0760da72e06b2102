// A real HTTP server on 127.0.0.1 for HTTP jobs to call: it records every request and answers as
// the test says (a status, a delay, or never until released).
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from "node:http";

export type Hit = {
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  runId: string | null;
  scheduledFor: string | null;
  attempt: number;
  body: string;
  at: number;
};
export type Responder = (hit: Hit, response: ServerResponse) => void | Promise<void>;

export type Recorder = {
  url: string;
  hits: Hit[];
  /** Changes how later requests are answered (default: 200 "ok"). */
  respond: (responder: Responder) => void;
  close: () => Promise<void>;
};

export async function startRecorder(): Promise<Recorder> {
  const hits: Hit[] = [];
  let responder: Responder = (_, response) => {
    response.end("ok");
  };
  const open = new Set<ServerResponse>();
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const url = new URL(request.url ?? "/", "http://127.0.0.1");
      const hit: Hit = {
        path: url.pathname,
        query: url.searchParams,
        headers: request.headers,
        runId: request.headers["x-sundial-run-id"]?.toString() ?? null,
        scheduledFor: request.headers["x-sundial-scheduled-for"]?.toString() ?? null,
        attempt: Number(request.headers["x-sundial-attempt"] ?? 0),
        body: Buffer.concat(chunks).toString(),
        at: Date.now(),
      };
      hits.push(hit);
      open.add(response);
      response.on("close", () => open.delete(response));
      void responder(hit, response);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    hits,
    respond: (next) => (responder = next),
    close: async () => {
      for (const response of open) response.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
