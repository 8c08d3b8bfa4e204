import http from 'node:http';
import { AddressInfo } from 'node:net';

/**
 * An operation handler: takes the parsed JSON request body, returns the JSON
 * response body or throws an {@link AwsError}.
 *
 * @public
 */
export type OperationHandler = (input: Record<string, unknown>) => unknown;

/**
 * An AWS service error as the JSON 1.1 protocol carries it: `__type` names
 * the error code, the HTTP status tells client from server faults.
 *
 * @public
 */
export class AwsError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly statusCode: number = 400,
  ) {
    super(message);
    this.name = code;
  }
}

/**
 * The services the emulator speaks, by the target prefix of their
 * `X-Amz-Target` header.
 *
 * @public
 */
export const SERVICE_TARGET_PREFIXES = {
  organizations: 'AWSOrganizationsV20161128',
  ssoAdmin: 'SWBExternalService',
  identityStore: 'AWSIdentityStore',
} as const;

/** @public */
export type EmulatedService = keyof typeof SERVICE_TARGET_PREFIXES;

/** @public */
export type ServiceHandlers = Partial<
  Record<EmulatedService, Record<string, OperationHandler>>
>;

/** @public */
export interface EmulatorServer {
  /** Base URL to give the SDK clients as `endpoint`. */
  url: string;
  close(): Promise<void>;
}

function send(res: http.ServerResponse, status: number, body: unknown) {
  const payload = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/x-amz-json-1.1',
    'content-length': Buffer.byteLength(payload),
    'x-amzn-requestid': crypto.randomUUID(),
  });
  res.end(payload);
}

function sendError(res: http.ServerResponse, error: AwsError) {
  res.setHeader('x-amzn-errortype', error.code);
  send(res, error.statusCode, { __type: error.code, message: error.message });
}

function resolveHandler(
  handlers: ServiceHandlers,
  target: string | undefined,
): OperationHandler {
  const [prefix, operation] = (target ?? '').split('.');
  const service = (
    Object.keys(SERVICE_TARGET_PREFIXES) as EmulatedService[]
  ).find(s => SERVICE_TARGET_PREFIXES[s] === prefix);
  const handler = service && operation && handlers[service]?.[operation];
  if (!handler) {
    throw new AwsError(
      'UnknownOperationException',
      `Unknown operation ${target ?? '(no X-Amz-Target header)'}`,
    );
  }
  return handler;
}

/**
 * Starts an HTTP server speaking the AWS JSON 1.1 protocol: it dispatches on
 * the `X-Amz-Target` header to the given handlers. The unmodified AWS SDK v3
 * clients talk to it through their `endpoint` option.
 *
 * @public
 */
export async function startEmulatorServer(options: {
  handlers: ServiceHandlers;
  port?: number;
  host?: string;
}): Promise<EmulatorServer> {
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', chunk => chunks.push(chunk));
    req.on('end', () => {
      try {
        if (req.method !== 'POST') {
          throw new AwsError('InvalidAction', `${req.method} is not supported`);
        }
        const handler = resolveHandler(
          options.handlers,
          req.headers['x-amz-target'] as string | undefined,
        );
        let input: Record<string, unknown>;
        try {
          const text = Buffer.concat(chunks).toString('utf8');
          input = text ? JSON.parse(text) : {};
        } catch {
          throw new AwsError('SerializationException', 'Malformed JSON body');
        }
        send(res, 200, handler(input) ?? {});
      } catch (error) {
        sendError(
          res,
          error instanceof AwsError
            ? error
            : new AwsError('InternalFailure', String(error), 500),
        );
      }
    });
  });
  await new Promise<void>(resolve =>
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve),
  );
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${options.host ?? '127.0.0.1'}:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close(err => (err ? reject(err) : resolve()));
      }),
  };
}
