import { createApiRef } from '@backstage/core-plugin-api';
import {
  AccountsQuery,
  AccountAccess,
  AccountRoleReach,
  AccountRoleReachQuery,
  AccountRoles,
  AccountRolesQuery,
  AccountCompliance,
  AccountDetail,
  AccountGuardrails,
  AccountSummary,
  AccountFindingCountsResponse,
  AccountFindingHistoryResponse,
  AccountFindingsResponse,
  ChangeKind,
  FindingsRollupResponse,
  TeamFindingsResponse,
  AccountReviewSummary,
  CampaignProgress,
  CreateReviewCampaignRequest,
  RemediationEntry,
  ReviewCampaign,
  ReviewCampaignStatus,
  ReviewDecisionRequest,
  ReviewDecisionsResponse,
  ReviewHandoverRequest,
  ReviewItem,
  ReviewItemDetail,
  ReviewItemState,
  RemediationStatus,
  TeamReviews,
  ChangeLogEntry,
  OrganizationComplianceSummary,
  OrganizationTreeQuery,
  OrgTreeNode,
  OwnerCompliance,
  OwnersQuery,
  Page,
  PrincipalAccess,
  PrincipalRoleReach,
  SimulationRequest,
  SimulationResult,
  SyncStatus,
  TrustMap,
  TrustMapQuery,
} from '@aws-governance/plugin-aws-organizations-common';

/**
 * Filters and paging of `GET /accounts`, derived from the schema the
 * backend validates the query with. Unset filters are not sent.
 *
 * @public
 */
export type { AccountsQuery };

/**
 * Filters and paging of `GET /compliance/owners`, derived from the schema
 * the backend validates the query with. Unset filters are not sent.
 *
 * @public
 */
export type { OwnersQuery };

/**
 * Health of the AWS Organizations backend.
 *
 * @public
 */
export interface AwsOrganizationsHealth {
  status: 'ok' | 'error';
  database: 'ok' | 'unreachable';
}

/**
 * Paging of list requests; the backend applies its own defaults and maximum.
 *
 * @public
 */
export interface PageRequest {
  offset?: number;
  limit?: number;
}

/**
 * What `GET /organization/tree` returns, derived from the schema the backend
 * validates the query with. Unset options are not sent (the whole tree,
 * with every node's accounts).
 *
 * @public
 */
export type { OrganizationTreeQuery };

/**
 * Filters of `GET /changes`. Unset filters are not sent.
 *
 * @public
 */
export interface ChangesQuery extends PageRequest {
  accountId?: string;
  /**
   * An owner's entity ref (a bare name is a Group): the changes of the
   * accounts it owns in the current snapshot.
   */
  owner?: string;
  kind?: ChangeKind;
  /** ISO-8601 timestamp: only changes detected at or after it. */
  since?: string;
}

/**
 * The catalog entity a principal request is about: a Group or a User.
 *
 * @public
 */
export interface PrincipalEntityRef {
  kind: 'group' | 'user';
  namespace: string;
  name: string;
}

/**
 * Client of the AWS Organizations backend API (`/api/aws-organizations`).
 * Every method rejects with a `ResponseError` (from `@backstage/errors`)
 * carrying the HTTP status when the backend answers with an error, e.g. 403
 * when the permission framework denies the request.
 *
 * @public
 */
export interface AwsOrganizationsApi {
  /** `GET /health`. */
  getHealth(): Promise<AwsOrganizationsHealth>;
  /** `GET /sync/status`. */
  /**
   * `GET /sync/status`; `unmappedLimit` caps the list of unmapped principals
   * (`unmappedPrincipalCount` counts them all).
   */
  getSyncStatus(query?: { unmappedLimit?: number }): Promise<SyncStatus>;
  /** `POST /sync`: starts a sync; rejects with 409 when one is running. */
  triggerSync(): Promise<void>;
  /** `GET /changes`. */
  listChanges(query?: ChangesQuery): Promise<Page<ChangeLogEntry>>;
  /** `GET /accounts`. */
  listAccounts(query?: AccountsQuery): Promise<Page<AccountSummary>>;
  /** `GET /accounts/:id`. */
  getAccount(accountId: string): Promise<AccountDetail>;
  /** `GET /accounts/:id/guardrails`. */
  getAccountGuardrails(accountId: string): Promise<AccountGuardrails>;
  /** `GET /accounts/:id/access`. */
  getAccountAccess(accountId: string): Promise<AccountAccess>;
  /** `GET /accounts/:id/compliance`. */
  getAccountCompliance(accountId: string): Promise<AccountCompliance>;
  /** `GET /accounts/:id/history`. */
  getAccountHistory(
    accountId: string,
    page?: PageRequest,
  ): Promise<Page<ChangeLogEntry>>;
  /**
   * `GET /accounts/:id/findings/counts`: the account's active finding
   * counts by severity and source at the last sync (403 without
   * `aws-organizations.finding-counts.read` on the account).
   */
  getAccountFindingCounts(
    accountId: string,
  ): Promise<AccountFindingCountsResponse>;
  /**
   * `GET /accounts/:id/findings`: the account's active findings, newest
   * first, read from AWS on demand and cached (403 without
   * `aws-organizations.findings.read` on the account); `limit` 1-500,
   * default 50.
   */
  getAccountFindings(
    accountId: string,
    query?: { limit?: number },
  ): Promise<AccountFindingsResponse>;
  /**
   * `GET /accounts/:id/findings/history`: the account's counts across
   * syncs, oldest first, for a trend chart; `limit` the last 1-365 syncs
   * (default 90).
   */
  getAccountFindingHistory(
    accountId: string,
    query?: { limit?: number },
  ): Promise<AccountFindingHistoryResponse>;
  /**
   * `GET /teams/:namespace/:name/findings`: the findings across the
   * accounts the team owns, of the accounts whose findings the caller may
   * read; `limit` 1-500 findings in all (default 100).
   */
  getTeamFindings(
    team: { namespace: string; name: string },
    query?: { limit?: number },
  ): Promise<TeamFindingsResponse>;
  /**
   * `GET /findings/rollup`: finding counts by OU (subtree totals), every
   * OU, or with `worst` the root, the `worst` OUs with the most severe
   * findings and their ancestors.
   */
  getFindingsRollup(query?: {
    worst?: number;
  }): Promise<FindingsRollupResponse>;
  /** `GET /organization/tree`: the root node (or `query.unit`). */
  getOrganizationTree(query?: OrganizationTreeQuery): Promise<OrgTreeNode>;
  /**
   * `GET /compliance/summary`; `byOwner` lists the `owners` (default 10)
   * owners with the most non-compliant accounts.
   */
  getComplianceSummary(query?: {
    owners?: number;
  }): Promise<OrganizationComplianceSummary>;
  /** `GET /compliance/owners`: owners of accounts and their compliance, by ref. */
  listOwners(query?: OwnersQuery): Promise<Page<OwnerCompliance>>;
  /** `POST /simulate`. */
  simulate(request: SimulationRequest): Promise<SimulationResult>;
  /** `GET /principals/:kind/:namespace/:name/access`. */
  getPrincipalAccess(principal: PrincipalEntityRef): Promise<PrincipalAccess>;
  /**
   * `GET /accounts/:id/role-reach`: who reaches the account through IAM
   * roles, each way with its path (team level without
   * `aws-organizations.access.read`): one page (`offset`, `limit`), the
   * ways counted by where they start, and optionally only those starting
   * in an OU (`fromUnit`).
   */
  getAccountRoleReach(
    accountId: string,
    query?: AccountRoleReachQuery,
  ): Promise<AccountRoleReach>;
  /**
   * `GET /accounts/:id/roles`: the account's roles others can assume and
   * its roles that reach other accounts, one page of each (`offset`,
   * `limit`) or of the list named (`list`); with `role`, one page of that
   * role's hops.
   */
  getAccountRoles(
    accountId: string,
    query?: AccountRolesQuery,
  ): Promise<AccountRoles>;
  /** `GET /principals/:kind/:namespace/:name/role-reach`: one page of the ways out. */
  getPrincipalRoleReach(
    principal: PrincipalEntityRef,
    page?: PageRequest,
  ): Promise<PrincipalRoleReach>;
  /** `GET /organization/trust-map`; `expand` opens OUs (and `external`). */
  getTrustMap(query?: TrustMapQuery): Promise<TrustMap>;
  /**
   * The URL of a CSV export, for the browser to download itself (streamed
   * to disk, under the server's dated file name): first asks the backend for
   * the Backstage user cookie the export routes accept.
   */
  getDownloadUrl(download: AwsOrganizationsDownload): Promise<string>;
  /** `GET /reviews/campaigns`: newest first, with their progress. */
  listReviewCampaigns(
    query?: PageRequest & { status?: ReviewCampaignStatus },
  ): Promise<Page<ReviewCampaign>>;
  /** `POST /reviews/campaigns` (admins): pins the current snapshot's grants. */
  startReviewCampaign(
    request: CreateReviewCampaignRequest,
  ): Promise<ReviewCampaign>;
  /** `GET /reviews/campaigns/:id`. */
  getReviewCampaign(campaignId: string): Promise<ReviewCampaign>;
  /** `GET /reviews/campaigns/:id/progress`: in all and per team. */
  getReviewCampaignProgress(campaignId: string): Promise<CampaignProgress>;
  /**
   * `GET /reviews/campaigns/:id/items`: one page of the items the caller
   * may see (all for admins, their teams' accounts for others).
   */
  listReviewItems(
    campaignId: string,
    query?: ReviewItemsFilter,
  ): Promise<Page<ReviewItem>>;
  /** `GET /reviews/items/:id`: with the group's members and the log. */
  getReviewItem(itemId: string): Promise<ReviewItemDetail>;
  /** `POST /reviews/decisions`: keep or revoke, all items or none. */
  decideReviewItems(
    request: ReviewDecisionRequest,
  ): Promise<ReviewDecisionsResponse>;
  /** `POST /reviews/handovers`: hand items to another team. */
  handOverReviewItems(
    request: ReviewHandoverRequest,
  ): Promise<ReviewDecisionsResponse>;
  /** `GET /reviews/remediations`: what revocations still ask to remove. */
  listRemediations(query?: RemediationsFilter): Promise<Page<RemediationEntry>>;
  /** `GET /reviews/accounts/:id`: the account's last review and open items. */
  getAccountReviews(accountId: string): Promise<AccountReviewSummary>;
  /** `GET /reviews/teams/progress?team=`: a team's share of active campaigns. */
  getTeamReviews(teamRef: string): Promise<TeamReviews>;
}

/**
 * Filters of a campaign's review items (`GET /reviews/campaigns/:id/items`).
 * Unset filters are not sent.
 *
 * @public
 */
export interface ReviewItemsFilter extends PageRequest {
  /** Only the items assigned to the caller's teams. */
  mine?: boolean;
  state?: ReviewItemState;
  accountId?: string;
  /** Only the items assigned to this team (an entity ref). */
  team?: string;
  privileged?: boolean;
  /** Matches account, permission set and principal names and ids. */
  q?: string;
}

/**
 * Filters of `GET /reviews/remediations`. Unset filters are not sent.
 *
 * @public
 */
export interface RemediationsFilter extends PageRequest {
  campaignId?: string;
  accountId?: string;
  status?: RemediationStatus;
}

/**
 * An export: the organization's access report (`/reports/access.csv`) or
 * one account's access (`/accounts/:id/access.csv`), both in the same
 * columns, or a review campaign's evidence
 * (`/reviews/campaigns/:id/evidence.csv` or `.json`, admins only).
 *
 * @public
 */
export type AwsOrganizationsDownload =
  | { kind: 'access-report' }
  | { kind: 'account-access'; accountId: string }
  | { kind: 'review-evidence'; campaignId: string; format: 'csv' | 'json' };

/**
 * Reference to the {@link AwsOrganizationsApi}.
 *
 * @public
 */
export const awsOrganizationsApiRef = createApiRef<AwsOrganizationsApi>({
  id: 'plugin.aws-organizations.service',
});
