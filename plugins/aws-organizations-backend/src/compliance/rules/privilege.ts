import {
  AccountAssignment,
  PermissionSetClassification,
  PrivilegeLevel,
} from '@aws-governance/plugin-aws-organizations-common';
import {
  ComplianceParameterProblem,
  ComplianceSnapshotIndex,
} from '@aws-governance/plugin-aws-organizations-node';

export const PRIVILEGE_LEVELS: PrivilegeLevel[] = [
  'administrator',
  'power-user',
];

/** Problems of a `privilegeLevels` parameter. */
export function checkLevels(levels: string[]): ComplianceParameterProblem[] {
  const bad = levels.find(l => !(PRIVILEGE_LEVELS as string[]).includes(l));
  if (bad !== undefined) {
    return [
      {
        parameter: 'privilegeLevels',
        message: `"${bad}" is not a privilege level; use ${PRIVILEGE_LEVELS.join(
          ', ',
        )}`,
      },
    ];
  }
  return levels.length === 0
    ? [
        {
          parameter: 'privilegeLevels',
          message: 'must list at least one level',
        },
      ]
    : [];
}

/** The classification when it is at one of `levels`. */
export function privilegedAt(
  arn: string,
  levels: readonly string[],
  index: ComplianceSnapshotIndex,
): PermissionSetClassification | undefined {
  const c = index.classify(arn);
  return c?.privileged && c.level && levels.includes(c.level) ? c : undefined;
}

/** The account's assignments of sets privileged at one of `levels`. */
export function privilegedAssignments(
  accountId: string,
  levels: readonly string[],
  index: ComplianceSnapshotIndex,
): {
  assignment: AccountAssignment;
  classification: PermissionSetClassification;
}[] {
  return index.assignmentsOf(accountId).flatMap(assignment => {
    const classification = privilegedAt(
      assignment.permissionSetArn,
      levels,
      index,
    );
    return classification ? [{ assignment, classification }] : [];
  });
}
