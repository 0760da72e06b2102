import { QueryClient, isServer } from "@tanstack/react-query";

function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      // Data prefetched on the server is fresh for a moment: without this the browser would
      // refetch everything right after hydration.
      queries: { staleTime: 5_000 },
    },
  });
}

let browserQueryClient: QueryClient | undefined;

/** A new client per server request (no data shared between users), one client in the browser. */
export function getQueryClient(): QueryClient {
  if (isServer) return makeQueryClient();
  browserQueryClient ??= makeQueryClient();
  return browserQueryClient;
}
