/**
 * What AWS's own detectors report (issue #18): Security Hub, IAM Access
 * Analyzer, AWS Config (rules and conformance packs through an aggregator)
 * and the organization trail, plus whether each service is enabled
 * organization-wide and who its delegated administrator is.
 *
 * Read once per sync with a few organization-wide calls (counts, not
 * findings); the findings themselves are read on demand
 * ({@link AccountFindingsPage}). A source that is off, denied or failed is
 * "not connected" with the reason, never "no findings".
 */
import type { Knowable } from '../snapshot';

/** The detector sources, each configured on its own. @public */
export const SIGNAL_SOURCES = [
  'security-hub',
  'access-analyzer',
  'config',
  'cloudtrail',
] as const;

/** @public */
export type SignalSource = (typeof SIGNAL_SOURCES)[number];

/** Finding severities, most severe first (Security Hub's labels). @public */
export const FINDING_SEVERITIES = [
  'CRITICAL',
  'HIGH',
  'MEDIUM',
  'LOW',
  'INFORMATIONAL',
] as const;

/** @public */
export type FindingSeverity = (typeof FINDING_SEVERITIES)[number];

/** Active findings by severity. @public */
export type SeverityCounts = Record<FindingSeverity, number>;

/**
 * Whether a source was read. `off`: not configured; `denied`: AWS refused
 * (AccessDenied, not a delegated administrator); `not-enabled`: the service
 * is not enabled where it was asked; `error`: anything else (throttled past
 * the retries, 5xx, a malformed answer).
 *
 * @public
 */
export type SignalSourceStatus =
  | {
      status: 'connected';
      /** The account the source was read from (delegated administrator). */
      accountId?: string;
      region: string;
      /** AWS calls this source made in the sync. */
      calls: number;
    }
  | {
      status: 'not-connected';
      reason: 'off' | 'denied' | 'not-enabled' | 'error';
      message: string;
    };

/**
 * An AWS service's organization-wide status: trusted access enabled
 * (`ListAWSServiceAccessForOrganization`) and its delegated administrators
 * (`ListDelegatedAdministrators`). Unknown when the listing failed.
 *
 * @public
 */
export interface ServiceAccessStatus {
  /** e.g. `securityhub.amazonaws.com`. */
  servicePrincipal: string;
  enabledOrganizationWide: Knowable<boolean>;
  /** Account ids. */
  delegatedAdministrators: Knowable<string[]>;
}

/**
 * Where a finding count came from: Security Hub's own and integrated
 * products (GuardDuty, Inspector, ...), or IAM Access Analyzer's external
 * and unused access analyzers.
 *
 * @public
 */
export const FINDING_ORIGINS = [
  'security-hub',
  'access-analyzer-external',
  'access-analyzer-unused',
] as const;

/** @public */
export type FindingOrigin = (typeof FINDING_ORIGINS)[number];

/**
 * One account's active findings: counts by origin and severity, and how
 * many critical and high findings are older than each age the reader was
 * asked for (the "older than N days" rule).
 *
 * @public
 */
export interface AccountFindingCounts {
  byOrigin: Partial<Record<FindingOrigin, SeverityCounts>>;
  /** Active CRITICAL+HIGH findings first observed more than `days` ago. */
  agedCriticalHigh: { days: number; count: number }[];
  /** Active external-access findings whose principal is outside the organization. */
  externalAccess?: number;
}

/** Config compliance of one account (aggregator summaries). @public */
export interface AccountConfigCompliance {
  /** Rules by compliance type. */
  rules: { compliant: number; nonCompliant: number; insufficientData: number };
  /** Conformance packs of the account and their compliance. */
  conformancePacks: {
    name: string;
    compliance: 'COMPLIANT' | 'NON_COMPLIANT' | 'INSUFFICIENT_DATA';
  }[];
  /** Names of the non-compliant rules (for evidence). */
  nonCompliantRules: string[];
}

/**
 * The organization trail as the management account sees it
 * (`DescribeTrails`, `GetTrailStatus`).
 *
 * @public
 */
export interface OrganizationTrailStatus {
  /** The organization trails found; empty when there is none. */
  trails: {
    name: string;
    arn: string;
    homeRegion: string;
    isMultiRegion: boolean;
    isLogging: Knowable<boolean>;
    s3BucketName?: string;
    /** The account owning the bucket when known (e.g. from the bucket's tags or config). */
    s3BucketAccountId?: Knowable<string>;
    latestDeliveryTime?: string;
    latestDeliveryError?: string;
  }[];
}

/**
 * An IAM Access Analyzer analyzer of the organization
 * (`ListAnalyzers`), with its active findings in total
 * (`GetFindingsStatistics`) when they could be read.
 *
 * @public
 */
export interface AccessAnalyzerSummary {
  arn: string;
  name: string;
  /** `ORGANIZATION` (external access) or `ORGANIZATION_UNUSED_ACCESS`. */
  type: string;
  status: string;
  activeFindings: Knowable<number>;
}

/**
 * The signals part of a snapshot. Absent when no source is configured; an
 * account missing from `findings` (or `config`) while the source is
 * connected has no active findings (or no Config rules); while it is not
 * connected, its findings are unknown.
 *
 * @public
 */
export interface SecuritySignalsSnapshot {
  sources: Record<SignalSource, SignalSourceStatus>;
  serviceAccess: ServiceAccessStatus[];
  /** By account id. */
  findings: Record<string, AccountFindingCounts>;
  /** By account id. */
  config: Record<string, AccountConfigCompliance>;
  organizationTrail: Knowable<OrganizationTrailStatus>;
  /** The organization analyzers Access Analyzer lists (when that source is connected). */
  analyzers?: AccessAnalyzerSummary[];
  /** The ages (days) `agedCriticalHigh` counts for. */
  agedFindingDays?: number[];
}

/**
 * One finding, read on demand for a page (never stored in the snapshot).
 *
 * @public
 */
export interface SecurityFinding {
  id: string;
  origin: FindingOrigin;
  /** e.g. `GuardDuty`, `Inspector`, `Security Hub`, `IAM Access Analyzer`. */
  productName: string;
  severity: FindingSeverity;
  title: string;
  accountId: string;
  region: string;
  resourceType?: string;
  resourceId?: string;
  /** The resource's tags where the finding carries them. */
  resourceTags?: Record<string, string>;
  firstObservedAt?: string;
  updatedAt?: string;
  /** The external principal of an access-analyzer finding. */
  principal?: string;
  /** The finding in the AWS console. */
  consoleUrl: string;
}

/** The findings of one account, newest first, read on demand. @public */
export interface AccountFindingsPage {
  accountId: string;
  findings: SecurityFinding[];
  /** More findings exist than were returned. */
  truncated: boolean;
  readAt: string;
  /** Sources that could not be read for this page, with why. */
  notConnected: { source: SignalSource; message: string }[];
}
