/**
 * Roles unused for N days: IAM's `RoleLastUsed` against the snapshot's
 * read time. A role IAM has no use on record for counts from its creation.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_last-accessed.html
 */
import {
  ComplianceEvidence,
  isUnknown,
} from '@aws-governance/plugin-aws-organizations-common';
import {
  AwsAccountComplianceRule,
  listing,
  matchesAnyName,
} from '@aws-governance/plugin-aws-organizations-node';
import { daysBetween, knownRoles, onPaths, roleEvidence } from './rolesCommon';

/** Parameters of {@link unusedRolesRule}. */
export type UnusedRolesParameters = {
  maxUnusedDays: number;
  exemptRoles: string[];
  exemptPaths: string[];
};

/** No role has gone unused for longer than `maxUnusedDays`. */
export const unusedRolesRule: AwsAccountComplianceRule<UnusedRolesParameters> =
  {
    id: 'roles-unused',
    title: 'No role has gone unused for long',
    severity: 'low',
    level: 'account',
    rationale:
      'A role nobody uses still grants what its policies say to whoever its trust admits; unused roles widen the ways in for no benefit.',
    remediation:
      'Confirm with the role’s owner that it is no longer needed, then delete it (or remove the trust statements that let others assume it).',
    defaultParameters: {
      maxUnusedDays: 90,
      exemptRoles: ['OrganizationAccountAccessRole'],
      exemptPaths: ['/aws-service-role/'],
    },
    validateParameters: p =>
      Number.isInteger(p.maxUnusedDays) && p.maxUnusedDays >= 1
        ? []
        : [
            {
              parameter: 'maxUnusedDays',
              message: 'must be a positive integer',
            },
          ],
    evaluate(context) {
      const known = knownRoles(context);
      if ('outcome' in known) return known.outcome;
      const { account, parameters: p, snapshot } = context;
      const unused: ComplianceEvidence[] = [];
      const unknown: ComplianceEvidence[] = [];
      for (const role of known.part.roles) {
        if (
          matchesAnyName(role.name, p.exemptRoles) ||
          onPaths(role, p.exemptPaths)
        )
          continue;
        const last = role.lastUsed;
        if (isUnknown(last)) {
          unknown.push(
            roleEvidence(
              role,
              account.id,
              `${role.name}: last use unknown (${last.reason})`,
            ),
          );
          continue;
        }
        const since = last.lastUsedDate ?? role.createDate;
        const days = since ? daysBetween(since, snapshot.readAt) : undefined;
        if (days === undefined) {
          unknown.push(
            roleEvidence(
              role,
              account.id,
              `${role.name}: no use on record and no creation date`,
            ),
          );
        } else if (days > p.maxUnusedDays) {
          unused.push(
            roleEvidence(
              role,
              account.id,
              last.lastUsedDate
                ? `${
                    role.name
                  }: last used ${days} days ago (${last.lastUsedDate.slice(
                    0,
                    10,
                  )})`
                : `${role.name}: never used since it was created ${days} days ago`,
            ),
          );
        }
      }
      if (unused.length > 0) {
        return {
          status: 'fail',
          message: `Roles of ${account.name} unused for more than ${
            p.maxUnusedDays
          } days: ${listing(unused.map(e => e.description.split(':')[0]))}`,
          evidence: [...unused, ...unknown],
        };
      }
      if (unknown.length > 0) {
        return {
          status: 'unknown',
          message: `When some roles of ${account.name} were last used is unknown`,
          evidence: unknown,
        };
      }
      return {
        status: 'pass',
        message: `Every role of ${account.name} was used within ${p.maxUnusedDays} days`,
      };
    },
  };
