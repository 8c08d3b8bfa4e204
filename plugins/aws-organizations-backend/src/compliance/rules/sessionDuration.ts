import { ComplianceEvidence } from '@aws-governance/plugin-aws-organizations-common';
import {
  AwsAccountComplianceRule,
  durationHours,
  identityCenterOutcome,
  listing,
} from '@aws-governance/plugin-aws-organizations-node';
import { checkLevels, privilegedAssignments } from './privilege';

/** Parameters of {@link privilegedSessionDurationRule}. */
export type SessionDurationParameters = {
  maxHours: number;
  privilegeLevels: string[];
};

/** Privileged sessions last at most `maxHours`. */
export const privilegedSessionDurationRule: AwsAccountComplianceRule<SessionDurationParameters> =
  {
    id: 'privileged-session-duration',
    title: 'Privileged sessions are short',
    severity: 'medium',
    level: 'account',
    rationale:
      'A stolen or forgotten administrator session is usable until it expires; short sessions bound the exposure and make people re-authenticate with MFA.',
    remediation:
      'Lower the session duration of the permission set (e.g. PT1H), or split it into a short privileged set and a long read-only one.',
    defaultParameters: { maxHours: 1, privilegeLevels: ['administrator'] },
    validateParameters: p => [
      ...(p.maxHours > 0 && p.maxHours <= 12
        ? []
        : [
            {
              parameter: 'maxHours',
              message: 'must be between 0 and 12 hours',
            },
          ]),
      ...checkLevels(p.privilegeLevels),
    ],
    evaluate({ account, index, parameters }) {
      const ic = identityCenterOutcome(index, account.id);
      if (ic) return ic;
      const arns = uniqueValues(
        privilegedAssignments(
          account.id,
          parameters.privilegeLevels,
          index,
        ).map(p => p.assignment.permissionSetArn),
      );
      const tooLong: ComplianceEvidence[] = [];
      const names: string[] = [];
      const unreadable: string[] = [];
      for (const arn of arns) {
        const ps = index.permissionSet(arn)!;
        const hours = durationHours(ps.sessionDuration);
        if (hours === undefined) {
          unreadable.push(`${ps.name} (${ps.sessionDuration})`);
        } else if (hours > parameters.maxHours) {
          names.push(ps.name);
          tooLong.push({
            kind: 'permission-set',
            description: `${ps.name} sessions last ${ps.sessionDuration}, more than ${parameters.maxHours}h`,
            permissionSetArn: arn,
          });
        }
      }
      if (tooLong.length > 0) {
        return {
          status: 'fail',
          message: `Privileged sessions longer than ${
            parameters.maxHours
          }h: ${listing(names)}`,
          evidence: tooLong,
        };
      }
      if (unreadable.length > 0) {
        return {
          status: 'unknown',
          message: `Session durations that cannot be read: ${listing(
            unreadable,
          )}`,
        };
      }
      return {
        status: 'pass',
        message: arns.length
          ? `Privileged sessions last at most ${parameters.maxHours}h`
          : 'No privileged permission set is assigned in this account',
      };
    },
  };

function uniqueValues<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}
