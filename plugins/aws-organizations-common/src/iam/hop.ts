/**
 * One role hop: may a session of the caller's role in account A call
 * sts:AssumeRole on role R in account B? As AWS evaluates it:
 *
 * - an explicit Deny in the trust policy, the caller's identity policies
 *   or boundary, the SCPs on A's path or the RCPs on B's path denies;
 * - the SCPs on A's path and the RCPs on B's path must allow (STS is an
 *   RCP-governed service);
 * - a role trust policy must always allow the caller explicitly;
 * - across accounts the caller's identity policies (within its boundary)
 *   must allow too; within one account a trust statement that names the
 *   caller's role or session is enough (limited by the caller's boundary),
 *   while one that names the account delegates to the identity policies.
 *   Whether `"*"` in the same account needs the identity policy is not
 *   documented: it is indeterminate unless the identity policy allows.
 *
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic_policy-eval-denyallow.html
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic-cross-account.html
 */
import type { OrganizationSnapshot } from '../snapshot';
import { evaluateScpsAndRcps } from '../rcp/evaluate';
import { effectiveRcps } from '../rcp/effective';
import { effectivePolicies } from '../scp/effective';
import { prepareRequest } from '../scp/request';
import { notTri, Tri, unknown } from '../scp/tristate';
import type { ScpContextValue, ScpLevelRef } from '../scp/types';
import type { LayeredStatementRef } from '../rcp/types';
import {
  and,
  decisionOf,
  or,
  ReachDecision,
  ReachStatementRef,
  ReachStep,
  reasonsOf,
  triOf,
} from './decision';
import { CallerPolicies, evaluateIdentity } from './identity';
import type { CompiledTrustPolicy } from './trust';
import { evaluateTrust, TrustCaller } from './trustEvaluate';

/** One role hop with the checks that decided it. @public */
export interface RoleHop {
  fromAccountId: string;
  /** The caller's role ARN; absent when it was not read. */
  fromRoleArn?: string;
  /** How the caller is named in answers, e.g. `AWSReservedSSO_DevOps_* in 111111111111`. */
  fromLabel: string;
  toRoleArn: string;
  toAccountId: string;
  decision: ReachDecision;
  /** identity, trust and guardrails, in that order. */
  steps: ReachStep[];
}

/** A caller: who it is, and its policies. */
export interface HopCaller extends TrustCaller {
  label: string;
  policies: CallerPolicies;
}

/** The target of a hop. */
export interface HopTarget {
  roleArn: string;
  accountId: string;
  trust: CompiledTrustPolicy;
}

const ACTION = 'sts:AssumeRole';

/**
 * Keys a role session's own sts:AssumeRole call does not carry: AWS sets
 * the aws:Source* keys only when a service calls on a principal's behalf,
 * and aws:PrincipalServiceName only for service principals.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html
 */
const ABSENT_KEYS = [
  'aws:SourceArn',
  'aws:SourceAccount',
  'aws:SourceOrgID',
  'aws:SourceOrgPaths',
  'aws:PrincipalServiceName',
  'aws:PrincipalServiceNamesList',
];

const contexts = new WeakMap<HopCaller, Record<string, ScpContextValue>>();
const NO_KEYS: Record<string, string> = {};

/** The caller's request context, one object per caller (the evaluator caches its lower-cased keys per object). */
function contextOf(caller: HopCaller): Record<string, ScpContextValue> {
  const cached = contexts.get(caller);
  if (cached) return cached;
  const context: Record<string, ScpContextValue> = {
    'aws:PrincipalType': 'AssumedRole',
    'aws:PrincipalIsAWSService': 'false',
  };
  if (caller.roleArn !== undefined)
    context['aws:PrincipalArn'] = caller.roleArn;
  contexts.set(caller, context);
  return context;
}

const guardrailRefs = new WeakMap<
  ScpLevelRef,
  Map<string, ReachStatementRef>
>();

/** One shared reference per SCP/RCP statement (answers hold many). */
function guardrailRef(d: LayeredStatementRef): ReachStatementRef {
  let byKey = guardrailRefs.get(d.level);
  if (!byKey) {
    byKey = new Map();
    guardrailRefs.set(d.level, byKey);
  }
  const key = `${d.layer}|${d.policyId}|${d.statementIndex}`;
  let ref = byKey.get(key);
  if (!ref) {
    ref = {
      policy: d.layer,
      policyId: d.policyId,
      policyName: d.policyName,
      statementIndex: d.statementIndex,
      effect: d.effect,
      level: d.level,
    };
    if (d.sid !== undefined) ref.sid = d.sid;
    byKey.set(key, ref);
  }
  return ref;
}

function guardrailStep(
  snapshot: OrganizationSnapshot,
  caller: HopCaller,
  target: HopTarget,
  context: Record<string, ScpContextValue>,
): { tri: Tri; step: ReachStep } {
  const answer = evaluateScpsAndRcps(snapshot, {
    principal: { type: 'iam', accountId: caller.accountId },
    action: ACTION,
    resource: target.roleArn,
    resourceAccountId: target.accountId,
    context,
    absentKeys: ABSENT_KEYS,
  });
  const statements = answer.decisive.map(guardrailRef);
  return {
    tri: triOf(answer.decision, answer.reasons.join('; ')),
    step: {
      check: 'guardrails',
      decision: answer.decision,
      statements,
      // An allowed step is explained by its statements; keep the
      // reasons where they say what is unknown or what denied.
      reasons: answer.decision === 'allowed' ? [] : answer.reasons,
    },
  };
}

/** Evaluates one hop (see the module comment for the rules). */
export function evaluateHop(
  snapshot: OrganizationSnapshot,
  caller: HopCaller,
  target: HopTarget,
): RoleHop {
  const context = contextOf(caller);
  const derived = [
    effectivePolicies(snapshot, caller.accountId).derivedContext,
    effectiveRcps(snapshot, target.accountId)?.derivedContext ?? NO_KEYS,
  ];
  const { compiled } = prepareRequest(
    {
      action: ACTION,
      resource: target.roleArn,
      context,
      absentKeys: ABSENT_KEYS,
    },
    derived,
  );
  const trust = evaluateTrust(target.roleArn, target.trust, caller, compiled);
  const identity = evaluateIdentity(caller.policies, compiled);

  const identityAllows = and(identity.allow, identity.boundaryAllow);
  const noDeny = and(
    notTri(trust.deny),
    notTri(identity.deny),
    notTri(identity.boundaryDeny),
  );
  const trustAllows = or(
    trust.allow.principal,
    trust.allow.account,
    trust.allow.anyone,
  );
  const sameAccount = caller.accountId === target.accountId;
  const grant = sameAccount
    ? or(
        and(trust.allow.principal, identity.boundaryAllow),
        and(trust.allow.account, identityAllows),
        and(
          trust.allow.anyone,
          or(
            identityAllows,
            unknown(
              'the trust names "*" and the caller is in the same account: AWS does not document whether the identity policy must also allow',
            ),
          ),
        ),
      )
    : and(trustAllows, identityAllows);
  // The guardrails cannot turn a denied hop into an allowed one: weigh
  // them only when identity and trust leave the hop open.
  const open = and(noDeny, grant);
  const guard =
    open === false
      ? {
          tri: false as Tri,
          step: {
            check: 'guardrails' as const,
            decision: 'indeterminate' as const,
            statements: [],
            reasons: [
              'not evaluated: the identity policies or the trust policy already deny the hop',
            ],
          },
        }
      : guardrailStep(snapshot, caller, target, context);
  const result = and(open, guard.tri);

  const identityTri = and(
    notTri(identity.deny),
    notTri(identity.boundaryDeny),
    identityAllows,
  );
  const identityReasons = reasonsOf(identityTri);
  if (sameAccount && trust.allow.principal === true && identityTri !== true) {
    identityReasons.push(
      "not needed: within one account a trust statement that names the caller's role grants on its own (within the caller's boundary)",
    );
  }
  if (identityTri === false && identity.denying.length === 0) {
    identityReasons.push(
      `no identity policy of ${caller.label} allows ${ACTION} on ${target.roleArn}`,
    );
  }
  const trustTri = and(notTri(trust.deny), trustAllows);
  const trustReasons = reasonsOf(trustTri);
  if (trustTri === false && trust.denying.length === 0) {
    trustReasons.push(
      `the trust policy of ${target.roleArn} does not admit ${caller.label}`,
    );
  }
  const steps: ReachStep[] = [
    {
      check: 'identity',
      decision: decisionOf(identityTri),
      statements:
        identityTri === false && identity.denying.length > 0
          ? identity.denying
          : identity.allowing,
      reasons: identityReasons,
    },
    {
      check: 'trust',
      decision: decisionOf(trustTri),
      statements:
        trust.denying.length > 0
          ? trust.denying
          : [
              ...trust.allowing.principal,
              ...trust.allowing.account,
              ...trust.allowing.anyone,
            ],
      reasons: trustReasons,
    },
    guard.step,
  ];
  const hop: RoleHop = {
    fromAccountId: caller.accountId,
    fromLabel: caller.label,
    toRoleArn: target.roleArn,
    toAccountId: target.accountId,
    decision: decisionOf(result),
    steps,
  };
  if (caller.roleArn !== undefined) hop.fromRoleArn = caller.roleArn;
  return hop;
}
