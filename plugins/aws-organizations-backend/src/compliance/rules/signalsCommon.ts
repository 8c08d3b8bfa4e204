/**
 * What the rules over AWS's detectors (issue #18) share: the "not
 * connected" outcome (a source that is off, denied or failed makes the
 * rule unknown with the reason, never a pass), and the console links of
 * their evidence. The evidence carries counts and links, never a
 * finding's details: compliance results are for everyone signed in.
 */
import {
  ComplianceEvidence,
  OrganizationSnapshot,
  SecuritySignalsSnapshot,
  SignalSource,
} from '@aws-governance/plugin-aws-organizations-common';
import type { ComplianceOutcome } from '@aws-governance/plugin-aws-organizations-node';

const LABELS: Record<SignalSource, string> = {
  'security-hub': 'Security Hub',
  'access-analyzer': 'IAM Access Analyzer',
  config: 'AWS Config',
  cloudtrail: 'CloudTrail',
};

/** A source's name for people. */
export function sourceLabel(source: SignalSource): string {
  return LABELS[source];
}

/**
 * The signals and the source's region when `source` is connected, else
 * the outcome to return instead: unknown saying why (denied, not enabled,
 * failed; not configured for an organization rule), and no result for an
 * account rule whose source is not configured at all (an organization
 * that has not connected Security Hub gets no Security Hub result on
 * every account, as the role rules give none without a roles source).
 */
export function connectedSource(
  snapshot: OrganizationSnapshot,
  source: SignalSource,
  level: 'account' | 'organization',
):
  | { signals: SecuritySignalsSnapshot; region: string }
  | { outcome: ComplianceOutcome | undefined } {
  const signals = snapshot.signals;
  const status = signals?.sources[source];
  const off =
    !signals ||
    !status ||
    (status.status === 'not-connected' && status.reason === 'off');
  if (off && level === 'account') return { outcome: undefined };
  if (!signals || !status) {
    return {
      outcome: {
        status: 'unknown',
        message: `${sourceLabel(
          source,
        )} is not connected: not configured (awsOrganizations.signals)`,
        evidence: [
          {
            kind: 'detector',
            description: `${sourceLabel(source)}: not configured`,
          },
        ],
      },
    };
  }
  if (status.status !== 'connected') {
    return {
      outcome: {
        status: 'unknown',
        message: `${sourceLabel(source)} is not connected (${status.reason}): ${
          status.message
        }`,
        evidence: [
          {
            kind: 'detector',
            description: `${sourceLabel(source)}: ${status.reason}, ${
              status.message
            }`,
          },
        ],
      },
    };
  }
  return { signals, region: status.region };
}

const inConsole = (region: string, path: string) =>
  `https://${region}.console.aws.amazon.com/${path}`;

/**
 * The account's active findings in the Security Hub console (the
 * findings view filtered by `cloud.account.uid`, the form the reader's
 * finding links use).
 */
export function securityHubAccountUrl(
  region: string,
  accountId: string,
): string {
  return inConsole(
    region,
    `securityhub/v2/home?region=${region}#/findings?search=${encodeURIComponent(
      `cloud.account.uid=${accountId}`,
    )}`,
  );
}

/** The analyzer's findings in the IAM Access Analyzer console. */
export function accessAnalyzerUrl(region: string): string {
  return inConsole(region, `access-analyzer/home?region=${region}#/findings`);
}

/** A Config rule's page in the AWS Config console. */
export function configRuleUrl(region: string, ruleName: string): string {
  return inConsole(
    region,
    `config/home?region=${region}#/rules/details?configRuleName=${encodeURIComponent(
      ruleName,
    )}`,
  );
}

/** A conformance pack's page in the AWS Config console. */
export function conformancePackUrl(region: string, name: string): string {
  return inConsole(
    region,
    `config/home?region=${region}#/conformance-packs/details?conformancePackName=${encodeURIComponent(
      name,
    )}`,
  );
}

/** A trail's page in the CloudTrail console. */
export function trailUrl(region: string, arn: string): string {
  return inConsole(
    region,
    `cloudtrailv2/home?region=${region}#/trails/${encodeURIComponent(arn)}`,
  );
}

/** The trusted services page of the AWS Organizations console. */
export const ORGANIZATIONS_SERVICES_URL =
  'https://us-east-1.console.aws.amazon.com/organizations/v2/home/services';

/** Evidence pointing at the account's findings in the console. */
export function findingsEvidence(
  description: string,
  accountId: string,
  consoleUrl: string,
): ComplianceEvidence {
  return { kind: 'finding', description, accountId, consoleUrl };
}
