/**
 * Roles that must carry a permissions boundary carry one (and, when the
 * parameters name them, one of the required boundary policies).
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_boundaries.html
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
import { knownRoles, onPaths, roleEvidence } from './rolesCommon';

/** Parameters of {@link roleBoundaryRule}. */
export type RoleBoundaryParameters = {
  /** Role names that need a boundary (`*` wildcards). */
  roles: string[];
  /** Role names exempted (`*` wildcards). */
  exemptRoles: string[];
  /** Role paths exempted (AWS creates these roles; they take no boundary). */
  exemptPaths: string[];
  /** Boundary policies accepted (names or ARNs); empty: any boundary. */
  requiredBoundaries: string[];
};

const lower = (s: string) => s.toLocaleLowerCase('en-US');
/** The name of a policy ARN (the part after the last slash). */
const policyName = (arn: string) => arn.slice(arn.lastIndexOf('/') + 1);

/** Roles carry the required permissions boundary. */
export const roleBoundaryRule: AwsAccountComplianceRule<RoleBoundaryParameters> =
  {
    id: 'role-permissions-boundary-required',
    title: 'Roles carry the required permissions boundary',
    severity: 'medium',
    level: 'account',
    rationale:
      'A permissions boundary caps what a role can do whatever policies are attached to it later, and keeps roles created by delegated administrators from exceeding their creators.',
    remediation:
      'Set the role’s permissions boundary (`aws iam put-role-permissions-boundary --role-name <role> --permissions-boundary <policy ARN>`), in the template that creates it so that it stays.',
    defaultParameters: {
      roles: ['*'],
      exemptRoles: [
        'AWSReservedSSO_*',
        'OrganizationAccountAccessRole',
        'AWSControlTower*',
        'stacksets-exec-*',
      ],
      exemptPaths: ['/aws-service-role/', '/aws-reserved/'],
      requiredBoundaries: [],
    },
    evaluate(context) {
      const known = knownRoles(context);
      if ('outcome' in known) return known.outcome;
      const { account, parameters: p } = context;
      const required = p.requiredBoundaries.map(lower);
      const accepted = (arn: string) =>
        required.length === 0 ||
        required.includes(lower(arn)) ||
        required.includes(lower(policyName(arn)));
      const missing: ComplianceEvidence[] = [];
      const unknown: ComplianceEvidence[] = [];
      let judged = 0;
      for (const role of known.part.roles) {
        if (!matchesAnyName(role.name, p.roles)) continue;
        if (matchesAnyName(role.name, p.exemptRoles)) continue;
        if (onPaths(role, p.exemptPaths)) continue;
        judged++;
        const boundary = role.permissionsBoundary;
        if (isUnknown(boundary)) {
          unknown.push(
            roleEvidence(
              role,
              account.id,
              `${role.name}: whether it has a boundary is unknown (${boundary.reason})`,
            ),
          );
        } else if (boundary === null) {
          missing.push(
            roleEvidence(
              role,
              account.id,
              `${role.name} has no permissions boundary`,
            ),
          );
        } else if (!accepted(boundary)) {
          missing.push(
            roleEvidence(
              role,
              account.id,
              `${role.name} is bounded by ${policyName(
                boundary,
              )}, not by ${listing(p.requiredBoundaries)}`,
            ),
          );
        }
      }
      if (missing.length > 0) {
        return {
          status: 'fail',
          message: `Roles of ${
            account.name
          } without the required boundary: ${listing(
            missing.map(e => e.description.split(' ')[0]),
          )}`,
          evidence: [...missing, ...unknown],
        };
      }
      if (unknown.length > 0) {
        return {
          status: 'unknown',
          message: `Whether every role of ${account.name} is bounded is unknown`,
          evidence: unknown,
        };
      }
      return {
        status: 'pass',
        message:
          judged === 0
            ? `No role of ${account.name} needs a permissions boundary`
            : `All ${judged} roles of ${account.name} that need one carry the required permissions boundary`,
      };
    },
  };
