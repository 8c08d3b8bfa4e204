/**
 * The identity side of a role hop: whether the caller's identity policies
 * (attached managed and inline) allow the request, and whether its
 * permissions boundary does. Statements are compiled and matched by the
 * SCP evaluator's statement code (Action, Resource, Condition, variables).
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_boundaries.html
 */
import {
  compileParsedScp,
  CompiledRequest,
  CompiledStatement,
} from '../scp/compile';
import { tryParsePolicy } from '../scp/parse';
import { or, ReachStatementRef } from './decision';
import { Tri, unknown } from '../scp/tristate';
import { isUnknown, Knowable } from '../snapshot';

/** One identity policy of a caller, its document or why it is unknown. */
export interface IdentityPolicy {
  /** The policy ARN, or `<owner>/inline/<name>` for an inline policy. */
  id: string;
  name: string;
  document: Knowable<string>;
}

/**
 * The policies of a caller: its identity policies and its permissions
 * boundary (`null` for none).
 */
export interface CallerPolicies {
  policies: IdentityPolicy[];
  boundary: Knowable<IdentityPolicy | null>;
}

/** The answer of {@link evaluateIdentity}. */
export interface IdentityAnswer {
  allow: Tri;
  deny: Tri;
  /** True when there is no boundary. */
  boundaryAllow: Tri;
  boundaryDeny: Tri;
  allowing: ReachStatementRef[];
  denying: ReachStatementRef[];
}

type Compiled =
  | { ok: true; statements: CompiledStatement[] }
  | { ok: false; error: string };
const compiledByDocument = new Map<string, Compiled>();
const CACHE_LIMIT = 20_000;

function compileDocument(document: string): Compiled {
  const hit = compiledByDocument.get(document);
  if (hit) return hit;
  const parsed = tryParsePolicy(document, 'scp');
  const compiled: Compiled = parsed.ok
    ? {
        ok: true,
        statements: (
          compileParsedScp(parsed.policy) as { statements: CompiledStatement[] }
        ).statements,
      }
    : { ok: false, error: parsed.error };
  if (compiledByDocument.size >= CACHE_LIMIT) compiledByDocument.clear();
  compiledByDocument.set(document, compiled);
  return compiled;
}

const refs = new WeakMap<CompiledStatement, Map<string, ReachStatementRef>>();

/** One shared reference per statement and policy. */
function refOf(
  policy: IdentityPolicy,
  kind: 'identity' | 'boundary',
  s: CompiledStatement,
): ReachStatementRef {
  let byPolicy = refs.get(s);
  if (!byPolicy) {
    byPolicy = new Map();
    refs.set(s, byPolicy);
  }
  const key = `${kind}|${policy.id}`;
  let ref = byPolicy.get(key);
  if (!ref) {
    ref = {
      policy: kind,
      policyId: policy.id,
      policyName: policy.name,
      statementIndex: s.statement.index,
      effect: s.effect,
    };
    if (s.statement.sid !== undefined) ref.sid = s.statement.sid;
    byPolicy.set(key, ref);
  }
  return ref;
}

interface Weighed {
  allow: Tri;
  deny: Tri;
  allowing: ReachStatementRef[];
  denying: ReachStatementRef[];
}

function weigh(
  policies: readonly IdentityPolicy[],
  kind: 'identity' | 'boundary',
  request: CompiledRequest,
): Weighed {
  const out: Weighed = { allow: false, deny: false, allowing: [], denying: [] };
  for (const policy of policies) {
    if (isUnknown(policy.document)) {
      const u = unknown(
        `the ${kind} policy ${policy.name} was not read: ${policy.document.reason}`,
      );
      out.allow = or(out.allow, u);
      out.deny = or(out.deny, u);
      continue;
    }
    const compiled = compileDocument(policy.document);
    if (!compiled.ok) {
      const u = unknown(
        `the ${kind} policy ${policy.name} cannot be read: ${compiled.error}`,
      );
      out.allow = or(out.allow, u);
      out.deny = or(out.deny, u);
      continue;
    }
    for (const s of compiled.statements) {
      if (!s.matchesAction(request.action)) continue;
      const isDeny = s.effect === 'Deny';
      if (!isDeny && out.allow === true) continue;
      const match = s.matchesRest(request);
      if (match === false) continue;
      const ref = refOf(policy, kind, s);
      if (isDeny) {
        out.deny = or(out.deny, match);
        if (match === true) out.denying.push(ref);
      } else {
        out.allow = or(out.allow, match);
        if (match === true) out.allowing.push(ref);
      }
    }
  }
  return out;
}

const mayAllowCache = new WeakMap<CallerPolicies, Map<string, boolean>>();

/**
 * Whether any identity policy of the caller could allow the action (an
 * Allow statement whose Action covers it, or a policy that is unknown or
 * unreadable). False means the identity side definitely does not allow
 * it, whatever the resource and context. `action` is lower-cased.
 */
export function mayAllowAction(
  caller: CallerPolicies,
  action: string,
): boolean {
  let byAction = mayAllowCache.get(caller);
  if (!byAction) {
    byAction = new Map();
    mayAllowCache.set(caller, byAction);
  }
  const hit = byAction.get(action);
  if (hit !== undefined) return hit;
  const result = caller.policies.some(policy => {
    if (isUnknown(policy.document)) return true;
    const compiled = compileDocument(policy.document);
    return (
      !compiled.ok ||
      compiled.statements.some(
        s => s.effect === 'Allow' && s.matchesAction(action),
      )
    );
  });
  byAction.set(action, result);
  return result;
}

/**
 * Weighs a caller's identity policies and boundary for one compiled
 * request: `allow` when a statement allows, `deny` when one denies;
 * the boundary likewise (`boundaryAllow` is true without a boundary).
 */
export function evaluateIdentity(
  caller: CallerPolicies,
  request: CompiledRequest,
): IdentityAnswer {
  const identity = weigh(caller.policies, 'identity', request);
  let boundaryAllow: Tri = true;
  let boundaryDeny: Tri = false;
  const allowing = [...identity.allowing];
  const denying = [...identity.denying];
  if (isUnknown(caller.boundary)) {
    boundaryAllow = unknown(
      `whether the caller has a permissions boundary is unknown: ${caller.boundary.reason}`,
    );
    boundaryDeny = boundaryAllow;
  } else if (caller.boundary !== null) {
    const b = weigh([caller.boundary], 'boundary', request);
    boundaryAllow = b.allow;
    boundaryDeny = b.deny;
    allowing.push(...b.allowing);
    denying.push(...b.denying);
  }
  return {
    allow: identity.allow,
    deny: identity.deny,
    boundaryAllow,
    boundaryDeny,
    allowing,
    denying,
  };
}
