import {
  assignmentEvidence,
  AwsAccountComplianceRule,
  identityCenterOutcome,
} from '@aws-governance/plugin-aws-organizations-node';

const INACTIVE = new Set(['SUSPENDED', 'PENDING_CLOSURE', 'CLOSED']);

/** Suspended or closed accounts hold no assignments. */
export const suspendedAccountNoAssignmentsRule: AwsAccountComplianceRule<
  Record<string, never>
> = {
  id: 'suspended-account-no-assignments',
  title: 'Suspended and closed accounts hold no access',
  severity: 'medium',
  level: 'account',
  rationale:
    'Assignments left on a suspended or closed account come back if the account is reinstated, and clutter access reviews.',
  remediation:
    'Delete the account assignments of the account (IAM Identity Center, AWS accounts, the account, Users and groups).',
  defaultParameters: {},
  evaluate({ account, index, resolution }) {
    if (!INACTIVE.has(account.state)) return undefined;
    const ic = identityCenterOutcome(index, account.id);
    if (ic) return ic;
    const assignments = index.assignmentsOf(account.id);
    if (assignments.length === 0) {
      return {
        status: 'pass',
        message: `The ${account.state.toLowerCase()} account holds no assignment`,
      };
    }
    return {
      status: 'fail',
      message: `The ${account.state.toLowerCase()} account still holds ${
        assignments.length
      } assignment(s)`,
      evidence: assignments.map(a => assignmentEvidence(a, index, resolution)),
    };
  },
};
