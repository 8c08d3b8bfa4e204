import { ComplianceEvidence } from '@aws-governance/plugin-aws-organizations-common';
import {
  AwsOrganizationComplianceRule,
  listing,
  namePattern,
  nonEmpty,
} from '@aws-governance/plugin-aws-organizations-node';

/** Parameters of {@link securityLoggingAccountRule}. */
export type SecurityLoggingParameters = {
  securityOrganizationalUnits: string[];
  requiredAccountNames: string[];
};

/** A dedicated security & logging account exists in the security OU. */
export const securityLoggingAccountRule: AwsOrganizationComplianceRule<SecurityLoggingParameters> =
  {
    id: 'security-logging-account',
    title: 'A security & logging account exists in its OU',
    severity: 'high',
    level: 'organization',
    rationale:
      'Logs kept in a dedicated account of the security OU cannot be deleted or changed from the workload accounts they record.',
    remediation:
      'Create a log archive account in the security OU (AWS Control Tower names it Log Archive) and send the organization trail there.',
    defaultParameters: {
      securityOrganizationalUnits: ['Security'],
      requiredAccountNames: ['*log*'],
    },
    validateParameters: p => [
      ...nonEmpty('securityOrganizationalUnits', p.securityOrganizationalUnits),
      ...nonEmpty('requiredAccountNames', p.requiredAccountNames),
    ],
    evaluate({ snapshot, index, parameters: p }) {
      const units = index.unitsMatching(p.securityOrganizationalUnits);
      const unitNames = listing(p.securityOrganizationalUnits);
      if (units.size === 0) {
        return {
          status: 'fail',
          message: `The organization has no security OU (${unitNames})`,
        };
      }
      const candidates = snapshot.accounts.filter(
        a => a.state === 'ACTIVE' && index.isInUnits(a, units),
      );
      const found: ComplianceEvidence[] = [];
      const missing: string[] = [];
      const names: string[] = [];
      for (const name of p.requiredAccountNames) {
        const re = namePattern(name);
        const match = candidates.find(a => re.test(a.name));
        if (match) {
          names.push(match.name);
          found.push({
            kind: 'account',
            description: `${match.name} (${match.id}) in ${
              index.unit(match.parentId)?.name ?? match.parentId
            } matches "${name}"`,
            accountId: match.id,
          });
        } else {
          missing.push(`"${name}"`);
        }
      }
      if (missing.length > 0) {
        return {
          status: 'fail',
          message: `No active account named ${listing(
            missing,
          )} in the security OU (${unitNames})`,
          evidence: found,
        };
      }
      return {
        status: 'pass',
        message: `The security OU holds ${listing(names)}`,
        evidence: found,
      };
    },
  };
