import http from 'node:http';
import { AddressInfo } from 'node:net';
import {
  AwsError,
  EmulatedService,
  EMULATED_SERVICES,
  SERVICE_TARGET_PREFIXES,
} from './errors';
import { wireFormatOf } from './wire';

/** Who sent a call, as its request shows it. @public */
export interface CallOrigin {
  /** The access key id of the SigV4 `Credential` scope. */
  accessKeyId?: string;
  /** The region of the SigV4 `Credential` scope. */
  region?: string;
  sourceIpAddress?: string;
  userAgent?: string;
}
import { parseQueryRequest, queryErrorResponse, queryResponse } from './query';
import { restError, restInput, restRouteOf } from './rest';

/** One AWS call as the server received it. @public */
export interface AwsCall {
  service: EmulatedService;
  operation: string;
  body: Record<string, unknown>;
  /** Who sent it; absent for calls made through the admin endpoint. */
  origin?: CallOrigin;
}

/** Answers one AWS call with the response body, or throws {@link AwsError}. @public */
export type AwsCallHandler = (call: AwsCall) => Promise<unknown> | unknown;

/** A plain JSON request to the admin endpoint (`/_emulator/...`). @public */
export interface AdminRequest {
  method: string;
  /** The path below `/_emulator/`, e.g. `stats`. */
  path: string;
  body: unknown;
}

/** @public */
export type AdminHandler = (
  request: AdminRequest,
) => Promise<{ status: number; body: unknown }>;

/** @public */
export interface EmulatorServer {
  /** Base URL to give the SDK clients as `endpoint`. */
  url: string;
  close(): Promise<void>;
}

const ADMIN_PREFIX = '/_emulator/';

function send(
  res: http.ServerResponse,
  status: number,
  body: unknown,
  contentType = wireFormatOf(undefined).contentType,
) {
  const payload = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': contentType,
    'content-length': Buffer.byteLength(payload),
    'x-amzn-requestid': crypto.randomUUID(),
  });
  res.end(payload);
}

function sendError(
  res: http.ServerResponse,
  error: AwsError,
  service: EmulatedService | undefined,
) {
  if (error.htmlBody !== undefined) {
    res.writeHead(error.statusCode, {
      'content-type': 'text/html',
      'content-length': Buffer.byteLength(error.htmlBody),
    });
    res.end(error.htmlBody);
    return;
  }
  const wire = wireFormatOf(service);
  const { body, headers } = wire.error(error);
  for (const [name, value] of Object.entries(headers)) {
    res.setHeader(name, value);
  }
  send(res, error.statusCode, body, wire.contentType);
}

function parseTarget(target: string | undefined) {
  // The prefix may hold dots itself (e.g. `com.amazonaws.x.Service`).
  const dot = (target ?? '').lastIndexOf('.');
  const prefix = dot < 0 ? '' : target!.slice(0, dot);
  const operation = dot < 0 ? '' : target!.slice(dot + 1);
  const service = EMULATED_SERVICES.find(
    s => (SERVICE_TARGET_PREFIXES as Record<string, string>)[s] === prefix,
  );
  if (!service || !operation) {
    throw new AwsError(
      'UnknownOperationException',
      `Unknown operation ${target ?? '(no X-Amz-Target header)'}`,
    );
  }
  return { service, operation };
}

function parseJson(text: string): Record<string, unknown> {
  try {
    const value = text ? JSON.parse(text) : {};
    if (typeof value === 'object' && value !== null) return value;
  } catch {
    // answered below
  }
  throw new AwsError('SerializationException', 'Malformed JSON body');
}

/** The SigV4 credential scope: `Credential=AKID/date/region/service/aws4_request`. */
const CREDENTIAL = /Credential=([^/,\s]+)\/\d{8}\/([^/,\s]+)\//;

function originOf(req: http.IncomingMessage): CallOrigin {
  const scope = CREDENTIAL.exec(req.headers.authorization ?? '');
  return {
    accessKeyId: scope?.[1],
    region: scope?.[2],
    sourceIpAddress: req.socket.remoteAddress,
    userAgent: req.headers['user-agent'],
  };
}

function parseCall(req: http.IncomingMessage): AwsCall {
  if (req.method !== 'POST') {
    throw new AwsError('InvalidAction', `${req.method} is not supported`);
  }
  const { service, operation } = parseTarget(
    req.headers['x-amz-target'] as string | undefined,
  );
  return { service, operation, body: {}, origin: originOf(req) };
}

function isQueryRequest(req: http.IncomingMessage): boolean {
  return (req.headers['content-type'] ?? '').startsWith(
    'application/x-www-form-urlencoded',
  );
}

/** A query-protocol call (IAM, STS): XML answer or XML error. */
async function answerQuery(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  text: string,
  handle: AwsCallHandler,
) {
  const requestId = crypto.randomUUID();
  let service: EmulatedService | undefined;
  let payload: string;
  let status = 200;
  try {
    const request = parseQueryRequest(text);
    service = request.service;
    const result = await handle({
      service: request.service,
      operation: request.action,
      body: request.body,
      origin: originOf(req),
    });
    payload = queryResponse(request, result, requestId);
  } catch (caught) {
    const error =
      caught instanceof AwsError
        ? caught
        : new AwsError('InternalFailure', String(caught), 500);
    if (error.htmlBody !== undefined) {
      sendError(res, error, service);
      return;
    }
    status = error.statusCode;
    payload = queryErrorResponse(service, error, requestId);
  }
  res.writeHead(status, {
    'content-type': 'text/xml',
    'content-length': Buffer.byteLength(payload),
    'x-amzn-requestid': requestId,
  });
  res.end(payload);
}

/** A REST-JSON call (Security Hub, IAM Access Analyzer). */
async function answerRest(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  text: string,
  route: { service: EmulatedService; operation: string },
  handle: AwsCallHandler,
) {
  try {
    const body = restInput(req, text);
    const answer =
      (await handle({ ...route, body, origin: originOf(req) })) ?? {};
    send(res, 200, answer, 'application/json');
  } catch (caught) {
    const error =
      caught instanceof AwsError
        ? caught
        : new AwsError('InternalServerException', String(caught), 500);
    if (error.htmlBody !== undefined) {
      sendError(res, error, route.service);
      return;
    }
    const { status, body } = restError(route.service, error);
    res.setHeader('x-amzn-errortype', error.code);
    send(res, status, body, 'application/json');
  }
}

/**
 * Starts an HTTP server speaking the AWS JSON 1.1 protocol (JSON 1.0 for
 * SQS, see `wire.ts`): it passes each
 * call, identified by its `X-Amz-Target` header, to `handle`. Requests below
 * `/_emulator/` go to `admin` as plain JSON. The unmodified AWS SDK v3
 * clients talk to it through their `endpoint` option.
 *
 * @public
 */
export async function startEmulatorServer(options: {
  handle: AwsCallHandler;
  admin?: AdminHandler;
  port?: number;
  host?: string;
}): Promise<EmulatorServer> {
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', chunk => chunks.push(chunk));
    req.on('end', async () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      let service: EmulatedService | undefined;
      try {
        if (path.startsWith(ADMIN_PREFIX) && options.admin) {
          let body: unknown = undefined;
          try {
            body = text ? JSON.parse(text) : undefined;
          } catch {
            send(res, 400, { error: 'Malformed JSON' }, 'application/json');
            return;
          }
          const answer = await options.admin({
            method: req.method ?? 'GET',
            path: path.slice(ADMIN_PREFIX.length),
            body,
          });
          send(res, answer.status, answer.body, 'application/json');
          return;
        }
        if (req.method === 'POST' && isQueryRequest(req)) {
          await answerQuery(req, res, text, options.handle);
          return;
        }
        const route = req.headers['x-amz-target']
          ? undefined
          : restRouteOf(req);
        if (route) {
          await answerRest(req, res, text, route, options.handle);
          return;
        }
        const call = parseCall(req);
        service = call.service;
        call.body = parseJson(text);
        const answer = (await options.handle(call)) ?? {};
        send(res, 200, answer, wireFormatOf(service).contentType);
      } catch (error) {
        sendError(
          res,
          error instanceof AwsError
            ? error
            : new AwsError('InternalFailure', String(error), 500),
          service,
        );
      }
    });
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, resolve);
  });
  const { port } = server.address() as AddressInfo;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${urlHost === '0.0.0.0' ? '127.0.0.1' : urlHost}:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close(err => (err ? reject(err) : resolve()));
      }),
  };
}
