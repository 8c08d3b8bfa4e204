/**
 * The AWS query protocol (IAM, STS): form-encoded requests
 * (`Action=...&Version=...`, lists as `Name.member.N`), XML answers
 * (`<ActionResponse><ActionResult>...`) and XML errors
 * (`<ErrorResponse><Error><Type/><Code/><Message/></Error><RequestId/>`).
 */
import { AwsError, EmulatedService, QUERY_SERVICE_VERSIONS } from './errors';

/** The query services' XML namespaces. */
export const QUERY_NAMESPACES: Record<
  keyof typeof QUERY_SERVICE_VERSIONS,
  string
> = {
  iam: 'https://iam.amazonaws.com/doc/2010-05-08/',
  sts: 'https://sts.amazonaws.com/doc/2011-06-15/',
};

/** A parsed query request: its service, action and parameters. */
export interface QueryRequest {
  service: keyof typeof QUERY_SERVICE_VERSIONS;
  action: string;
  /** Parameters; `Name.member.N` lists become arrays of strings. */
  body: Record<string, unknown>;
}

/**
 * Parses a form-encoded query request. The service is the one whose API
 * version the request names; a missing Action or an unknown Version answers
 * the errors AWS documents for them.
 */
export function parseQueryRequest(text: string): QueryRequest {
  const form = new URLSearchParams(text);
  const action = form.get('Action');
  const version = form.get('Version');
  const service = (
    Object.keys(
      QUERY_SERVICE_VERSIONS,
    ) as (keyof typeof QUERY_SERVICE_VERSIONS)[]
  ).find(s => QUERY_SERVICE_VERSIONS[s] === version);
  if (!action) {
    throw new AwsError('MissingAction', 'Missing Action parameter', 400);
  }
  if (!service) {
    throw new AwsError(
      'InvalidAction',
      `Could not find operation ${action} for version ${
        version ?? 'NO_VERSION_SPECIFIED'
      }`,
      400,
    );
  }
  const body: Record<string, unknown> = {};
  const lists = new Map<string, Map<number, string>>();
  for (const [key, value] of form) {
    if (key === 'Action' || key === 'Version') continue;
    const member = /^(\w+)\.member\.(\d+)$/.exec(key);
    if (member) {
      const list = lists.get(member[1]) ?? new Map();
      list.set(Number(member[2]), value);
      lists.set(member[1], list);
    } else {
      body[key] = value;
    }
  }
  for (const [name, list] of lists) {
    body[name] = [...list.entries()]
      .sort(([a], [b]) => a - b)
      .map(([, v]) => v);
  }
  return { service, action, body };
}

function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** One value as XML: objects as elements, arrays as `<member>` lists. */
function toXml(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) {
    return value.map(v => `<member>${toXml(v)}</member>`).join('');
  }
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined && v !== null)
      .map(([k, v]) => `<${k}>${toXml(v)}</${k}>`)
      .join('');
  }
  return escapeXml(String(value));
}

/** The XML answer of a query action. */
export function queryResponse(
  request: Pick<QueryRequest, 'service' | 'action'>,
  result: unknown,
  requestId: string,
): string {
  const { service, action } = request;
  return `<?xml version="1.0" encoding="UTF-8"?>\n<${action}Response xmlns="${
    QUERY_NAMESPACES[service]
  }"><${action}Result>${toXml(
    result,
  )}</${action}Result><ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata></${action}Response>`;
}

/**
 * The XML error of a query service: `Type` is `Sender` for client errors,
 * `Receiver` for server errors.
 */
export function queryErrorResponse(
  service: EmulatedService | undefined,
  error: AwsError,
  requestId: string,
): string {
  const namespace =
    service && service in QUERY_NAMESPACES
      ? QUERY_NAMESPACES[service as keyof typeof QUERY_NAMESPACES]
      : QUERY_NAMESPACES.iam;
  const type = error.statusCode >= 500 ? 'Receiver' : 'Sender';
  return `<?xml version="1.0" encoding="UTF-8"?>\n<ErrorResponse xmlns="${namespace}"><Error><Type>${type}</Type><Code>${escapeXml(
    error.code,
  )}</Code><Message>${escapeXml(
    error.message,
  )}</Message></Error><RequestId>${requestId}</RequestId></ErrorResponse>`;
}
