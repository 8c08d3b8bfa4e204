/**
 * Role trust policies parsed into edges: who may assume the role, with
 * which actions, under which conditions. The statement language (Action,
 * Resource, Condition, operators, variables) is the SCP evaluator's; only
 * Principal is read here.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_terms-and-concepts.html
 */
import { compileParsedScp, CompiledStatement } from '../scp/compile';
import { tryParsePolicy } from '../scp/parse';
import type { ScpConditionBlock, ScpEffect } from '../scp/types';
import {
  parsePrincipal,
  PrincipalShapeError,
  TrustPrincipal,
} from './principal';

/** What a condition key of a trust statement is about. @public */
export type TrustConditionKind =
  | 'external-id'
  | 'mfa'
  | 'organization'
  | 'source-identity'
  | 'principal-arn'
  | 'principal-tag'
  | 'source'
  | 'identity-provider'
  | 'other';

/** One operator and key of a trust statement's condition. @public */
export interface TrustCondition {
  kind: TrustConditionKind;
  operator: string;
  key: string;
  values: string[];
}

/**
 * One edge of a trust policy: a statement admits (Allow) or refuses (Deny)
 * one principal, for the STS actions it names, under its conditions.
 *
 * @public
 */
export interface TrustEdge {
  roleArn: string;
  statementIndex: number;
  sid?: string;
  effect: ScpEffect;
  principal: TrustPrincipal;
  /** The STS role-assumption actions the statement's Action covers. */
  actions: string[];
  conditions: TrustCondition[];
  /** A condition requires sts:ExternalId (a positive operator, not IfExists). */
  externalIdRequired: boolean;
  /** A condition requires aws:MultiFactorAuthPresent true. */
  mfaRequired: boolean;
  /** A condition limits the caller to an organization or its OUs. */
  organizationRestricted: boolean;
}

/** A trust statement ready to evaluate. */
export interface TrustStatement {
  index: number;
  sid?: string;
  effect: ScpEffect;
  principals: TrustPrincipal[];
  compiled: CompiledStatement;
}

/** A parsed trust policy: its edges, or why it cannot be read. @public */
export type ParsedTrustPolicy =
  | { ok: true; roleArn: string; edges: TrustEdge[] }
  | { ok: false; roleArn: string; error: string };

/** A parsed trust policy with its compiled statements (internal). */
export type CompiledTrustPolicy =
  | (ParsedTrustPolicy & { ok: true; statements: TrustStatement[] })
  | (ParsedTrustPolicy & { ok: false });

/** The actions by which a principal assumes a role. */
export const ASSUME_ACTIONS = [
  'sts:AssumeRole',
  'sts:AssumeRoleWithSAML',
  'sts:AssumeRoleWithWebIdentity',
];

function conditionKind(key: string): TrustConditionKind {
  const k = key.toLowerCase();
  if (k === 'sts:externalid') return 'external-id';
  if (k.startsWith('aws:multifactorauth')) return 'mfa';
  if (k === 'aws:principalorgid' || k === 'aws:principalorgpaths') {
    return 'organization';
  }
  if (k === 'sts:sourceidentity' || k === 'aws:sourceidentity') {
    return 'source-identity';
  }
  if (k === 'aws:principalarn') return 'principal-arn';
  if (k.startsWith('aws:principaltag/')) return 'principal-tag';
  if (
    [
      'aws:sourceaccount',
      'aws:sourcearn',
      'aws:sourceorgid',
      'aws:sourceorgpaths',
    ].includes(k)
  ) {
    return 'source';
  }
  if (k.startsWith('saml:') || k.split(':')[0].includes('.')) {
    return 'identity-provider';
  }
  return 'other';
}

function conditionsOf(block: ScpConditionBlock | undefined): TrustCondition[] {
  if (!block) return [];
  return Object.entries(block).flatMap(([operator, keys]) =>
    Object.entries(keys).map(([key, values]) => ({
      kind: conditionKind(key),
      operator,
      key,
      values,
    })),
  );
}

/** A positive operator (not negated, not IfExists, not Null). */
function positive(operator: string): boolean {
  const base = operator.replace(/^For(Any|All)Values:/, '');
  return !/Not|IfExists$|^Null$/.test(base);
}

function edgeFlags(conditions: TrustCondition[]) {
  return {
    externalIdRequired: conditions.some(
      c => c.kind === 'external-id' && positive(c.operator),
    ),
    mfaRequired: conditions.some(
      c =>
        c.key.toLowerCase() === 'aws:multifactorauthpresent' &&
        c.operator === 'Bool' &&
        c.values.every(v => v.toLowerCase() === 'true'),
    ),
    organizationRestricted: conditions.some(
      c => c.kind === 'organization' && positive(c.operator),
    ),
  };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Splits the Principal element off each statement. */
function splitPrincipals(
  document: string,
  inOrganization: (accountId: string) => boolean,
): { rest: string; principals: TrustPrincipal[][] } {
  let raw: unknown;
  try {
    raw = JSON.parse(document);
  } catch (e) {
    throw new PrincipalShapeError(`not valid JSON: ${(e as Error).message}`);
  }
  if (!isObject(raw)) {
    throw new PrincipalShapeError('the document must be a JSON object');
  }
  const list = Array.isArray(raw.Statement) ? raw.Statement : [raw.Statement];
  const principals: TrustPrincipal[][] = [];
  const stripped = list.map((s: unknown, i: number) => {
    const where = `Statement[${i}]`;
    if (!isObject(s)) return s;
    if (s.NotPrincipal !== undefined) {
      // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notprincipal.html
      throw new PrincipalShapeError(
        `${where}: AWS does not accept NotPrincipal in a role trust policy`,
      );
    }
    if (s.Principal === undefined) {
      throw new PrincipalShapeError(
        `${where} has no Principal, which a role trust policy requires`,
      );
    }
    principals.push(
      parsePrincipal(s.Principal, `${where}.Principal`, inOrganization),
    );
    const { Principal: _omit, ...rest } = s;
    return rest;
  });
  return {
    rest: JSON.stringify({ ...raw, Statement: stripped }),
    principals,
  };
}

function compileTrust(
  roleArn: string,
  document: string,
  inOrganization: (accountId: string) => boolean,
): CompiledTrustPolicy {
  let split: ReturnType<typeof splitPrincipals>;
  try {
    split = splitPrincipals(document, inOrganization);
  } catch (e) {
    if (e instanceof PrincipalShapeError) {
      return { ok: false, roleArn, error: e.message };
    }
    throw e;
  }
  const parsed = tryParsePolicy(split.rest, 'scp');
  if (!parsed.ok) return { ok: false, roleArn, error: parsed.error };
  const compiled = compileParsedScp(parsed.policy);
  if (!compiled.ok) return { ok: false, roleArn, error: compiled.error };
  const statements: TrustStatement[] = compiled.statements.map((c, i) => ({
    index: c.statement.index,
    sid: c.statement.sid,
    effect: c.effect,
    principals: split.principals[i],
    compiled: c,
  }));
  const edges: TrustEdge[] = statements.flatMap(s => {
    const actions = ASSUME_ACTIONS.filter(a =>
      s.compiled.matchesAction(a.toLowerCase()),
    );
    const conditions = conditionsOf(s.compiled.statement.condition);
    const flags = edgeFlags(conditions);
    return s.principals.map(principal => {
      const edge: TrustEdge = {
        roleArn,
        statementIndex: s.index,
        effect: s.effect,
        principal,
        actions,
        conditions,
        ...flags,
      };
      if (s.sid !== undefined) edge.sid = s.sid;
      return edge;
    });
  });
  return { ok: true, roleArn, edges, statements };
}

/** Compiled trust documents by document text (one map per snapshot index). */
export type TrustCache = Map<string, CompiledTrustPolicy>;

/**
 * Parses and compiles a trust document once per cache: the edges carry
 * no role ARN (`roleArn` is empty); the caller knows the role.
 */
export function compileTrustPolicy(
  document: string,
  inOrganization: (accountId: string) => boolean,
  trustCache?: TrustCache,
): CompiledTrustPolicy {
  const hit = trustCache?.get(document);
  if (hit) return hit;
  const compiled = compileTrust('', document, inOrganization);
  trustCache?.set(document, compiled);
  return compiled;
}

/**
 * Parses a role trust policy into edges: for each statement and each
 * principal it names (an account of the organization or outside it, a
 * role, an assumed-role session, a user, a service, a federated identity
 * provider, anyone), the STS actions it covers and its conditions. A
 * document AWS would not accept (no Principal, NotPrincipal, an unknown
 * element) is unreadable: `ok: false` with the reason.
 *
 * @param inOrganization - whether an account id is one of the organization's
 * @public
 */
export function parseTrustPolicy(
  roleArn: string,
  document: string,
  inOrganization: (accountId: string) => boolean,
): ParsedTrustPolicy {
  const compiled = compileTrust(roleArn, document, inOrganization);
  return compiled.ok
    ? { ok: true, roleArn, edges: compiled.edges }
    : { ok: false, roleArn, error: compiled.error };
}
