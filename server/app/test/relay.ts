// A recording HTTP relay for integration tests: it sits between an app server and an upstream
// (the emulator), forwards every request as it came (only `host` rewritten) and lets a test see
// each request, count answers, or keep a request in flight.
import {
  createServer,
  request as httpRequest,
  type IncomingHttpHeaders,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';

export type RelayedRequest = {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
};

export type RelayOptions = {
  /**
   * Seen before forwarding; 'keep' leaves the request unanswered (closed with the relay), a
   * function answers it instead of the upstream (a misbehaving one, say).
   */
  onRequest?: (
    request: RelayedRequest,
  ) => 'forward' | 'keep' | ((response: ServerResponse) => void);
  /** The upstream's status for a forwarded request. */
  onAnswer?: (request: RelayedRequest, status: number) => void;
  /** Listen on this port (to come back where an earlier relay was); any free one by default. */
  port?: number;
};

export type Relay = { url: string; close(): Promise<void> };

export async function startRelay(target: string, options: RelayOptions = {}): Promise<Relay> {
  const upstream = new URL(target);
  const kept: ServerResponse[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const request: RelayedRequest = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks),
      };
      const handling = options.onRequest?.(request) ?? 'forward';
      if (handling === 'keep') {
        kept.push(res);
        return;
      }
      if (handling !== 'forward') {
        handling(res);
        return;
      }
      const forward = httpRequest(
        {
          host: upstream.hostname,
          port: upstream.port,
          method: req.method,
          path: req.url,
          headers: { ...req.headers, host: upstream.host },
        },
        (answer) => {
          options.onAnswer?.(request, answer.statusCode ?? 502);
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      forward.on('error', () => res.writeHead(502).end());
      forward.end(request.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        for (const res of kept.splice(0)) res.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
