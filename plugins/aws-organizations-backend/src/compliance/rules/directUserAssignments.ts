import {
  assignmentEvidence,
  AwsAccountComplianceRule,
  identityCenterOutcome,
  listing,
} from '@aws-governance/plugin-aws-organizations-node';
import { checkLevels, privilegedAssignments } from './privilege';

/** Parameters of {@link noDirectPrivilegedUserAssignmentsRule}. */
export type DirectUserParameters = { privilegeLevels: string[] };

/** Privileged permission sets are assigned to groups, never to users. */
export const noDirectPrivilegedUserAssignmentsRule: AwsAccountComplianceRule<DirectUserParameters> =
  {
    id: 'no-direct-privileged-user-assignments',
    title: 'Privileged permission sets are assigned to groups, not users',
    severity: 'high',
    level: 'account',
    rationale:
      'Access granted to a group follows the identity provider: joiners, movers and leavers are handled there. A direct user assignment is forgotten when the person changes team.',
    remediation:
      'Remove the user assignment and grant the permission set to a group the user belongs to.',
    defaultParameters: { privilegeLevels: ['administrator', 'power-user'] },
    validateParameters: p => checkLevels(p.privilegeLevels),
    evaluate({ account, index, resolution, parameters }) {
      const ic = identityCenterOutcome(index, account.id);
      if (ic) return ic;
      const direct = privilegedAssignments(
        account.id,
        parameters.privilegeLevels,
        index,
      ).filter(p => p.assignment.principalType === 'USER');
      if (direct.length === 0) {
        return {
          status: 'pass',
          message: 'No user holds a privileged permission set directly',
        };
      }
      const names = direct.map(
        d =>
          `${index.principalName('USER', d.assignment.principalId)} (${
            index.permissionSet(d.assignment.permissionSetArn)?.name
          })`,
      );
      return {
        status: 'fail',
        message: `Privileged permission sets assigned directly to ${listing(
          names,
        )}`,
        evidence: direct.map(d =>
          assignmentEvidence(
            d.assignment,
            index,
            resolution,
            d.classification.reasons.join('; '),
          ),
        ),
      };
    },
  };
