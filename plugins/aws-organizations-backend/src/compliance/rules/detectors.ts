/**
 * The detectors run organization-wide from a delegated administrator that
 * is not the management account: trusted access enabled
 * (ListAWSServiceAccessForOrganization) and a delegated administrator
 * registered (ListDelegatedAdministrators) for each service. AWS
 * recommends delegating security services' administration to a member
 * account so the management account is used as little as possible
 * (https://docs.aws.amazon.com/organizations/latest/userguide/orgs_best-practices_mgmt-acct.html).
 */
import {
  ComplianceEvidence,
  isUnknown,
} from '@aws-governance/plugin-aws-organizations-common';
import {
  AwsOrganizationComplianceRule,
  listing,
  nonEmpty,
} from '@aws-governance/plugin-aws-organizations-node';
import { ORGANIZATIONS_SERVICES_URL } from './signalsCommon';

/** Parameters of {@link detectorsDelegatedRule}. */
export type DetectorsParameters = {
  /** Service principals that must be enabled and delegated. */
  services: string[];
};

/** Each detector is enabled org-wide with a delegated administrator outside the management account. */
export const detectorsDelegatedRule: AwsOrganizationComplianceRule<DetectorsParameters> =
  {
    id: 'detectors-delegated-administrator',
    title: 'Detectors run organization-wide from a delegated administrator',
    severity: 'medium',
    level: 'organization',
    rationale:
      'Security Hub, Access Analyzer and Config see every account only when trusted access is enabled organization-wide; administered from a member account, they do not need the management account, which should be used as little as possible.',
    remediation:
      'From the management account, enable trusted access for the service and register a member account (e.g. Security Audit) as its delegated administrator.',
    defaultParameters: {
      services: [
        'securityhub.amazonaws.com',
        'access-analyzer.amazonaws.com',
        'config.amazonaws.com',
      ],
    },
    validateParameters: p => nonEmpty('services', p.services),
    evaluate({ snapshot, parameters: p }) {
      const signals = snapshot.signals;
      if (!signals) {
        return {
          status: 'unknown',
          message:
            'No detector is connected: not configured (awsOrganizations.signals)',
        };
      }
      const management = snapshot.organization.managementAccountId;
      const failures: ComplianceEvidence[] = [];
      const unknowns: ComplianceEvidence[] = [];
      const passes: ComplianceEvidence[] = [];
      for (const service of p.services) {
        const status = signals.serviceAccess.find(
          s => s.servicePrincipal === service,
        );
        const evidence = (description: string): ComplianceEvidence => ({
          kind: 'detector',
          description: `${service}: ${description}`,
          consoleUrl: ORGANIZATIONS_SERVICES_URL,
        });
        if (!status) {
          unknowns.push(
            evidence(
              'not read (its source is not configured in awsOrganizations.signals)',
            ),
          );
          continue;
        }
        const enabled = status.enabledOrganizationWide;
        const admins = status.delegatedAdministrators;
        if (isUnknown(enabled)) {
          unknowns.push(evidence(`trusted access unknown (${enabled.reason})`));
        } else if (!enabled) {
          failures.push(evidence('trusted access not enabled'));
          continue;
        }
        if (isUnknown(admins)) {
          unknowns.push(
            evidence(`delegated administrators unknown (${admins.reason})`),
          );
        } else if (admins.length === 0) {
          failures.push(evidence('no delegated administrator'));
        } else if (admins.includes(management)) {
          failures.push(
            evidence(
              `the management account ${management} is its delegated administrator`,
            ),
          );
        } else if (!isUnknown(enabled)) {
          passes.push(evidence(`delegated to ${listing(admins)}`));
        }
      }
      if (failures.length > 0) {
        return {
          status: 'fail',
          message: `Detectors not run from a delegated administrator: ${listing(
            failures.map(e => e.description),
          )}`,
          evidence: [...failures, ...unknowns],
        };
      }
      if (unknowns.length > 0) {
        return {
          status: 'unknown',
          message: `Whether every detector is delegated is unknown: ${listing(
            unknowns.map(e => e.description),
          )}`,
          evidence: unknowns,
        };
      }
      return {
        status: 'pass',
        message: `${listing(
          p.services,
        )} run organization-wide from a delegated administrator`,
        evidence: passes,
      };
    },
  };
