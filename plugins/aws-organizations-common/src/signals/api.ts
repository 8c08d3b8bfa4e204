/**
 * The findings routes of the backend API (`/api/aws-organizations`),
 * shared by the backend and the frontend. Counts are governed by
 * `aws-organizations.finding-counts.read`, the findings themselves by
 * `aws-organizations.findings.read`, both resource permissions on the
 * account ({@link AWS_ACCOUNT_RESOURCE_TYPE}).
 */
import type {
  AccountConfigCompliance,
  AccountFindingsPage,
  FindingOrigin,
  SecurityFinding,
  SeverityCounts,
  SignalSource,
  SignalSourceStatus,
} from './types';

/**
 * One account's active finding counts as the last sync read them
 * (`GET /accounts/:id/findings/counts`). No finding itself.
 *
 * @public
 */
export interface AccountFindingCountsResponse {
  accountId: string;
  accountName: string;
  /** When the counts were read (the snapshot's read time). */
  readAt: string;
  /** Whether any signal source is configured (`awsOrganizations.signals`). */
  configured: boolean;
  /** Each source's status at that sync: a not-connected source has no counts, not zero. */
  sources: Record<SignalSource, SignalSourceStatus>;
  /** By origin and severity; an origin whose source is not connected is absent. */
  byOrigin: Partial<Record<FindingOrigin, SeverityCounts>>;
  /** The sum over the origins present, by severity. */
  total: SeverityCounts;
  /** Active critical and high findings first seen more than `days` ago. */
  agedCriticalHigh: { days: number; count: number }[];
  /** Active external-access findings (principals outside the organization), when known. */
  externalAccess?: number;
  /** The account's Config compliance (aggregator summaries), when Config is connected. */
  config?: AccountConfigCompliance;
  /** Whether the caller may read the findings themselves (`findings.read` on the account). */
  mayReadFindings: boolean;
}

/**
 * One account's findings, read on demand from AWS and cached
 * (`GET /accounts/:id/findings`).
 *
 * @public
 */
export type AccountFindingsResponse = AccountFindingsPage;

/**
 * One sync's counts of an account, for a trend chart. An origin absent
 * from `byOrigin` was not read at that sync (its source not connected):
 * its last known value is the previous point's.
 *
 * @public
 */
export interface FindingCountsPoint {
  readAt: string;
  byOrigin: Partial<Record<FindingOrigin, SeverityCounts>>;
  total: SeverityCounts;
}

/**
 * The counts of one account across syncs, oldest first
 * (`GET /accounts/:id/findings/history`).
 *
 * @public
 */
export interface AccountFindingHistoryResponse {
  accountId: string;
  points: FindingCountsPoint[];
}

/**
 * One of a team's accounts on the team's findings page: its counts when
 * the caller may read them, and whether its findings are in
 * {@link TeamFindingsResponse.findings}.
 *
 * @public
 */
export interface TeamAccountFindings {
  accountId: string;
  accountName: string;
  /** Totals by severity; absent without `finding-counts.read` on the account. */
  total?: SeverityCounts;
  /**
   * Whether the response holds its findings: the caller may read them, and
   * the account is among the 25 with the most findings at the last sync
   * that one team page reads from AWS (the rest make the answer `truncated`).
   */
  findingsIncluded: boolean;
}

/**
 * The findings across the accounts a team owns
 * (`GET /teams/:namespace/:name/findings`): the findings of the accounts
 * whose findings the caller may read, most severe and newest first.
 *
 * @public
 */
export interface TeamFindingsResponse {
  /** e.g. `group:default/payments`. */
  teamRef: string;
  accounts: TeamAccountFindings[];
  findings: SecurityFinding[];
  /** More findings exist than were returned. */
  truncated: boolean;
  /** Sources that could not be read for some account, with why. */
  notConnected: { source: SignalSource; accountId: string; message: string }[];
}

/**
 * One OU's counts over the accounts below it (its subtree) whose counts
 * the caller may read.
 *
 * @public
 */
export interface FindingsRollupUnit {
  /** OU or root id. */
  id: string;
  name: string;
  parentId?: string;
  /** Accounts below the OU. */
  accountCount: number;
  /** Of those, the accounts counted (the caller may read their counts). */
  countedAccounts: number;
  total: SeverityCounts;
  byOrigin: Partial<Record<FindingOrigin, SeverityCounts>>;
}

/**
 * Finding counts rolled up by OU (`GET /findings/rollup`): every OU and
 * the root, or with `worst` the root, the worst OUs and their ancestors;
 * parents before children.
 *
 * @public
 */
export interface FindingsRollupResponse {
  readAt: string;
  configured: boolean;
  sources: Record<SignalSource, SignalSourceStatus>;
  units: FindingsRollupUnit[];
  /** The root and every OU of the organization (`units` may list fewer). */
  unitCount: number;
}
