/**
 * Whether a role's trust policy admits a caller (a session of an IAM
 * role), three-valued, and how: by naming the caller's role or session
 * (a grant to the principal), its account (the account delegates to its
 * IAM policies) or anyone.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html
 */
import type { CompiledRequest } from '../scp/compile';
import { and, or, ReachStatementRef } from './decision';
import { Tri, unknown } from '../scp/tristate';
import type { TrustPrincipal } from './principal';
import type { CompiledTrustPolicy, TrustStatement } from './trust';

/**
 * Who calls sts:AssumeRole: a session of an IAM role in `accountId`.
 * `roleArn` is the role's ARN when known; otherwise `roleNameMatches`
 * says which role names the caller's role could have (an Identity Center
 * role whose generated suffix was not read).
 */
export interface TrustCaller {
  accountId: string;
  roleArn?: string;
  roleNameMatches?: (name: string) => boolean;
  /** The role session name, when known. */
  sessionName?: string;
}

/** How a trust statement admits a caller. */
export type TrustVia = 'principal' | 'account' | 'anyone';

/** The answer of {@link evaluateTrust}. */
export interface TrustAnswer {
  deny: Tri;
  allow: Record<TrustVia, Tri>;
  denying: ReachStatementRef[];
  allowing: Record<TrustVia, ReachStatementRef[]>;
}

function roleNameOfArn(arn: string): string {
  return arn.slice(arn.lastIndexOf('/') + 1);
}

/** Whether a principal names the caller, and how. */
function principalMatch(
  principal: TrustPrincipal,
  caller: TrustCaller,
): { tri: Tri; via: TrustVia } | undefined {
  switch (principal.kind) {
    case 'anyone':
      return { tri: true, via: 'anyone' };
    case 'account':
      return principal.accountId === caller.accountId
        ? { tri: true, via: 'account' }
        : undefined;
    case 'role':
    case 'assumed-role': {
      if (principal.accountId !== caller.accountId) return undefined;
      let tri: Tri;
      if (caller.roleArn !== undefined) {
        tri =
          principal.kind === 'role'
            ? principal.arn === caller.roleArn
            : principal.name === roleNameOfArn(caller.roleArn);
      } else {
        tri = caller.roleNameMatches?.(principal.name)
          ? unknown(
              `the trust names ${principal.arn}, which may be the caller's role: its ARN was not read`,
            )
          : false;
      }
      if (principal.kind === 'assumed-role' && tri !== false) {
        const session = principal.arn.slice(principal.arn.lastIndexOf('/') + 1);
        tri = and(
          tri,
          caller.sessionName === undefined
            ? unknown(
                `the trust names the role session ${principal.arn}; the caller's session name is not known`,
              )
            : caller.sessionName === session,
        );
      }
      return tri === false ? undefined : { tri, via: 'principal' };
    }
    default:
      return undefined;
  }
}

const refs = new WeakMap<TrustStatement, Map<string, ReachStatementRef>>();

/** One shared reference per trust statement and role. */
function refOf(roleArn: string, s: TrustStatement): ReachStatementRef {
  let byRole = refs.get(s);
  if (!byRole) {
    byRole = new Map();
    refs.set(s, byRole);
  }
  let ref = byRole.get(roleArn);
  if (!ref) {
    ref = {
      policy: 'trust',
      policyId: roleArn,
      policyName: `trust policy of ${roleArn}`,
      statementIndex: s.index,
      effect: s.effect,
    };
    if (s.sid !== undefined) ref.sid = s.sid;
    byRole.set(roleArn, ref);
  }
  return ref;
}

/**
 * Evaluates a compiled trust policy for a caller and a compiled
 * `sts:AssumeRole` request on the role. An unreadable policy is unknown
 * both ways.
 */
export function evaluateTrust(
  roleArn: string,
  trust: CompiledTrustPolicy,
  caller: TrustCaller,
  request: CompiledRequest,
): TrustAnswer {
  const answer: TrustAnswer = {
    deny: false,
    allow: { principal: false, account: false, anyone: false },
    denying: [],
    allowing: { principal: [], account: [], anyone: [] },
  };
  if (!trust.ok) {
    const u = unknown(
      `the trust policy of ${roleArn} cannot be read: ${trust.error}`,
    );
    answer.deny = u;
    answer.allow.principal = u;
    return answer;
  }
  for (const s of trust.statements) {
    if (!s.compiled.matchesAction(request.action)) continue;
    const matches = s.principals.flatMap(p => {
      const m = principalMatch(p, caller);
      return m ? [m] : [];
    });
    if (matches.length === 0) continue;
    const rest = s.compiled.matchesRest(request);
    if (rest === false) continue;
    if (s.effect === 'Deny') {
      const tri = and(or(...matches.map(m => m.tri)), rest);
      answer.deny = or(answer.deny, tri);
      if (tri === true) answer.denying.push(refOf(roleArn, s));
      continue;
    }
    for (const via of ['principal', 'account', 'anyone'] as const) {
      const these = matches.filter(m => m.via === via);
      if (these.length === 0) continue;
      const tri = and(or(...these.map(m => m.tri)), rest);
      answer.allow[via] = or(answer.allow[via], tri);
      if (tri === true) answer.allowing[via].push(refOf(roleArn, s));
    }
  }
  return answer;
}
