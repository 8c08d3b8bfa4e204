import {
  FindingOrigin,
  SignalSource,
  SignalSourceStatus,
} from '@aws-governance/plugin-aws-organizations-common';

/** The detector sources by name, in the order the pages show them. */
export const SOURCE_LABELS: Record<SignalSource, string> = {
  'security-hub': 'AWS Security Hub',
  'access-analyzer': 'IAM Access Analyzer',
  config: 'AWS Config',
  cloudtrail: 'Organization trail (CloudTrail)',
};

/** Where a count came from, for people. */
export const ORIGIN_LABELS: Record<FindingOrigin, string> = {
  'security-hub': 'Security Hub (and integrated products)',
  'access-analyzer-external': 'Access Analyzer: external access',
  'access-analyzer-unused': 'Access Analyzer: unused access',
};

/** The source each finding origin is read through. */
export const ORIGIN_SOURCE: Record<FindingOrigin, SignalSource> = {
  'security-hub': 'security-hub',
  'access-analyzer-external': 'access-analyzer',
  'access-analyzer-unused': 'access-analyzer',
};

const REASONS: Record<
  Extract<SignalSourceStatus, { status: 'not-connected' }>['reason'],
  string
> = {
  off: 'not configured',
  denied: 'access denied',
  'not-enabled': 'not enabled',
  error: 'could not be read',
};

/**
 * Why a source is not connected, in a sentence: "Not connected (access
 * denied): <the backend's message>". Undefined for a connected source.
 */
export function notConnectedReason(
  status: SignalSourceStatus,
): string | undefined {
  if (status.status === 'connected') return undefined;
  const reason = REASONS[status.reason] ?? status.reason;
  return status.message
    ? `Not connected (${reason}): ${status.message}`
    : `Not connected (${reason})`;
}

/**
 * Why an origin has no count while others do: its source is not connected,
 * or (Access Analyzer connected) the organization has no analyzer of its
 * type. Only asked of an origin the counts lack.
 */
export function originNotCounted(
  origin: FindingOrigin,
  sources: Record<SignalSource, SignalSourceStatus>,
): string {
  const source = sources[ORIGIN_SOURCE[origin]];
  const reason = notConnectedReason(source);
  if (reason) return reason;
  return origin === 'access-analyzer-unused'
    ? 'Not counted: the organization has no unused-access analyzer'
    : 'Not counted: the organization has no external-access analyzer';
}
