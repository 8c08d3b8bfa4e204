import {
  ComplianceEvidence,
  isUnknown,
  managedPolicyName,
  PermissionSet,
  tryParseScp,
} from '@aws-governance/plugin-aws-organizations-common';
import {
  AwsAccountComplianceRule,
  ComplianceSnapshotIndex,
  identityCenterOutcome,
  listing,
} from '@aws-governance/plugin-aws-organizations-node';

/** Parameters of {@link permissionsBoundaryRule}. */
export type BoundaryParameters = {
  exemptManagedPolicies: string[];
  exemptPermissionSets: string[];
  readOnlyActionPrefixes: string[];
};

type Verdict =
  | { kind: 'ok'; why: string }
  | { kind: 'missing'; why: string }
  | { kind: 'unknown'; why: string };

const lower = (s: string) => s.toLocaleLowerCase('en-US');

/** True when every Allow of the inline policy is a read action. */
function inlineIsReadOnly(document: string, prefixes: string[]): boolean {
  const parsed = tryParseScp(document);
  if (!parsed.ok) return false;
  return parsed.policy.statements.every(
    s =>
      s.effect === 'Deny' ||
      (s.action !== undefined &&
        s.action.every(action => {
          const [, name = ''] = action.split(':');
          return prefixes.some(p => lower(name).startsWith(lower(p)));
        })),
  );
}

function judge(
  ps: PermissionSet,
  index: ComplianceSnapshotIndex,
  p: BoundaryParameters,
): Verdict | undefined {
  if (index.classify(ps.arn)?.level === 'administrator') return undefined;
  if (p.exemptPermissionSets.map(lower).includes(lower(ps.name))) {
    return undefined;
  }
  const boundary = ps.permissionsBoundary;
  if (isUnknown(boundary)) {
    return {
      kind: 'unknown',
      why: `${ps.name}: boundary unknown (${boundary.reason})`,
    };
  }
  if (boundary.type !== 'none') {
    const name =
      boundary.type === 'managed'
        ? managedPolicyName(boundary.managedPolicyArn)
        : boundary.reference.name;
    return { kind: 'ok', why: `${ps.name} is bounded by ${name}` };
  }
  const exempt = new Set(p.exemptManagedPolicies.map(lower));
  const writable = ps.managedPolicies
    .map(m => managedPolicyName(m.arn))
    .filter(
      n => !exempt.has(lower(n)) && !exempt.has(lower(n.split('/').pop()!)),
    );
  if (isUnknown(ps.customerManagedPolicies)) {
    if (writable.length === 0) {
      return {
        kind: 'unknown',
        why: `${ps.name}: customer managed policies unknown (${ps.customerManagedPolicies.reason})`,
      };
    }
  } else {
    writable.push(...ps.customerManagedPolicies.map(c => `${c.path}${c.name}`));
  }
  if (
    ps.inlinePolicy !== null &&
    !inlineIsReadOnly(ps.inlinePolicy, p.readOnlyActionPrefixes)
  ) {
    writable.push('its inline policy');
  }
  return writable.length === 0
    ? undefined
    : {
        kind: 'missing',
        why: `${ps.name} has no permissions boundary and grants ${listing(
          writable,
        )}`,
      };
}

/** Verdicts per permission set, once per evaluation (parameters are fixed). */
const verdicts = new WeakMap<
  ComplianceSnapshotIndex,
  Map<string, Verdict | undefined>
>();

function judgeOnce(
  arn: string,
  index: ComplianceSnapshotIndex,
  p: BoundaryParameters,
): Verdict | undefined {
  let cache = verdicts.get(index);
  if (!cache) {
    cache = new Map();
    verdicts.set(index, cache);
  }
  if (!cache.has(arn)) {
    const ps = index.permissionSet(arn);
    cache.set(arn, ps && judge(ps, index, p));
  }
  return cache.get(arn);
}

/** Non-administrator permission sets that can change resources carry a boundary. */
export const permissionsBoundaryRule: AwsAccountComplianceRule<BoundaryParameters> =
  {
    id: 'permissions-boundary-required',
    title: 'Non-admin permission sets have a permissions boundary',
    severity: 'medium',
    level: 'account',
    rationale:
      'A permissions boundary caps what a role can do whatever policies it gets later, and stops it from creating roles more powerful than itself.',
    remediation:
      'Attach a permissions boundary (a customer managed policy present in every account, or an AWS managed policy) to the permission set.',
    defaultParameters: {
      exemptManagedPolicies: [
        'ReadOnlyAccess',
        'job-function/ViewOnlyAccess',
        'SecurityAudit',
        'job-function/Billing',
        'AWSBillingReadOnlyAccess',
        'AWSSupportAccess',
      ],
      exemptPermissionSets: [],
      readOnlyActionPrefixes: [
        'Get',
        'List',
        'Describe',
        'BatchGet',
        'Search',
        'View',
        'Lookup',
      ],
    },
    evaluate({ account, index, parameters }) {
      const ic = identityCenterOutcome(index, account.id);
      if (ic) return ic;
      const arns = uniqueValues(
        index.assignmentsOf(account.id).map(a => a.permissionSetArn),
      );
      const judged = arns.flatMap(arn => {
        const verdict = judgeOnce(arn, index, parameters);
        return verdict ? [{ arn, verdict }] : [];
      });
      const evidence = (kind: Verdict['kind']): ComplianceEvidence[] =>
        judged
          .filter(v => v.verdict.kind === kind)
          .map(v => ({
            kind: 'permission-set',
            description: v.verdict.why,
            permissionSetArn: v.arn,
          }));
      const missing = evidence('missing');
      if (missing.length > 0) {
        return {
          status: 'fail',
          message: listing(missing.map(e => e.description)),
          evidence: missing,
        };
      }
      const unknown = evidence('unknown');
      if (unknown.length > 0) {
        return {
          status: 'unknown',
          message: `Whether every permission set is bounded is unknown: ${listing(
            unknown.map(e => e.description),
          )}`,
          evidence: unknown,
        };
      }
      const ok = evidence('ok');
      return {
        status: 'pass',
        message: ok.length
          ? 'Every non-admin permission set that can change resources has a permissions boundary'
          : 'No permission set here needs a permissions boundary',
        evidence: ok,
      };
    },
  };

function uniqueValues<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}
