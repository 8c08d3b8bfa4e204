/**
 * Plain-language summaries of RCPs: the data-perimeter shapes AWS's RCP
 * examples use (only this organization's principals; TLS required), and
 * every other statement in the SCP summarizer's words.
 * https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_rcps_examples.html
 */
import { tryParsePolicy } from '../scp/parse';
import { summarizeStatement } from '../scp/summarize';
import type { ScpLevel, ScpStatement } from '../scp/types';

/** The shapes {@link summarizeRcp} recognises. @public */
export type RcpStatementKind =
  | 'full-access'
  | 'identity-perimeter'
  | 'secure-transport'
  | 'other';

/** One RCP statement, described. @public */
export interface RcpStatementSummary {
  kind: RcpStatementKind;
  statementIndex: number;
  sid?: string;
  /** Service prefixes the statement names (lower-case, as written; `*` for all). */
  services: string[];
  /** For identity-perimeter: the organizations whose principals may. */
  organizations?: string[];
  /** For identity-perimeter: AWS service principals are exempt. */
  servicePrincipalsExempt?: boolean;
  /** Conditions the shape does not explain, in words. */
  otherConditions: string[];
  sentence: string;
}

/** An RCP, described. @public */
export type RcpSummary =
  | { ok: true; statements: RcpStatementSummary[]; sentence: string }
  | { ok: false; error: string; sentence: string };

const RESOURCE_NOUNS: Record<string, string> = {
  s3: 'S3 buckets',
  kms: 'KMS keys',
  sqs: 'SQS queues',
  secretsmanager: 'Secrets Manager secrets',
  sts: 'roles (STS)',
  ecr: 'ECR repositories',
  logs: 'CloudWatch Logs',
  dynamodb: 'DynamoDB tables',
  aoss: 'OpenSearch Serverless collections',
  'cognito-idp': 'Cognito user pools',
};

/** "S3 buckets and KMS keys"; every governed service for `*`. */
export function resourceNouns(services: readonly string[]): string {
  if (services.includes('*')) return 'resources of every service RCPs govern';
  const nouns = services.map(s => RESOURCE_NOUNS[s] ?? `${s} resources`);
  if (nouns.length <= 1) return nouns.join('');
  return `${nouns.slice(0, -1).join(', ')} and ${nouns[nouns.length - 1]}`;
}

function servicesOf(statement: ScpStatement): string[] {
  const actions = statement.action ?? [];
  if (actions.includes('*')) return ['*'];
  const prefixes = actions
    .filter(a => a.includes(':'))
    .map(a => a.split(':')[0].toLowerCase());
  return [...new Set(prefixes)];
}

const ORG_OPERATORS = new Set(['StringNotEquals', 'StringNotEqualsIfExists']);
const BOOL_OPERATORS = new Set(['Bool', 'BoolIfExists']);

interface Parts {
  organizations?: string[];
  serviceExempt: boolean;
  insecureOnly: boolean;
  other: string[];
}

function partsOf(statement: ScpStatement): Parts {
  const parts: Parts = { serviceExempt: false, insecureOnly: false, other: [] };
  for (const [operator, keys] of Object.entries(statement.condition ?? {})) {
    for (const [key, values] of Object.entries(keys)) {
      const lower = key.toLowerCase();
      const isFalse =
        values.length === 1 && values[0].toLowerCase() === 'false';
      if (lower === 'aws:principalorgid' && ORG_OPERATORS.has(operator)) {
        parts.organizations = values;
      } else if (
        lower === 'aws:principalisawsservice' &&
        BOOL_OPERATORS.has(operator) &&
        isFalse
      ) {
        parts.serviceExempt = true;
      } else if (
        lower === 'aws:securetransport' &&
        BOOL_OPERATORS.has(operator) &&
        isFalse
      ) {
        parts.insecureOnly = true;
      } else {
        parts.other.push(`${key} ${operator} ${values.join(' or ')}`);
      }
    }
  }
  return parts;
}

function describe(
  statement: ScpStatement,
  organizationId: string | undefined,
): RcpStatementSummary {
  const services = servicesOf(statement);
  const base = {
    statementIndex: statement.index,
    services,
    ...(statement.sid !== undefined ? { sid: statement.sid } : {}),
  };
  const generic = summarizeStatement(statement);
  const parts = partsOf(statement);
  const allResources =
    (statement.resource ?? []).includes('*') && !statement.notResource;
  const whenOther =
    parts.other.length > 0 ? ` (when ${parts.other.join(' and ')})` : '';
  if (generic.kind === 'full-access') {
    return {
      ...base,
      kind: 'full-access',
      otherConditions: [],
      sentence: 'allows everything (RCPFullAWSAccess)',
    };
  }
  if (statement.effect === 'Deny' && allResources && statement.action) {
    if (parts.organizations && !parts.insecureOnly) {
      const own =
        organizationId !== undefined &&
        parts.organizations.length === 1 &&
        parts.organizations[0] === organizationId;
      const who = own
        ? 'principals of this organization'
        : `principals of ${parts.organizations.join(' or ')}`;
      const alsoServices = parts.serviceExempt ? ' (and AWS services)' : '';
      return {
        ...base,
        kind: 'identity-perimeter',
        organizations: parts.organizations,
        servicePrincipalsExempt: parts.serviceExempt,
        otherConditions: parts.other,
        sentence: `only ${who}${alsoServices} may use ${resourceNouns(
          services,
        )} in this account${whenOther}`,
      };
    }
    if (parts.insecureOnly && !parts.organizations) {
      return {
        ...base,
        kind: 'secure-transport',
        otherConditions: parts.other,
        sentence: `TLS required for ${resourceNouns(services)}${whenOther}`,
      };
    }
  }
  return {
    ...base,
    kind: 'other',
    otherConditions: generic.otherConditions,
    sentence: generic.sentence,
  };
}

/**
 * Describes an RCP in plain language, per statement and as one sentence.
 * `organizationId` lets an identity perimeter on this organization read
 * "principals of this organization".
 *
 * @public
 */
export function summarizeRcp(
  document: string,
  organizationId?: string,
): RcpSummary {
  const result = tryParsePolicy(document, 'rcp');
  if (!result.ok) {
    return {
      ok: false,
      error: result.error,
      sentence: `cannot be read (${result.error})`,
    };
  }
  const statements = result.policy.statements.map(s =>
    describe(s, organizationId),
  );
  return {
    ok: true,
    statements,
    sentence: statements.map(s => s.sentence).join('; '),
  };
}

/**
 * The sentences of every RCP on a resource account's path that restricts
 * something (RCPFullAWSAccess left out), once each, root side first.
 *
 * @public
 */
export function summarizeRcpLevels(
  levels: readonly ScpLevel[],
  organizationId?: string,
): string[] {
  const out = new Set<string>();
  for (const level of levels) {
    for (const policy of level.policies) {
      const summary = summarizeRcp(policy.content, organizationId);
      if (!summary.ok) {
        out.add(`${policy.name} cannot be read: its effect is unknown`);
        continue;
      }
      for (const s of summary.statements) {
        if (s.kind !== 'full-access') out.add(s.sentence);
      }
    }
  }
  return [...out];
}
