/**
 * Rules over the findings AWS's detectors report per account, from the
 * counts each sync reads (no finding itself is stored). Their messages
 * and evidence say whether, not how many: compliance results are for
 * everyone signed in, the counts for `finding-counts.read`.
 * - no active critical or high finding older than N days (Security Hub,
 *   which counts its integrated products: GuardDuty, Inspector, Access
 *   Analyzer...), OCSF status New or In Progress, first seen before
 *   `readAt - N days`
 *   (https://docs.aws.amazon.com/securityhub/latest/APIReference/API_GetFindingStatisticsV2.html);
 * - no active external access finding of an organization analyzer, whose
 *   zone of trust is the organization: each finding is access from
 *   outside it
 *   (https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-concepts.html).
 */
import type { AwsAccountComplianceRule } from '@aws-governance/plugin-aws-organizations-node';
import {
  accessAnalyzerUrl,
  connectedSource,
  findingsEvidence,
  securityHubAccountUrl,
} from './signalsCommon';

/** Parameters of {@link agedCriticalFindingsRule}. */
export type AgedFindingsParameters = {
  maxAgeDays: number;
};

/** No active critical or high finding older than `maxAgeDays`. */
export const agedCriticalFindingsRule: AwsAccountComplianceRule<AgedFindingsParameters> =
  {
    id: 'findings-critical-high-aged',
    title: 'No critical or high finding left open for long',
    severity: 'high',
    level: 'account',
    rationale:
      'A critical or high finding that stays open past the remediation window is a known way in that nobody is closing.',
    remediation:
      'Fix the resource the finding names (or suppress the finding with a documented reason) in Security Hub; the next sync counts it closed.',
    defaultParameters: { maxAgeDays: 30 },
    validateParameters: p =>
      Number.isInteger(p.maxAgeDays) && p.maxAgeDays >= 1
        ? []
        : [{ parameter: 'maxAgeDays', message: 'must be a positive integer' }],
    evaluate({ account, snapshot, parameters: p }) {
      if (account.state !== 'ACTIVE') return undefined;
      const hub = connectedSource(snapshot, 'security-hub', 'account');
      if ('outcome' in hub) return hub.outcome;
      const days = hub.signals.agedFindingDays ?? [];
      if (!days.includes(p.maxAgeDays)) {
        return {
          status: 'unknown',
          message: `The sync counted open critical and high findings older than ${
            days.join(', ') || 'no'
          } days, not ${p.maxAgeDays}: add ${
            p.maxAgeDays
          } to awsOrganizations.signals.agedFindingDays`,
        };
      }
      const count =
        hub.signals.findings[account.id]?.agedCriticalHigh.find(
          a => a.days === p.maxAgeDays,
        )?.count ?? 0;
      const url = securityHubAccountUrl(hub.region, account.id);
      if (count > 0) {
        return {
          status: 'fail',
          message: `${account.name} has active critical or high findings first seen more than ${p.maxAgeDays} days ago`,
          evidence: [
            findingsEvidence(
              `Critical/high findings older than ${p.maxAgeDays} days in Security Hub (their number: the account's Security tab)`,
              account.id,
              url,
            ),
          ],
        };
      }
      return {
        status: 'pass',
        message: `${account.name} has no active critical or high finding older than ${p.maxAgeDays} days`,
        evidence: [
          findingsEvidence(
            'Security Hub findings of the account',
            account.id,
            url,
          ),
        ],
      };
    },
  };

/** No active external access finding (a principal outside the organization). */
export const externalAccessFindingsRule: AwsAccountComplianceRule<
  Record<string, never>
> = {
  id: 'findings-external-access',
  title: 'No resource shared outside the organization',
  severity: 'high',
  level: 'account',
  rationale:
    'IAM Access Analyzer reports every resource policy and trust policy that lets a principal outside the organization in; each one is a path into the account that the organization does not control.',
  remediation:
    'Remove the statement granting the external principal (or archive the finding with an archive rule when the access is intended and reviewed).',
  defaultParameters: {},
  evaluate({ account, snapshot }) {
    if (account.state !== 'ACTIVE') return undefined;
    const aa = connectedSource(snapshot, 'access-analyzer', 'account');
    if ('outcome' in aa) return aa.outcome;
    if (!(aa.signals.analyzers ?? []).some(a => a.type === 'ORGANIZATION')) {
      return {
        status: 'unknown',
        message:
          'No organization analyzer of external access (type ORGANIZATION) in the Access Analyzer account',
      };
    }
    const count = aa.signals.findings[account.id]?.externalAccess ?? 0;
    const url = accessAnalyzerUrl(aa.region);
    if (count > 0) {
      return {
        status: 'fail',
        message: `${account.name} has active external access findings (principals outside the organization)`,
        evidence: [
          findingsEvidence(
            "External access findings in IAM Access Analyzer (their number: the account's Security tab)",
            account.id,
            url,
          ),
        ],
      };
    }
    return {
      status: 'pass',
      message: `No resource of ${account.name} is shared outside the organization`,
    };
  },
};
