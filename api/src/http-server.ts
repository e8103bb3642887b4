import { createServer, type RequestListener, type Server } from 'node:http';

export interface HttpServerOptions {
  /**
   * Longest time a client may take to send a request, headers and body (ms; 0: no limit). Past
   * it Node answers 408 and closes the connection: a client dribbling its body holds nothing
   * longer than that (Node's default is 300 s).
   */
  requestTimeoutMs: number;
}

/** The API's HTTP server, with request timeouts (`ESSOR_REQUEST_TIMEOUT_S`). */
export function createHttpServer(app: RequestListener, { requestTimeoutMs }: HttpServerOptions): Server {
  if (!requestTimeoutMs) return createServer({ requestTimeout: 0 }, app);
  return createServer(
    {
      requestTimeout: requestTimeoutMs,
      // The headers within the same time (Node requires headersTimeout ≤ requestTimeout).
      headersTimeout: requestTimeoutMs,
      // Node looks for expired requests every connectionsCheckingInterval (30 s by default): a
      // request would otherwise live up to 30 s past its timeout.
      connectionsCheckingInterval: Math.min(30_000, Math.max(50, Math.round(requestTimeoutMs / 10))),
    },
    app,
  );
}
