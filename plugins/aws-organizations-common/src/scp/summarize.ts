import { PolicyKind, tryParsePolicy } from './parse';
import { ACTION_PHRASES, PROTECTED_SERVICE_NAMES } from './phrases';
import type { ParsedScp, ScpEffect, ScpStatement } from './types';
import { parseResourceTemplate } from './variables';

/** The shapes {@link summarizeScp} recognises. @public */
export type ScpStatementKind =
  | 'full-access'
  | 'allow-list'
  | 'allow-all-except'
  | 'region-restriction'
  | 'protect-service'
  | 'deny-actions'
  | 'deny-all-except';

/** One statement, described. @public */
export interface ScpStatementSummary {
  kind: ScpStatementKind;
  statementIndex: number;
  sid?: string;
  effect: ScpEffect;
  /** The Action list as written (empty for NotAction). */
  actions: string[];
  /** The NotAction list as written: what the statement exempts or excludes. */
  notActions: string[];
  /** Service prefixes of `actions` (lower-case, sorted). */
  services: string[];
  /** For region-restriction: the regions requests may use (patterns). */
  regions?: string[];
  /** For protect-service: the protected service's name. */
  protectedService?: string;
  /** Principals exempted via a negated test on aws:PrincipalArn. */
  exemptPrincipals: string[];
  /** Resources when not every resource. */
  resources?: string[];
  /** Other conditions, in words. */
  otherConditions: string[];
  /**
   * Policy variables written before the fifth colon of a Resource /
   * NotResource ARN, which AWS does not substitute.
   */
  literalVariables: string[];
  sentence: string;
}

/** A policy, described: per statement and as one sentence. @public */
export type ScpSummary =
  | { ok: true; statements: ScpStatementSummary[]; sentence: string }
  | { ok: false; error: string; sentence: string };

const REGION_OPERATORS = new Set([
  'StringNotEquals',
  'StringNotEqualsIfExists',
  'StringNotLike',
  'StringNotLikeIfExists',
]);
const PRINCIPAL_EXEMPTION_OPERATORS = new Set([
  'ArnNotLike',
  'ArnNotLikeIfExists',
  'ArnNotEquals',
  'ArnNotEqualsIfExists',
  'StringNotLike',
  'StringNotLikeIfExists',
  'StringNotEquals',
  'StringNotEqualsIfExists',
]);

function servicesOf(actions: readonly string[]): string[] {
  return [
    ...new Set(
      actions
        .filter(a => a.includes(':'))
        .map(a => a.split(':')[0].toLowerCase()),
    ),
  ].sort();
}

/** `iam:*` to `iam`; other actions as written. */
function exemptionList(notActions: readonly string[]): string[] {
  return notActions.map(a => (a.endsWith(':*') ? a.slice(0, -2) : a));
}

interface ConditionParts {
  regions?: string[];
  exemptPrincipals: string[];
  other: string[];
}

function conditionParts(statement: ScpStatement): ConditionParts {
  const parts: ConditionParts = { exemptPrincipals: [], other: [] };
  for (const [operator, keys] of Object.entries(statement.condition ?? {})) {
    for (const [key, values] of Object.entries(keys)) {
      const lower = key.toLowerCase();
      if (
        statement.effect === 'Deny' &&
        lower === 'aws:requestedregion' &&
        REGION_OPERATORS.has(operator)
      ) {
        parts.regions = [...(parts.regions ?? []), ...values];
      } else if (
        statement.effect === 'Deny' &&
        lower === 'aws:principalarn' &&
        PRINCIPAL_EXEMPTION_OPERATORS.has(operator)
      ) {
        parts.exemptPrincipals.push(...values);
      } else {
        parts.other.push(`${key} ${operator} ${values.join(' or ')}`);
      }
    }
  }
  return parts;
}

function classify(
  statement: ScpStatement,
  parts: ConditionParts,
): { kind: ScpStatementKind; protectedService?: string } {
  const actions = statement.action ?? [];
  if (statement.effect === 'Allow') {
    if (statement.notAction) return { kind: 'allow-all-except' };
    const everything =
      actions.includes('*') &&
      (statement.resource ?? []).includes('*') &&
      !statement.condition;
    return { kind: everything ? 'full-access' : 'allow-list' };
  }
  if (parts.regions) return { kind: 'region-restriction' };
  if (statement.notAction) return { kind: 'deny-all-except' };
  const services = servicesOf(actions);
  const name =
    services.length === 1 ? PROTECTED_SERVICE_NAMES[services[0]] : undefined;
  const wholeService = actions.some(a => a.endsWith(':*') || a === '*');
  if (name && !wholeService)
    return { kind: 'protect-service', protectedService: name };
  return { kind: 'deny-actions' };
}

function shortAction(action: string): string {
  const at = action.indexOf(':');
  return at >= 0 ? action.slice(at + 1) : action;
}

function sentenceOf(s: Omit<ScpStatementSummary, 'sentence'>): string {
  let text: string;
  const list = (items: readonly string[]) => items.join(', ');
  switch (s.kind) {
    case 'full-access':
      text = 'allows everything';
      break;
    case 'allow-list':
      text = s.actions.every(a => a.endsWith(':*'))
        ? `allows only ${list(s.services)}`
        : `allows only ${list(s.actions)}`;
      break;
    case 'allow-all-except':
      text = `allows everything except ${list(s.notActions)}`;
      break;
    case 'region-restriction':
      text = `regions limited to ${list(s.regions ?? [])}`;
      if (s.notActions.length > 0) {
        text += `; global services exempt: ${list(
          exemptionList(s.notActions),
        )}`;
      } else if (!s.actions.includes('*')) {
        text += ` for ${list(s.actions)}`;
      }
      break;
    case 'protect-service':
      text = `protects ${s.protectedService}: denies ${list(
        s.actions.map(shortAction),
      )}`;
      break;
    case 'deny-all-except':
      text = `denies everything except ${list(s.notActions)}`;
      break;
    default: {
      text = s.actions.includes('*')
        ? 'denies everything'
        : `denies ${list(s.actions)}`;
      const blocked = s.actions
        .map(a => ACTION_PHRASES[a.toLowerCase()])
        .filter((p): p is string => p !== undefined);
      if (blocked.length > 0) text += ` (blocks ${list(blocked)})`;
    }
  }
  if (s.resources) text += ` on ${list(s.resources)}`;
  if (s.otherConditions.length > 0) {
    text += ` when ${s.otherConditions.join(' and ')}`;
  }
  if (s.exemptPrincipals.length > 0) {
    text += `, except ${list(s.exemptPrincipals)}`;
  }
  if (s.literalVariables.length > 0) {
    text += ` (AWS does not substitute ${list(
      s.literalVariables,
    )} before the fifth colon of an ARN: it is literal text)`;
  }
  return text;
}

/** Describes one parsed statement. */
export function summarizeStatement(
  statement: ScpStatement,
): ScpStatementSummary {
  const parts = conditionParts(statement);
  const { kind, protectedService } = classify(statement, parts);
  const actions = statement.action ?? [];
  const resources = statement.notResource
    ? statement.notResource.map(r => `not ${r}`)
    : statement.resource;
  const summary: Omit<ScpStatementSummary, 'sentence'> = {
    kind,
    statementIndex: statement.index,
    effect: statement.effect,
    actions,
    notActions: statement.notAction ?? [],
    services: servicesOf(actions),
    exemptPrincipals: parts.exemptPrincipals,
    otherConditions: parts.other,
    literalVariables: (
      statement.notResource ??
      statement.resource ??
      []
    ).flatMap(r => parseResourceTemplate(r)?.literalVariables ?? []),
  };
  if (statement.sid !== undefined) summary.sid = statement.sid;
  if (parts.regions) summary.regions = parts.regions;
  if (protectedService) summary.protectedService = protectedService;
  if (resources && !(resources.length === 1 && resources[0] === '*')) {
    summary.resources = resources;
  }
  return { ...summary, sentence: sentenceOf(summary) };
}

/**
 * Describes an SCP in plain language: per statement a kind with its
 * structure (actions, services, regions, exempt principals) and a sentence;
 * the policy sentence joins them, prefixed with the name when given
 * (e.g. "FullAWSAccess: allows everything"). `kind` `rcp` reads the
 * document with the RCP element rules.
 *
 * @public
 */
export function summarizeScp(
  document: string | ParsedScp,
  name?: string,
  kind: PolicyKind = 'scp',
): ScpSummary {
  const prefix = name ? `${name}: ` : '';
  let parsed: ParsedScp;
  if (typeof document === 'string') {
    const result = tryParsePolicy(document, kind);
    if (!result.ok) {
      return {
        ok: false,
        error: result.error,
        sentence: `${prefix}cannot be read (${result.error})`,
      };
    }
    parsed = result.policy;
  } else {
    parsed = document;
  }
  const statements = parsed.statements.map(summarizeStatement);
  return {
    ok: true,
    statements,
    sentence: prefix + statements.map(s => s.sentence).join('; '),
  };
}
