import type http from 'node:http';
import {
  AwsError,
  EmulatedService,
  REST_ERROR_STATUS,
  isRestService,
} from './errors';

/** One REST-JSON operation: its method and path (from the API model). */
interface RestRoute {
  method: 'GET' | 'POST';
  path: string;
  service: EmulatedService;
  operation: string;
  /** Query parameters that carry numbers. */
  numbers?: string[];
}

/**
 * The REST-JSON operations the emulator answers, as the services' API
 * models bind them (`@http` traits of the SDK clients).
 */
const REST_ROUTES: RestRoute[] = [
  // AWS Security Hub (securityhub-2018-10-26), the V2 (OCSF) operations.
  {
    method: 'GET',
    path: '/hubv2',
    service: 'securityHub',
    operation: 'DescribeSecurityHubV2',
  },
  {
    method: 'POST',
    path: '/findingsv2/statistics',
    service: 'securityHub',
    operation: 'GetFindingStatisticsV2',
  },
  {
    method: 'POST',
    path: '/findingsv2',
    service: 'securityHub',
    operation: 'GetFindingsV2',
  },
  // IAM Access Analyzer (accessanalyzer-2019-11-01).
  {
    method: 'GET',
    path: '/analyzer',
    service: 'accessAnalyzer',
    operation: 'ListAnalyzers',
    numbers: ['maxResults'],
  },
  {
    method: 'POST',
    path: '/analyzer/findings/statistics',
    service: 'accessAnalyzer',
    operation: 'GetFindingsStatistics',
  },
  {
    method: 'POST',
    path: '/findingv2',
    service: 'accessAnalyzer',
    operation: 'ListFindingsV2',
  },
];

/** The REST-JSON operation of a request, or undefined when none matches. */
export function restRouteOf(
  req: http.IncomingMessage,
): Pick<RestRoute, 'service' | 'operation'> | undefined {
  const path = new URL(req.url ?? '/', 'http://x').pathname.replace(/\/+$/, '');
  return REST_ROUTES.find(r => r.method === req.method && r.path === path);
}

/** The body of a REST-JSON call: its JSON body and its query parameters. */
export function restInput(
  req: http.IncomingMessage,
  text: string,
): Record<string, unknown> {
  let body: Record<string, unknown> = {};
  if (text) {
    try {
      const parsed = JSON.parse(text);
      if (typeof parsed === 'object' && parsed !== null) body = parsed;
      else throw new Error('not an object');
    } catch {
      throw new AwsError('SerializationException', 'Malformed JSON body');
    }
  }
  const route = REST_ROUTES.find(
    r =>
      r.method === req.method &&
      r.path ===
        new URL(req.url ?? '/', 'http://x').pathname.replace(/\/+$/, ''),
  );
  const query = new URL(req.url ?? '/', 'http://x').searchParams;
  for (const [name, value] of query) {
    body[name] = route?.numbers?.includes(name) ? Number(value) : value;
  }
  return body;
}

/** The status and body of a REST-JSON error. */
export function restError(
  service: EmulatedService,
  error: AwsError,
): { status: number; body: Record<string, unknown> } {
  const status =
    error.statusCode >= 500
      ? error.statusCode
      : REST_ERROR_STATUS[error.code] ?? error.statusCode;
  // Security Hub's error shapes carry `Message` and `Code`; Access
  // Analyzer's a lower-case `message`.
  const body =
    service === 'securityHub'
      ? { Message: error.message, Code: error.code, ...error.fields }
      : { message: error.message, ...error.fields };
  return { status, body };
}

export { isRestService };
