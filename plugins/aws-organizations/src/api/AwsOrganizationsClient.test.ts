import { AwsOrganizationsClient } from './AwsOrganizationsClient';

const BASE = 'http://backstage/api/aws-organizations';

const discoveryApi = {
  getBaseUrl: jest.fn(async (id: string) => `http://backstage/api/${id}`),
};

function jsonResponse(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status,
    statusText: status < 300 ? 'OK' : 'Error',
    headers: { 'content-type': 'application/json' },
  });
}

function errorResponse(status: number, message: string): Response {
  return jsonResponse(status, {
    error: { name: 'Error', message },
    response: { statusCode: status },
  });
}

function setup(response: () => Response = () => jsonResponse(200, {})) {
  const fetch = jest.fn(async (_url: string, _init?: RequestInit) =>
    response(),
  );
  const client = new AwsOrganizationsClient({
    discoveryApi,
    fetchApi: { fetch: fetch as unknown as typeof globalThis.fetch },
  });
  return { client, fetch };
}

describe('AwsOrganizationsClient', () => {
  it('calls the plugin through discovery and fetchApi', async () => {
    const { client, fetch } = setup(() =>
      jsonResponse(200, { status: 'ok', database: 'ok' }),
    );
    await expect(client.getHealth()).resolves.toEqual({
      status: 'ok',
      database: 'ok',
    });
    expect(discoveryApi.getBaseUrl).toHaveBeenCalledWith('aws-organizations');
    expect(fetch).toHaveBeenCalledWith(`${BASE}/health`);
  });

  it.each([
    ['getSyncStatus', [], '/sync/status'],
    ['getAccount', ['123456789012'], '/accounts/123456789012'],
    [
      'getAccountGuardrails',
      ['123456789012'],
      '/accounts/123456789012/guardrails',
    ],
    ['getAccountAccess', ['123456789012'], '/accounts/123456789012/access'],
    [
      'getAccountCompliance',
      ['123456789012'],
      '/accounts/123456789012/compliance',
    ],
    [
      'getAccountHistory',
      ['123456789012', { offset: 50, limit: 25 }],
      '/accounts/123456789012/history?offset=50&limit=25',
    ],
    ['getAccountHistory', ['123456789012'], '/accounts/123456789012/history'],
    [
      'getAccountFindingCounts',
      ['123456789012'],
      '/accounts/123456789012/findings/counts',
    ],
    ['getAccountFindings', ['123456789012'], '/accounts/123456789012/findings'],
    [
      'getAccountFindings',
      ['123456789012', { limit: 20 }],
      '/accounts/123456789012/findings?limit=20',
    ],
    [
      'getAccountFindingHistory',
      ['123456789012', { limit: 30 }],
      '/accounts/123456789012/findings/history?limit=30',
    ],
    [
      'getTeamFindings',
      [{ namespace: 'default', name: 'team a/b' }, { limit: 10 }],
      '/teams/default/team%20a%2Fb/findings?limit=10',
    ],
    ['getFindingsRollup', [], '/findings/rollup'],
    ['getOrganizationTree', [], '/organization/tree'],
    ['getComplianceSummary', [], '/compliance/summary'],
    ['getComplianceSummary', [{ owners: 5 }], '/compliance/summary?owners=5'],
    ['listOwners', [], '/compliance/owners'],
    [
      'listOwners',
      [{ q: ' pay ', ref: 'group:default/payments', offset: 50, limit: 50 }],
      '/compliance/owners?q=pay&ref=group%3Adefault%2Fpayments&offset=50&limit=50',
    ],
    ['listAccounts', [], '/accounts'],
    [
      'listAccounts',
      [
        {
          ou: 'ou-ab12-cd34ef56',
          owner: 'group:default/payments',
          state: 'ACTIVE',
          compliance: 'fail',
          q: ' pay dev ',
          offset: 0,
          limit: 20,
        },
      ],
      '/accounts?ou=ou-ab12-cd34ef56&owner=group%3Adefault%2Fpayments&state=ACTIVE&compliance=fail&q=pay+dev&offset=0&limit=20',
    ],
    ['listAccounts', [{ q: '', owner: undefined }], '/accounts'],
    [
      'listChanges',
      [
        {
          accountId: '123456789012',
          kind: 'account.moved',
          since: '2024-01-01T00:00:00Z',
          limit: 10,
        },
      ],
      '/changes?accountId=123456789012&kind=account.moved&since=2024-01-01T00%3A00%3A00Z&limit=10',
    ],
    [
      'listChanges',
      [{ owner: 'group:default/payments', limit: 5 }],
      '/changes?owner=group%3Adefault%2Fpayments&limit=5',
    ],
    [
      'getPrincipalAccess',
      [{ kind: 'group', namespace: 'default', name: 'team a/b' }],
      '/principals/group/default/team%20a%2Fb/access',
    ],
    ['getAccount', ['../sync'], '/accounts/..%2Fsync'],
    ['getAccountRoles', ['123456789012'], '/accounts/123456789012/roles'],
    [
      'getAccountRoles',
      ['123456789012', { offset: 100, limit: 100, list: 'assumable' }],
      '/accounts/123456789012/roles?offset=100&limit=100&list=assumable',
    ],
    [
      'getAccountRoles',
      [
        '123456789012',
        { offset: 20, role: 'arn:aws:iam::123456789012:role/ops/Deploy' },
      ],
      '/accounts/123456789012/roles?offset=20&role=arn%3Aaws%3Aiam%3A%3A123456789012%3Arole%2Fops%2FDeploy',
    ],
    [
      'listReviewCampaigns',
      [{ status: 'active' }],
      '/reviews/campaigns?status=active',
    ],
    ['getReviewCampaign', ['7'], '/reviews/campaigns/7'],
    ['getReviewCampaignProgress', ['7'], '/reviews/campaigns/7/progress'],
    [
      'listReviewItems',
      [
        '7',
        {
          mine: true,
          state: 'pending',
          privileged: false,
          team: 'group:default/payments',
          q: ' admin ',
          offset: 100,
          limit: 100,
        },
      ],
      '/reviews/campaigns/7/items?mine=true&state=pending&team=group%3Adefault%2Fpayments&privileged=false&q=admin&offset=100&limit=100',
    ],
    ['getReviewItem', ['101'], '/reviews/items/101'],
    [
      'listRemediations',
      [{ campaignId: '7', status: 'open' }],
      '/reviews/remediations?campaignId=7&status=open',
    ],
    ['getAccountReviews', ['123456789012'], '/reviews/accounts/123456789012'],
    [
      'getTeamReviews',
      ['group:default/payments'],
      '/reviews/teams/progress?team=group%3Adefault%2Fpayments',
    ],
  ])('%s(%j) requests %s', async (method, args, path) => {
    const { client, fetch } = setup();
    await (client as any)[method](...args);
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(fetch.mock.calls[0][0]).toBe(`${BASE}${path}`);
  });

  it.each([
    [
      'startReviewCampaign',
      { name: 'Q1', dueAt: '2027-01-01T00:00:00Z' },
      '/reviews/campaigns',
    ],
    [
      'decideReviewItems',
      { itemIds: ['1'], decision: 'revoke', reason: 'left' },
      '/reviews/decisions',
    ],
    [
      'handOverReviewItems',
      { itemIds: ['1'], toTeamRef: 'payments' },
      '/reviews/handovers',
    ],
  ])('%s posts its body as JSON to %s', async (method, body, path) => {
    const { client, fetch } = setup();
    await (client as any)[method](body);
    expect(fetch).toHaveBeenCalledWith(`${BASE}${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
  });

  it('posts simulation requests as JSON', async () => {
    const result = {
      decision: 'denied',
      reasons: ['x'],
      decisiveStatements: [],
    };
    const { client, fetch } = setup(() => jsonResponse(200, result));
    const request = {
      accountId: '123456789012',
      action: 's3:PutObject',
      region: 'eu-west-1',
    };
    await expect(client.simulate(request)).resolves.toEqual(result);
    const [url, init] = fetch.mock.calls[0];
    expect(url).toBe(`${BASE}/simulate`);
    expect(init?.method).toBe('POST');
    expect(init?.headers).toEqual({ 'Content-Type': 'application/json' });
    expect(JSON.parse(init?.body as string)).toEqual(request);
  });

  it('triggers a sync with POST and accepts 202 without a body', async () => {
    const { client, fetch } = setup(
      () => new Response(null, { status: 202, statusText: 'Accepted' }),
    );
    await expect(client.triggerSync()).resolves.toBeUndefined();
    expect(fetch).toHaveBeenCalledWith(`${BASE}/sync`, { method: 'POST' });
  });

  it('rejects a sync request with the 409 status when one is running', async () => {
    const { client } = setup(() => errorResponse(409, 'A sync is running'));
    const error = await client.triggerSync().catch(e => e);
    expect(error).toMatchObject({ name: 'ResponseError', statusCode: 409 });
    expect(error.cause.message).toBe('A sync is running');
  });

  it('asks for the user cookie, then gives the URL the browser downloads', async () => {
    const { client, fetch } = setup(() =>
      jsonResponse(200, { expiresAt: '2026-01-01T01:00:00Z' }),
    );
    await expect(
      client.getDownloadUrl({ kind: 'access-report' }),
    ).resolves.toBe(`${BASE}/reports/access.csv`);
    expect(fetch).toHaveBeenCalledWith(`${BASE}/.backstage/auth/v1/cookie`, {
      credentials: 'include',
    });
    await expect(
      client.getDownloadUrl({
        kind: 'account-access',
        accountId: '123456789012',
      }),
    ).resolves.toBe(`${BASE}/accounts/123456789012/access.csv`);
    await expect(
      client.getDownloadUrl({
        kind: 'review-evidence',
        campaignId: '7',
        format: 'csv',
      }),
    ).resolves.toBe(`${BASE}/reviews/campaigns/7/evidence.csv`);
  });

  it('throws a ResponseError when the cookie is refused', async () => {
    const { client } = setup(() => errorResponse(401, 'no'));
    await expect(
      client.getDownloadUrl({ kind: 'access-report' }),
    ).rejects.toMatchObject({ name: 'ResponseError', statusCode: 401 });
  });

  it.each([
    [403, 'getAccountAccess'],
    [404, 'getAccount'],
    [400, 'getAccountCompliance'],
    [503, 'getHealth'],
  ])('throws a ResponseError carrying %i', async (status, method) => {
    const { client } = setup(() => errorResponse(status, 'nope'));
    await expect((client as any)[method]('123456789012')).rejects.toMatchObject(
      { name: 'ResponseError', statusCode: status },
    );
  });
});
