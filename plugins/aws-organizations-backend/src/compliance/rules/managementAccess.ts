import { parseEntityRef } from '@backstage/catalog-model';
import {
  AccountAssignment,
  SnapshotResolution,
} from '@aws-governance/plugin-aws-organizations-common';
import {
  assignmentEvidence,
  AwsAccountComplianceRule,
  ComplianceSnapshotIndex,
  identityCenterOutcome,
  listing,
  nonEmpty,
  principalLabel,
} from '@aws-governance/plugin-aws-organizations-node';

/** Parameters of {@link managementAccountAccessRule}. */
export type ManagementAccessParameters = { allowedGroups: string[] };

const lower = (s: string) => s.toLocaleLowerCase('en-US');

/** Names a group goes by: its display name, its catalog ref and the ref's name. */
function groupNames(
  groupId: string,
  index: ComplianceSnapshotIndex,
  resolution: SnapshotResolution,
): string[] {
  const names = [index.principalName('GROUP', groupId)];
  const ref = resolution.principals[groupId]?.ref;
  if (ref) {
    names.push(ref);
    try {
      names.push(parseEntityRef(ref).name);
    } catch {
      // not a ref: the display name and the raw value are enough
    }
  }
  return names.map(lower);
}

function isAllowed(
  assignment: AccountAssignment,
  allowed: Set<string>,
  index: ComplianceSnapshotIndex,
  resolution: SnapshotResolution,
): boolean {
  return (
    assignment.principalType === 'GROUP' &&
    groupNames(assignment.principalId, index, resolution).some(n =>
      allowed.has(n),
    )
  );
}

/** Only the allowed groups reach the management account, and no user directly. */
export const managementAccountAccessRule: AwsAccountComplianceRule<ManagementAccessParameters> =
  {
    id: 'management-account-access',
    title: 'The management account is reserved to the allowed groups',
    severity: 'critical',
    level: 'account',
    rationale:
      'The management account is exempt from SCPs and controls every account of the organization; only security and finance should reach it, through groups.',
    remediation:
      'Remove the assignments of other principals on the management account; run workloads and tooling in member accounts.',
    defaultParameters: { allowedGroups: ['security', 'finance'] },
    validateParameters: p => nonEmpty('allowedGroups', p.allowedGroups),
    evaluate({ account, index, resolution, parameters }) {
      if (!index.isManagementAccount(account.id)) return undefined;
      const ic = identityCenterOutcome(index, account.id);
      if (ic) return ic;
      const allowed = new Set(parameters.allowedGroups.map(lower));
      const assignments = index.assignmentsOf(account.id);
      const others = assignments.filter(
        a => !isAllowed(a, allowed, index, resolution),
      );
      if (others.length === 0) {
        return {
          status: 'pass',
          message: `Only ${listing(
            parameters.allowedGroups,
          )} hold permission sets on the management account`,
        };
      }
      const who = uniqueValues(
        others.map(a => principalLabel(a, index, resolution)),
      );
      return {
        status: 'fail',
        message: `The management account is reachable by ${listing(
          who,
        )}, beyond ${listing(parameters.allowedGroups)}`,
        evidence: others.map(a =>
          assignmentEvidence(
            a,
            index,
            resolution,
            a.principalType === 'USER'
              ? 'a user assignment'
              : 'not an allowed group',
          ),
        ),
      };
    },
  };

function uniqueValues<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}
