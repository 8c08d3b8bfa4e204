import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  AccountAccess,
  AccountCompliance,
  AccountRoleReach,
  AccountRoleReachQuery,
  AccountRoles,
  AccountRolesQuery,
  AccountDetail,
  AccountGuardrails,
  AccountSummary,
  AccountFindingCountsResponse,
  AccountFindingHistoryResponse,
  AccountFindingsResponse,
  ChangeLogEntry,
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
  TeamReviews,
  OrganizationComplianceSummary,
  OrgTreeNode,
  OwnerCompliance,
  Page,
  PrincipalAccess,
  PrincipalRoleReach,
  SimulationRequest,
  SimulationResult,
  SyncStatus,
  TrustMap,
  TrustMapQuery,
} from '@aws-governance/plugin-aws-organizations-common';
import {
  AccountsQuery,
  AwsOrganizationsApi,
  AwsOrganizationsDownload,
  AwsOrganizationsHealth,
  ChangesQuery,
  OrganizationTreeQuery,
  OwnersQuery,
  PageRequest,
  PrincipalEntityRef,
  RemediationsFilter,
  ReviewItemsFilter,
} from './AwsOrganizationsApi';

type QueryValue = string | number | boolean | undefined;

/** `?a=1&b=x` from the set values, in the given order; '' when none is set. */
function queryString(params: Record<string, QueryValue>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== '') {
      search.append(key, String(value));
    }
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

function segment(value: string): string {
  return encodeURIComponent(value);
}

/**
 * The default {@link AwsOrganizationsApi}: resolves the backend through the
 * discovery API and calls it with the signed-in user's credentials
 * (fetchApi). Errors carry the backend's message (ResponseError).
 *
 * @public
 */
export class AwsOrganizationsClient implements AwsOrganizationsApi {
  readonly #discoveryApi: DiscoveryApi;
  readonly #fetchApi: FetchApi;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.#discoveryApi = options.discoveryApi;
    this.#fetchApi = options.fetchApi;
  }

  async getHealth(): Promise<AwsOrganizationsHealth> {
    return this.#json('/health');
  }

  async getSyncStatus(
    query: { unmappedLimit?: number } = {},
  ): Promise<SyncStatus> {
    return this.#json(
      `/sync/status${queryString({ unmappedLimit: query.unmappedLimit })}`,
    );
  }

  async triggerSync(): Promise<void> {
    await this.#request('/sync', { method: 'POST' });
  }

  async listChanges(query: ChangesQuery = {}): Promise<Page<ChangeLogEntry>> {
    return this.#json(
      `/changes${queryString({
        accountId: query.accountId,
        owner: query.owner,
        kind: query.kind,
        since: query.since,
        offset: query.offset,
        limit: query.limit,
      })}`,
    );
  }

  async listAccounts(query: AccountsQuery = {}): Promise<Page<AccountSummary>> {
    return this.#json(
      `/accounts${queryString({
        ou: query.ou,
        owner: query.owner,
        state: query.state,
        compliance: query.compliance,
        q: query.q?.trim(),
        offset: query.offset,
        limit: query.limit,
      })}`,
    );
  }

  async getAccount(accountId: string): Promise<AccountDetail> {
    return this.#json(`/accounts/${segment(accountId)}`);
  }

  async getAccountFindingCounts(
    accountId: string,
  ): Promise<AccountFindingCountsResponse> {
    return this.#json(`/accounts/${segment(accountId)}/findings/counts`);
  }

  async getAccountFindings(
    accountId: string,
    query: { limit?: number } = {},
  ): Promise<AccountFindingsResponse> {
    return this.#json(
      `/accounts/${segment(accountId)}/findings${queryString({
        limit: query.limit,
      })}`,
    );
  }

  async getAccountFindingHistory(
    accountId: string,
    query: { limit?: number } = {},
  ): Promise<AccountFindingHistoryResponse> {
    return this.#json(
      `/accounts/${segment(accountId)}/findings/history${queryString({
        limit: query.limit,
      })}`,
    );
  }

  async getTeamFindings(
    team: { namespace: string; name: string },
    query: { limit?: number } = {},
  ): Promise<TeamFindingsResponse> {
    return this.#json(
      `/teams/${segment(team.namespace)}/${segment(
        team.name,
      )}/findings${queryString({ limit: query.limit })}`,
    );
  }

  async getFindingsRollup(query?: {
    worst?: number;
  }): Promise<FindingsRollupResponse> {
    return this.#json(`/findings/rollup${queryString(query ?? {})}`);
  }

  async getAccountGuardrails(accountId: string): Promise<AccountGuardrails> {
    return this.#json(`/accounts/${segment(accountId)}/guardrails`);
  }

  async getAccountAccess(accountId: string): Promise<AccountAccess> {
    return this.#json(`/accounts/${segment(accountId)}/access`);
  }

  async getAccountCompliance(accountId: string): Promise<AccountCompliance> {
    return this.#json(`/accounts/${segment(accountId)}/compliance`);
  }

  async getAccountHistory(
    accountId: string,
    page: PageRequest = {},
  ): Promise<Page<ChangeLogEntry>> {
    return this.#json(
      `/accounts/${segment(accountId)}/history${queryString({
        offset: page.offset,
        limit: page.limit,
      })}`,
    );
  }

  async getOrganizationTree(
    query: OrganizationTreeQuery = {},
  ): Promise<OrgTreeNode> {
    return this.#json(
      `/organization/tree${queryString({
        unit: query.unit,
        depth: query.depth,
        accounts: query.accounts === false ? 'false' : undefined,
      })}`,
    );
  }

  async getComplianceSummary(
    query: { owners?: number } = {},
  ): Promise<OrganizationComplianceSummary> {
    return this.#json(
      `/compliance/summary${queryString({ owners: query.owners })}`,
    );
  }

  async listOwners(query: OwnersQuery = {}): Promise<Page<OwnerCompliance>> {
    return this.#json(
      `/compliance/owners${queryString({
        q: query.q?.trim(),
        ref: query.ref,
        offset: query.offset,
        limit: query.limit,
      })}`,
    );
  }

  async simulate(request: SimulationRequest): Promise<SimulationResult> {
    return this.#json('/simulate', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(request),
    });
  }

  async getPrincipalAccess(
    principal: PrincipalEntityRef,
  ): Promise<PrincipalAccess> {
    return this.#json(
      `/principals/${segment(principal.kind)}/${segment(
        principal.namespace,
      )}/${segment(principal.name)}/access`,
    );
  }

  async getAccountRoleReach(
    accountId: string,
    query: AccountRoleReachQuery = {},
  ): Promise<AccountRoleReach> {
    return this.#json(
      `/accounts/${segment(accountId)}/role-reach${queryString({
        offset: query.offset,
        limit: query.limit,
        fromUnit: query.fromUnit,
      })}`,
    );
  }

  async getAccountRoles(
    accountId: string,
    query: AccountRolesQuery = {},
  ): Promise<AccountRoles> {
    return this.#json(
      `/accounts/${segment(accountId)}/roles${queryString({
        offset: query.offset,
        limit: query.limit,
        list: query.list,
        role: query.role,
      })}`,
    );
  }

  async getPrincipalRoleReach(
    principal: PrincipalEntityRef,
    page: PageRequest = {},
  ): Promise<PrincipalRoleReach> {
    return this.#json(
      `/principals/${segment(principal.kind)}/${segment(
        principal.namespace,
      )}/${segment(principal.name)}/role-reach${queryString({
        offset: page.offset,
        limit: page.limit,
      })}`,
    );
  }

  async getTrustMap(query: TrustMapQuery = {}): Promise<TrustMap> {
    const expand = query.expand?.length ? query.expand.join(',') : undefined;
    return this.#json(`/organization/trust-map${queryString({ expand })}`);
  }

  async getDownloadUrl(download: AwsOrganizationsDownload): Promise<string> {
    const baseUrl = await this.#discoveryApi.getBaseUrl('aws-organizations');
    // Backstage's cookie endpoint of the plugin (as TechDocs uses): the
    // browser then sends the user cookie with the download itself.
    const cookie = await this.#fetchApi.fetch(
      `${baseUrl}/.backstage/auth/v1/cookie`,
      { credentials: 'include' },
    );
    if (!cookie.ok) {
      throw await ResponseError.fromResponse(cookie);
    }
    switch (download.kind) {
      case 'access-report':
        return `${baseUrl}/reports/access.csv`;
      case 'account-access':
        return `${baseUrl}/accounts/${segment(download.accountId)}/access.csv`;
      default:
        return `${baseUrl}/reviews/campaigns/${segment(
          download.campaignId,
        )}/evidence.${download.format}`;
    }
  }

  async listReviewCampaigns(
    query: PageRequest & { status?: ReviewCampaignStatus } = {},
  ): Promise<Page<ReviewCampaign>> {
    return this.#json(
      `/reviews/campaigns${queryString({
        status: query.status,
        offset: query.offset,
        limit: query.limit,
      })}`,
    );
  }

  async startReviewCampaign(
    request: CreateReviewCampaignRequest,
  ): Promise<ReviewCampaign> {
    return this.#post('/reviews/campaigns', request);
  }

  async getReviewCampaign(campaignId: string): Promise<ReviewCampaign> {
    return this.#json(`/reviews/campaigns/${segment(campaignId)}`);
  }

  async getReviewCampaignProgress(
    campaignId: string,
  ): Promise<CampaignProgress> {
    return this.#json(`/reviews/campaigns/${segment(campaignId)}/progress`);
  }

  async listReviewItems(
    campaignId: string,
    query: ReviewItemsFilter = {},
  ): Promise<Page<ReviewItem>> {
    return this.#json(
      `/reviews/campaigns/${segment(campaignId)}/items${queryString({
        mine: query.mine,
        state: query.state,
        accountId: query.accountId,
        team: query.team,
        privileged: query.privileged,
        q: query.q?.trim(),
        offset: query.offset,
        limit: query.limit,
      })}`,
    );
  }

  async getReviewItem(itemId: string): Promise<ReviewItemDetail> {
    return this.#json(`/reviews/items/${segment(itemId)}`);
  }

  async decideReviewItems(
    request: ReviewDecisionRequest,
  ): Promise<ReviewDecisionsResponse> {
    return this.#post('/reviews/decisions', request);
  }

  async handOverReviewItems(
    request: ReviewHandoverRequest,
  ): Promise<ReviewDecisionsResponse> {
    return this.#post('/reviews/handovers', request);
  }

  async listRemediations(
    query: RemediationsFilter = {},
  ): Promise<Page<RemediationEntry>> {
    return this.#json(
      `/reviews/remediations${queryString({
        campaignId: query.campaignId,
        accountId: query.accountId,
        status: query.status,
        offset: query.offset,
        limit: query.limit,
      })}`,
    );
  }

  async getAccountReviews(accountId: string): Promise<AccountReviewSummary> {
    return this.#json(`/reviews/accounts/${segment(accountId)}`);
  }

  async getTeamReviews(teamRef: string): Promise<TeamReviews> {
    return this.#json(
      `/reviews/teams/progress${queryString({ team: teamRef })}`,
    );
  }

  async #post<T>(path: string, body: unknown): Promise<T> {
    return this.#json(path, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
  }

  async #json<T>(path: string, init?: RequestInit): Promise<T> {
    const response = await this.#request(path, init);
    return (await response.json()) as T;
  }

  async #request(path: string, init?: RequestInit): Promise<Response> {
    const baseUrl = await this.#discoveryApi.getBaseUrl('aws-organizations');
    const url = `${baseUrl}${path}`;
    const response = init
      ? await this.#fetchApi.fetch(url, init)
      : await this.#fetchApi.fetch(url);
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return response;
  }
}
