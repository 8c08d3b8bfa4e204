import { TestDatabases } from '@backstage/backend-test-utils';
import { BASE, NONE, SERVICE, USER } from '../__testUtils__/backend';
import { startGovernanceApi } from '../__testUtils__/governanceApi';
import { withRcps } from '../__testUtils__/rcps';

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

async function setup(options: Parameters<typeof startGovernanceApi>[1] = {}) {
  return startGovernanceApi(databases, options);
}

const GET_ROUTES = [
  '/accounts',
  '/accounts/333333333333',
  '/accounts/333333333333/guardrails',
  '/accounts/333333333333/access',
  '/accounts/333333333333/access.csv',
  '/accounts/333333333333/compliance',
  '/accounts/333333333333/history',
  '/organization/tree',
  '/compliance/summary',
  '/compliance/owners',
  '/principals/user/default/alice.smith/access',
  '/reports/access.csv',
];

describe('governance routes', () => {
  it('require credentials on every route', async () => {
    const { api } = await setup();
    for (const path of GET_ROUTES) {
      const res = await api.get(`${BASE}${path}`).set('Authorization', NONE);
      expect({ path, status: res.status }).toEqual({ path, status: 401 });
    }
    const sim = await api
      .post(`${BASE}/simulate`)
      .set('Authorization', NONE)
      .send({ accountId: '333333333333', action: 'iam:CreateUser' });
    expect(sim.status).toBe(401);
  });

  it('answer 503 before the first complete snapshot', async () => {
    const { api } = await setup({ stored: false });
    const res = await api.get(`${BASE}/accounts`).set('Authorization', USER);
    expect(res.status).toBe(503);
    expect(res.body.error.message).toMatch(/first sync has not finished/);
  });

  it('list, filter and page accounts', async () => {
    const { api } = await setup();
    const all = await api.get(`${BASE}/accounts`).set('Authorization', USER);
    expect(all.status).toBe(200);
    expect(all.body.totalCount).toBe(3);
    expect(all.body.items.map((a: any) => a.name)).toEqual([
      'management',
      'payments-dev',
      'payments-prod',
    ]);
    expect(all.body.items[1]).toMatchObject({
      id: '222222222222',
      owner: { ref: 'group:default/payments', source: 'account-tag' },
      entityRef: 'resource:default/aws-account-222222222222',
      compliance: { status: expect.any(String) },
    });
    const prod = await api
      .get(`${BASE}/accounts?ou=ou-prod&q=PAYMENTS&limit=1`)
      .set('Authorization', USER);
    expect(prod.body).toMatchObject({
      totalCount: 1,
      limit: 1,
      items: [{ id: '333333333333' }],
    });
    const owned = await api
      .get(`${BASE}/accounts?owner=payments`)
      .set('Authorization', USER);
    expect(owned.body.items.map((a: any) => a.id)).toEqual(['222222222222']);
    const failing = await api
      .get(`${BASE}/accounts?compliance=fail`)
      .set('Authorization', USER);
    expect(failing.body.items.map((a: any) => a.id)).toContain('333333333333');
  });

  it.each([
    ['limit=0', /limit: must be at least 1/],
    ['limit=501', /limit: must be at most 500/],
    ['state=GONE', /state/],
    ['ou=finance', /ou: must be a root id/],
    ['owner=group%3A', /owner: must be an entity ref/],
    ['compliance=bad', /compliance/],
    ['colour=red', /Unrecognized key/],
  ])('answer 400 on GET /accounts?%s', async (query, message) => {
    const { api } = await setup();
    const res = await api
      .get(`${BASE}/accounts?${query}`)
      .set('Authorization', USER);
    expect(res.status).toBe(400);
    expect(res.body.error.name).toBe('InputError');
    expect(res.body.error.message).toMatch(message);
  });

  it("list the changes of an owner's accounts: GET /changes?owner=", async () => {
    const { api, store } = await setup();
    await store.changes.append(store.db, {
      detectedAt: new Date('2026-02-02T00:00:00Z'),
      changes: [
        {
          kind: 'account.moved',
          accountId: '222222222222',
          subjectId: '222222222222',
          summary: 'payments-dev moved',
        },
        { kind: 'ou.created', subjectId: 'ou-new', summary: 'an OU' },
      ],
    });
    const get = (query: string) =>
      api.get(`${BASE}/changes?${query}`).set('Authorization', USER);
    // payments owns 222222222222 (account tag), not 333333333333.
    const owned = await get('owner=payments');
    expect(owned.status).toBe(200);
    expect(owned.body).toMatchObject({
      items: [{ accountId: '222222222222', summary: 'payments-dev moved' }],
      totalCount: 1,
    });
    // The full ref, in any case, is the same owner; with an account filter
    // both apply.
    expect((await get('owner=Group:default/Payments')).body.totalCount).toBe(1);
    expect(
      (await get('owner=payments&accountId=333333333333')).body,
    ).toMatchObject({ items: [], totalCount: 0 });
    // An owner of no account has no changes (not everyone's).
    expect((await get('owner=nobody')).body).toMatchObject({
      items: [],
      totalCount: 0,
    });
    // Without the filter: every change.
    expect((await get('limit=10')).body.totalCount).toBe(4);
  });

  it.each([
    ['owner=group%3A', /owner: must be an entity ref/],
    [`owner=${'x'.repeat(256)}`, /owner: /],
    ['owner=a&owner=b', /owner: /],
  ])('answer 400 on GET /changes?%s', async (query, message) => {
    const { api } = await setup();
    const res = await api
      .get(`${BASE}/changes?${query}`)
      .set('Authorization', USER);
    expect(res.status).toBe(400);
    expect(res.body.error.name).toBe('InputError');
    expect(res.body.error.message).toMatch(message);
  });

  it('answer 503 on GET /changes?owner= before the first snapshot (ownership is unknown), 200 without it', async () => {
    const { api } = await setup({ stored: false });
    const owned = await api
      .get(`${BASE}/changes?owner=payments`)
      .set('Authorization', USER);
    expect(owned.status).toBe(503);
    expect(owned.body.error.message).toMatch(/first sync has not finished/);
    const all = await api.get(`${BASE}/changes`).set('Authorization', USER);
    expect(all.status).toBe(200);
  });

  it('answer 400 on a malformed account id and 404 on an unknown one', async () => {
    const { api } = await setup();
    for (const suffix of ['', '/guardrails', '/compliance', '/history']) {
      const bad = await api
        .get(`${BASE}/accounts/12345${suffix}`)
        .set('Authorization', USER);
      expect(bad.status).toBe(400);
      expect(bad.body.error.message).toMatch(
        /Invalid account id '12345': an AWS account id is 12 digits/,
      );
      const unknown = await api
        .get(`${BASE}/accounts/999999999999${suffix}`)
        .set('Authorization', USER);
      expect(unknown.status).toBe(404);
      expect(unknown.body.error.message).toMatch(/999999999999/);
    }
  });

  it('serve an account, its guardrails and a simulation', async () => {
    const { api } = await setup();
    const detail = await api
      .get(`${BASE}/accounts/333333333333`)
      .set('Authorization', USER);
    expect(detail.body).toMatchObject({
      id: '333333333333',
      path: [
        { id: 'r-root' },
        { id: 'ou-prod', name: 'Prod' },
        { id: 'ou-payments', name: 'Payments' },
      ],
      isManagementAccount: false,
    });
    const guardrails = await api
      .get(`${BASE}/accounts/333333333333/guardrails`)
      .set('Authorization', USER);
    expect(guardrails.body.levels.map((l: any) => l.kind)).toEqual([
      'root',
      'ou',
      'ou',
      'account',
    ]);
    expect(guardrails.body.levels[0].policies[0]).toMatchObject({
      id: 'p-deny-leave',
    });

    const denied = await api
      .post(`${BASE}/simulate`)
      .set('Authorization', USER)
      .send({
        accountId: '333333333333',
        action: 'organizations:LeaveOrganization',
        region: 'eu-west-1',
      });
    expect(denied.status).toBe(200);
    expect(denied.body.decision).toBe('denied');
    expect(denied.body.decisiveStatements[0]).toMatchObject({
      policyId: 'p-deny-leave',
      effect: 'Deny',
      level: { kind: 'root' },
    });
    const unknown = await api
      .post(`${BASE}/simulate`)
      .set('Authorization', USER)
      .send({ accountId: '999999999999', action: 'iam:CreateUser' });
    expect(unknown.status).toBe(404);
  });

  it.each([
    [{ accountId: '333333333333' }, /action/],
    [{ accountId: '33', action: 'iam:CreateUser' }, /accountId/],
    [{ accountId: '333333333333', action: 'CreateUser' }, /service:Action/],
    [
      { accountId: '333333333333', action: 'iam:CreateUser', region: 'mars' },
      /region/,
    ],
    [
      {
        accountId: '333333333333',
        action: 'iam:CreateUser',
        resource: 'bucket',
      },
      /resource: must be an ARN/,
    ],
    [
      { accountId: '333333333333', action: 'iam:CreateUser', extra: 1 },
      /Unrecognized key/,
    ],
    [
      {
        accountId: '333333333333',
        action: 's3:GetObject',
        principalAccountId: '12',
      },
      /principalAccountId: must be a 12-digit AWS account id/,
    ],
    [
      {
        accountId: '333333333333',
        action: 's3:GetObject',
        resourceAccountId: 'x',
      },
      /resourceAccountId: must be a 12-digit AWS account id/,
    ],
    [
      {
        accountId: '333333333333',
        action: 's3:GetObject',
        principalType: 'robot',
      },
      /principalType/,
    ],
    [
      {
        accountId: '333333333333',
        action: 's3:GetObject',
        principalType: 'service',
      },
      /servicePrincipal: is required when principalType is 'service'/,
    ],
    [
      {
        accountId: '333333333333',
        action: 's3:GetObject',
        servicePrincipal: 'cloudtrail.amazonaws.com',
      },
      /servicePrincipal: is only for principalType 'service'/,
    ],
    [
      {
        accountId: '333333333333',
        action: 's3:GetObject',
        principalType: 'service',
        servicePrincipal: 'not a principal',
      },
      /servicePrincipal: must be an AWS service principal/,
    ],
    [
      {
        accountId: '333333333333',
        action: 's3:GetObject',
        principalOrgId: 'org',
      },
      /principalOrgId: must be an organization id/,
    ],
    [
      {
        accountId: '333333333333',
        action: 's3:GetObject',
        principalAccountId: '222222222222',
        principalOrgId: null,
      },
      /principalOrgId: the principal's account 222222222222 is in this organization/,
    ],
    [
      { accountId: '333333333333', action: 'kms:Decrypt', kmsKeyManager: 'ME' },
      /kmsKeyManager/,
    ],
  ])('answer 400 on POST /simulate %j', async (body, message) => {
    const { api } = await setup();
    const res = await api
      .post(`${BASE}/simulate`)
      .set('Authorization', USER)
      .send(body);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(message);
  });

  it('serve the RCPs of an account and simulate both layers', async () => {
    const { api } = await setup({ transform: withRcps });
    const guardrails = await api
      .get(`${BASE}/accounts/333333333333/guardrails`)
      .set('Authorization', USER);
    expect(guardrails.status).toBe(200);
    expect(guardrails.body.resourceControlPolicies.status).toBe('enabled');
    expect(guardrails.body.resourceControlPolicies.summary[0]).toMatch(
      /^only principals of this organization/,
    );
    expect(guardrails.body.otherPolicyTypes.map((t: any) => t.type)).toEqual([
      'BACKUP_POLICY',
      'TAG_POLICY',
    ]);
    const sim = await api
      .post(`${BASE}/simulate`)
      .set('Authorization', USER)
      .send({
        accountId: '333333333333',
        action: 's3:GetObject',
        resource: 'arn:aws:s3:::prod-data/x',
        region: 'eu-west-1',
        principalAccountId: '777788889999',
        principalOrgId: null,
        context: { 'aws:SecureTransport': true, 'aws:PrincipalArn': 'x' },
      });
    expect(sim.status).toBe(200);
    expect(sim.body.decision).toBe('denied');
    expect(sim.body.layers.decidedBy).toEqual(['rcp']);
    expect(sim.body.decisiveStatements[0]).toMatchObject({
      layer: 'rcp',
      sid: 'EnforceOrgIdentities',
    });
  });

  it('serve who has access to those allowed', async () => {
    const { api } = await setup();
    const access = await api
      .get(`${BASE}/accounts/333333333333/access`)
      .set('Authorization', USER);
    expect(access.status).toBe(200);
    expect(access.body.grants).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          principal: expect.objectContaining({ id: 'u-bob', type: 'USER' }),
          permissionSet: expect.objectContaining({
            name: 'Admin',
            privileged: true,
          }),
          via: 'direct',
        }),
      ]),
    );
    const principal = await api
      .get(`${BASE}/principals/user/default/bob/access`)
      .set('Authorization', USER);
    expect(principal.status).toBe(200);
    expect(principal.body.grants).toEqual([
      expect.objectContaining({
        account: expect.objectContaining({ id: '333333333333' }),
        via: 'direct',
      }),
    ]);
    const csv = await api
      .get(`${BASE}/reports/access.csv`)
      .set('Authorization', USER);
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.headers['content-disposition']).toBe(
      'attachment; filename="aws-access-2026-01-01.csv"',
    );
    const lines = csv.text.trim().split(/\r?\n/);
    expect(lines[0]).toMatch(/^account_id,account_name/);
    expect(lines.some(line => line.includes('u-bob'))).toBe(true);
  });

  it('answer 403 on access details without the permission, but not to services or oneself', async () => {
    const { api } = await setup({ denyUsers: true });
    for (const path of [
      '/principals/user/default/bob/access',
      '/reports/access.csv',
    ]) {
      const res = await api.get(`${BASE}${path}`).set('Authorization', USER);
      expect({ path, status: res.status }).toEqual({ path, status: 403 });
      expect(res.body.error.name).toBe('NotAllowedError');
      const service = await api
        .get(`${BASE}${path}`)
        .set('Authorization', SERVICE);
      expect({ path, status: service.status }).toEqual({ path, status: 200 });
    }
    // mockCredentials.user() is user:default/mock.
    const self = await api
      .get(`${BASE}/principals/user/default/mock/access`)
      .set('Authorization', USER);
    expect(self.status).toBe(200);
    expect(self.body.entityRef).toBe('user:default/mock');
  });

  it("export one account's access in the report's columns and format, as the caller may see it", async () => {
    const { api } = await setup();
    const report = await api
      .get(`${BASE}/reports/access.csv`)
      .set('Authorization', USER);
    const account = await api
      .get(`${BASE}/accounts/222222222222/access.csv`)
      .set('Authorization', USER);
    expect(account.status).toBe(200);
    expect(account.headers['content-type']).toMatch(/^text\/csv/);
    expect(account.headers['content-disposition']).toBe(
      'attachment; filename="aws-account-222222222222-access-2026-01-01.csv"',
    );
    const [header, ...rows] = account.text.split('\r\n').slice(0, -1);
    const reportLines = report.text.split('\r\n');
    expect(header).toBe(reportLines[0]);
    expect(rows.length).toBeGreaterThan(1);
    // The same lines, byte for byte, as the report's for that account.
    expect(reportLines.filter(l => l.startsWith('222222222222,'))).toEqual(
      rows,
    );
    expect(rows.some(r => /,group,g-platform,/.test(r))).toBe(true);

    const restricted = await (await setup({ denyUsers: true })).api
      .get(`${BASE}/accounts/222222222222/access.csv`)
      .set('Authorization', USER);
    expect(restricted.status).toBe(200);
    const visible = restricted.text.split('\r\n').slice(1, -1);
    expect(visible).toEqual([rows.find(r => r.includes(',GROUP,g-platform,'))]);
    expect(restricted.text).not.toMatch(/alice/i);
  });

  it('serve team-level access without the permission: group grants without members, no user grants', async () => {
    const full = await (await setup()).api
      .get(`${BASE}/accounts/222222222222/access`)
      .set('Authorization', USER);
    expect(full.body.grants[0].members).toEqual([
      expect.objectContaining({ userId: 'u-alice' }),
    ]);
    const { api } = await setup({ denyUsers: true });
    const teamLevel = await api
      .get(`${BASE}/accounts/222222222222/access`)
      .set('Authorization', USER);
    expect(teamLevel.status).toBe(200);
    expect(teamLevel.body).toMatchObject({ restricted: true });
    expect(teamLevel.body.grants).toEqual([
      expect.objectContaining({
        principal: expect.objectContaining({ id: 'g-platform' }),
        permissionSet: expect.objectContaining({ name: 'Admin' }),
      }),
    ]);
    expect(teamLevel.body.grants[0].members).toBeUndefined();
    expect(JSON.stringify(teamLevel.body)).not.toMatch(/alice/i);
    // payments-prod is reached by users only: bob and alice, both hidden.
    const usersOnly = await api
      .get(`${BASE}/accounts/333333333333/access`)
      .set('Authorization', USER);
    expect(usersOnly.body).toMatchObject({ restricted: true, grants: [] });
    // A group's reach is team level: every signed-in person may read it.
    const group = await api
      .get(`${BASE}/principals/group/default/platform-team/access`)
      .set('Authorization', USER);
    expect(group.status).toBe(200);
    expect(group.body.grants).toEqual([
      expect.objectContaining({
        account: expect.objectContaining({ id: '222222222222' }),
        via: 'direct',
      }),
    ]);
  });

  it('redact who holds an assignment from compliance and history without the permission', async () => {
    const allowed = (await setup()).api;
    const full = await allowed
      .get(`${BASE}/accounts/333333333333/compliance`)
      .set('Authorization', USER);
    const evidence = full.body.results.flatMap((r: any) => r.evidence);
    expect(evidence).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'assignment', principalId: 'u-bob' }),
      ]),
    );
    const fullHistory = await allowed
      .get(`${BASE}/accounts/333333333333/history`)
      .set('Authorization', USER);
    expect(fullHistory.body.totalCount).toBe(2);

    const { api } = await setup({ denyUsers: true });
    const redacted = await api
      .get(`${BASE}/accounts/333333333333/compliance`)
      .set('Authorization', USER);
    expect(redacted.status).toBe(200);
    const assignments = redacted.body.results
      .flatMap((r: any) => r.evidence)
      .filter((e: any) => e.kind === 'assignment');
    expect(assignments.length).toBeGreaterThan(0);
    expect(JSON.stringify(redacted.body)).not.toMatch(/bob/);
    for (const e of assignments) {
      expect(e.principalId).toBeUndefined();
      expect(e.description).toMatch(/restricted/);
      expect(JSON.stringify(e)).not.toMatch(/bob/);
    }
    const history = await api
      .get(`${BASE}/accounts/333333333333/history`)
      .set('Authorization', USER);
    expect(history.body.items.map((e: any) => e.kind)).toEqual([
      'account.moved',
    ]);
  });

  it('serve the tree and the compliance summary with rollups', async () => {
    const { api } = await setup();
    const tree = await api
      .get(`${BASE}/organization/tree`)
      .set('Authorization', USER);
    expect(tree.status).toBe(200);
    expect(tree.body).toMatchObject({ id: 'r-root', kind: 'root' });
    expect(tree.body.accountCount).toBe(3);
    const prod = tree.body.children.find((c: any) => c.id === 'ou-prod');
    expect(prod.accountCount).toBe(1);
    const summary = await api
      .get(`${BASE}/compliance/summary`)
      .set('Authorization', USER);
    expect(summary.status).toBe(200);
    const counts = summary.body.accounts;
    expect(counts.pass + counts.fail + counts.warn + counts.unknown).toBe(3);
    expect(summary.body.rules.length).toBeGreaterThan(5);
  });

  it('serve the owners bounded in the summary and a page at a time', async () => {
    const { api } = await setup();
    const get = (path: string) =>
      api.get(`${BASE}${path}`).set('Authorization', USER);
    const summary = await get('/compliance/summary?owners=0');
    expect(summary.status).toBe(200);
    expect(summary.body.ownerCount).toBe(1);
    expect(summary.body.byOwner).toEqual([]);
    const all = await get('/compliance/owners');
    expect(all.status).toBe(200);
    expect(all.body.totalCount).toBe(summary.body.ownerCount);
    const one = await get('/compliance/owners?ref=payments');
    expect(one.status).toBe(200);
    expect(one.body.items).toEqual([
      {
        ref: 'group:default/payments',
        counts: expect.objectContaining({ pass: expect.any(Number) }),
      },
    ]);
    expect((await get('/compliance/owners?q=PAY')).body.items).toEqual(
      one.body.items,
    );
    expect((await get('/compliance/summary?owners=101')).status).toBe(400);
    expect((await get('/compliance/owners?sort=ref')).status).toBe(400);
  });

  it('serve the tree as deep and as detailed as asked', async () => {
    const { api } = await setup();
    const get = (query: string) =>
      api.get(`${BASE}/organization/tree${query}`).set('Authorization', USER);
    const whole = (await get('')).body;
    // Unchanged without options: every node lists its accounts.
    expect(whole.accounts.map((a: any) => a.id)).toEqual(['111111111111']);
    expect(whole.childCount).toBe(whole.children.length);

    const res = await get('?depth=1&accounts=false');
    expect(res.status).toBe(200);
    const nodeKeys = [
      'accountCount',
      'childCount',
      'children',
      'compliance',
      'id',
      'kind',
      'name',
    ];
    // Exactly these fields (and `owner` where known): no account lists.
    const keys = (node: object) =>
      Object.keys(node)
        .filter(key => key !== 'owner')
        .sort();
    expect(keys(res.body)).toEqual(nodeKeys);
    const dev = res.body.children.find((c: any) => c.id === 'ou-dev');
    expect(keys(dev)).toEqual(nodeKeys);
    expect(dev).toMatchObject({ childCount: 0, children: [] });
    // The level below is cut, its counts are kept.
    const prod = res.body.children.find((c: any) => c.id === 'ou-prod');
    expect(prod).toMatchObject({ accountCount: 1, childCount: 1 });
    expect(prod.children).toEqual([]);
    expect(res.text).not.toMatch(/\d{12}/);

    const sub = await get('?unit=ou-prod&depth=1&accounts=false');
    expect(sub.status).toBe(200);
    expect(sub.body).toMatchObject({
      id: 'ou-prod',
      kind: 'ou',
      accountCount: 1,
      childCount: 1,
    });
    expect(sub.body.children.map((c: any) => c.id)).toEqual(['ou-payments']);
    expect(keys(sub.body.children[0])).toEqual(nodeKeys);

    const missing = await get('?unit=ou-nope-12345678');
    expect(missing.status).toBe(404);
    expect(missing.body.error.message).toMatch(/ou-nope-12345678/);
  });

  it.each([
    ['depth=6', /depth: must be at most 5/],
    ['depth=-1', /depth: must be a non-negative integer/],
    ['accounts=no', /accounts/],
    ['unit=finance', /unit: must be a root id/],
    ['colour=red', /Unrecognized key/],
  ])('answer 400 on GET /organization/tree?%s', async (query, message) => {
    const { api } = await setup();
    const res = await api
      .get(`${BASE}/organization/tree?${query}`)
      .set('Authorization', USER);
    expect(res.status).toBe(400);
    expect(res.body.error.name).toBe('InputError');
    expect(res.body.error.message).toMatch(message);
  });
});
