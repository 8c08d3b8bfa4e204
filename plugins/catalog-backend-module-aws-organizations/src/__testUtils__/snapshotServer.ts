import { createServer, IncomingHttpHeaders, Server } from 'node:http';
import { AddressInfo } from 'node:net';

/** What the fake backend answers: a status, optional JSON body and headers. */
export interface FakeResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** Drop the connection without an answer (the client sees ECONNRESET). */
  reset?: boolean;
}

/**
 * A local HTTP server standing in for the AWS Organizations backend's
 * `GET /snapshot`. Records each request's path and headers; answers with
 * whatever `respond` returns.
 */
export async function startSnapshotServer(): Promise<{
  baseUrl: string;
  requests: { path: string; headers: IncomingHttpHeaders }[];
  respond: (handler: (headers: IncomingHttpHeaders) => FakeResponse) => void;
  close: () => Promise<void>;
}> {
  const requests: { path: string; headers: IncomingHttpHeaders }[] = [];
  let handler: (headers: IncomingHttpHeaders) => FakeResponse = () => ({
    status: 404,
    body: { error: { name: 'NotFoundError', message: 'No snapshot yet' } },
  });
  const server: Server = createServer((req, res) => {
    requests.push({ path: req.url ?? '', headers: req.headers });
    const { status, body, headers, reset } = handler(req.headers);
    if (reset) {
      req.socket.resetAndDestroy();
      return;
    }
    res.writeHead(status, {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...headers,
    });
    res.end(body === undefined ? undefined : JSON.stringify(body));
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/api/aws-organizations`,
    requests,
    respond: h => {
      handler = h;
    },
    close: () =>
      new Promise<void>((resolve, reject) =>
        server.close(e => (e ? reject(e) : resolve())),
      ),
  };
}
