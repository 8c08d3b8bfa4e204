import { TestDatabases } from '@backstage/backend-test-utils';
import { BASE, NONE, USER } from '../__testUtils__/backend';
import { startGovernanceApi } from '../__testUtils__/governanceApi';
import {
  DEPLOY_ROLE,
  DEV_ACCOUNT,
  PROD_ACCOUNT,
  SSO_ADMIN_ROLE,
  withRoleReach,
} from '../__testUtils__/roleReachSnapshot';
import { VENDOR } from '../__testUtils__/roleFixtures';

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

const setup = (options: Parameters<typeof startGovernanceApi>[1] = {}) =>
  startGovernanceApi(databases, { transform: withRoleReach, ...options });

const ROUTES = [
  `/accounts/${PROD_ACCOUNT}/role-reach`,
  `/accounts/${PROD_ACCOUNT}/roles`,
  '/principals/group/default/platform-team/role-reach',
  '/organization/trust-map',
];

describe('reach through roles routes', () => {
  it('require credentials', async () => {
    const { api } = await setup();
    for (const path of ROUTES) {
      const res = await api.get(`${BASE}${path}`).set('Authorization', NONE);
      expect({ path, status: res.status }).toEqual({ path, status: 401 });
    }
  });

  it('answer who reaches an account, with the path, the deciding statements and the people', async () => {
    const { api } = await setup();
    const res = await api
      .get(`${BASE}/accounts/${PROD_ACCOUNT}/role-reach`)
      .set('Authorization', USER);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      accountId: PROD_ACCOUNT,
      status: 'known',
      maxDepth: 3,
      incomplete: { count: 1, accountIds: ['111111111111'] },
      accountNames: {
        [DEV_ACCOUNT]: 'payments-dev',
        [PROD_ACCOUNT]: 'payments-prod',
      },
    });
    expect(res.body.entries).toHaveLength(1);
    const [entry] = res.body.entries;
    expect(entry.path.start).toEqual({
      permissionSetArn: 'arn:aws:sso:::permissionSet/ssoins-test/ps-admin',
      permissionSetName: 'Admin',
      accountId: DEV_ACCOUNT,
    });
    const [hop] = entry.path.hops;
    expect(hop).toMatchObject({
      fromRoleArn: SSO_ADMIN_ROLE,
      toRoleArn: DEPLOY_ROLE,
      decision: 'allowed',
    });
    expect(
      Object.fromEntries(
        hop.steps.map((s: any) => [
          s.check,
          s.statements.map((x: any) => `${x.policy}:${x.policyName}`),
        ]),
      ),
    ).toEqual({
      identity: ['identity:AdministratorAccess'],
      trust: [`trust:trust policy of ${DEPLOY_ROLE}`],
      guardrails: expect.arrayContaining(['scp:FullAWSAccess']),
    });
    expect(entry.holders).toEqual([
      {
        principal: expect.objectContaining({
          type: 'GROUP',
          id: 'g-platform',
          name: 'Platform Team',
        }),
        members: [expect.objectContaining({ userId: 'u-alice' })],
      },
    ]);
  });

  it('page the ways in and open the OU they start in', async () => {
    const { api } = await setup();
    const get = (query: string) =>
      api
        .get(`${BASE}/accounts/${PROD_ACCOUNT}/role-reach${query}`)
        .set('Authorization', USER);
    const first = await get('?limit=1');
    expect(first.body).toMatchObject({
      totalCount: 1,
      offset: 0,
      limit: 1,
      decisions: { allowed: 1, indeterminate: 0 },
      sources: [{ id: 'ou-dev', kind: 'unit', paths: 1 }],
      sourcesOmitted: { count: 0, paths: 0 },
    });
    expect(first.body.entries).toHaveLength(1);
    expect((await get('?offset=1')).body.entries).toEqual([]);
    const dev = await get('?fromUnit=ou-dev');
    expect(dev.body).toMatchObject({ fromUnit: 'ou-dev', totalCount: 1 });
    expect(dev.body.sources).toEqual([
      expect.objectContaining({ id: DEV_ACCOUNT, kind: 'account' }),
    ]);
    const prod = await get('?fromUnit=ou-prod');
    expect(prod.body).toMatchObject({ totalCount: 0, entries: [] });
    const team = await api
      .get(`${BASE}/principals/group/default/platform-team/role-reach?limit=1`)
      .set('Authorization', USER);
    expect(team.body).toMatchObject({
      totalCount: 1,
      accountCount: 1,
      limit: 1,
    });
  });

  it('leave people out without aws-organizations.access.read', async () => {
    const { api } = await setup({ denyUsers: true });
    const res = await api
      .get(`${BASE}/accounts/${PROD_ACCOUNT}/role-reach`)
      .set('Authorization', USER);
    expect(res.status).toBe(200);
    expect(res.body.restricted).toBe(true);
    expect(res.body.entries[0].holders).toEqual([
      { principal: expect.objectContaining({ type: 'GROUP' }) },
    ]);
    expect(JSON.stringify(res.body)).not.toMatch(/alice/i);
    const person = await api
      .get(`${BASE}/principals/user/default/alice.smith/role-reach`)
      .set('Authorization', USER);
    expect(person.status).toBe(403);
  });

  it('list the roles others can assume and the roles that reach elsewhere', async () => {
    const { api } = await setup();
    const prod = await api
      .get(`${BASE}/accounts/${PROD_ACCOUNT}/roles`)
      .set('Authorization', USER);
    expect(prod.status).toBe(200);
    expect(prod.body).toMatchObject({ status: 'known', roleCount: 2 });
    expect(
      prod.body.assumable.map((r: any) => [
        r.roleName,
        r.reachPaths,
        r.trusted.map((t: any) => [t.label, t.external]),
      ]),
    ).toEqual([
      ['Deploy', 1, [[`account payments-dev (${DEV_ACCOUNT})`, false]]],
      ['Vendor', 0, [[`account ${VENDOR} (outside the organization)`, true]]],
    ]);
    const dev = await api
      .get(`${BASE}/accounts/${DEV_ACCOUNT}/roles`)
      .set('Authorization', USER);
    expect(dev.body.reachingElsewhere).toEqual([
      expect.objectContaining({
        roleArn: SSO_ADMIN_ROLE,
        hops: [expect.objectContaining({ toRoleArn: DEPLOY_ROLE })],
      }),
    ]);
    expect(dev.body).toMatchObject({
      reachingElsewhereCount: 1,
      offset: 0,
      limit: 50,
    });
    expect(dev.body.reachingElsewhere[0]).toMatchObject({
      hopCount: 1,
      hopDecisions: { allowed: 1, indeterminate: 0 },
    });
    const management = await api
      .get(`${BASE}/accounts/111111111111/roles`)
      .set('Authorization', USER);
    expect(management.body).toMatchObject({
      status: 'unknown',
      reason: 'the roles of account 111111111111 were not read',
    });
  });

  it("page the roles of an account, one list or one role's hops at a time", async () => {
    const { api } = await setup();
    const page = (query: string, account = PROD_ACCOUNT) =>
      api
        .get(`${BASE}/accounts/${account}/roles?${query}`)
        .set('Authorization', USER);
    const second = await page('offset=1&limit=1');
    expect(second.status).toBe(200);
    expect(second.body).toMatchObject({
      offset: 1,
      limit: 1,
      assumableCount: 2,
      reachingElsewhereCount: 0,
    });
    expect(second.body.assumable.map((r: any) => r.roleName)).toEqual([
      'Vendor',
    ]);
    const first = await page('limit=1&list=assumable');
    expect(first.body).toMatchObject({ list: 'assumable', assumableCount: 2 });
    expect(first.body.assumable.map((r: any) => r.roleName)).toEqual([
      'Deploy',
    ]);
    const outboundOnly = await page('list=reaching-elsewhere', DEV_ACCOUNT);
    expect(outboundOnly.body).toMatchObject({
      assumable: [],
      assumableCount: 0,
      reachingElsewhereCount: 1,
    });
    const hops = await page(
      `role=${encodeURIComponent(SSO_ADMIN_ROLE)}`,
      DEV_ACCOUNT,
    );
    expect(hops.status).toBe(200);
    expect(hops.body).toMatchObject({
      role: SSO_ADMIN_ROLE,
      reachingElsewhereCount: 1,
      accountNames: { [PROD_ACCOUNT]: 'payments-prod' },
    });
    expect(hops.body.reachingElsewhere).toEqual([
      expect.objectContaining({
        roleArn: SSO_ADMIN_ROLE,
        hopCount: 1,
        hops: [expect.objectContaining({ toRoleArn: DEPLOY_ROLE })],
      }),
    ]);
    const past = await page(
      `role=${encodeURIComponent(SSO_ADMIN_ROLE)}&offset=1`,
      DEV_ACCOUNT,
    );
    expect(past.body.reachingElsewhere[0]).toMatchObject({
      hopCount: 1,
      hops: [],
    });
  });

  it('answer what a team reaches through roles', async () => {
    const { api } = await setup({ denyUsers: true });
    const res = await api
      .get(`${BASE}/principals/group/default/platform-team/role-reach`)
      .set('Authorization', USER);
    expect(res.status).toBe(200);
    expect(res.body.entries).toEqual([
      expect.objectContaining({
        accountId: PROD_ACCOUNT,
        accountName: 'payments-prod',
        via: 'direct',
        entityRef: `resource:default/aws-account-${PROD_ACCOUNT}`,
      }),
    ]);
  });

  it('draw the trust map by OU, opening OUs on demand, outside accounts highlighted', async () => {
    const { api } = await setup();
    const top = await api
      .get(`${BASE}/organization/trust-map`)
      .set('Authorization', USER);
    expect(top.status).toBe(200);
    expect(top.body.nodes.map((n: any) => [n.id, n.accounts])).toEqual([
      ['ou-dev', 1],
      ['ou-prod', 1],
      ['111111111111', 1],
      ['external', 0],
    ]);
    expect(
      top.body.edges.map((e: any) => [e.from, e.to, e.roles, e.external]),
    ).toEqual([
      ['external', 'ou-prod', 1, true],
      ['ou-dev', 'ou-prod', 1, false],
    ]);
    const opened = await api
      .get(`${BASE}/organization/trust-map?expand=ou-prod,external`)
      .set('Authorization', USER);
    expect(opened.body.edges.map((e: any) => [e.from, e.to])).toEqual([
      [`external:${VENDOR}`, 'ou-payments'],
      ['ou-dev', 'ou-payments'],
    ]);
  });

  it('answer 400 for bad input and 404 for what the organization lacks', async () => {
    const { api } = await setup();
    const cases: [string, number][] = [
      ['/accounts/12345/role-reach', 400],
      ['/accounts/12345/roles', 400],
      ['/accounts/999999999999/role-reach', 404],
      ['/accounts/999999999999/roles', 404],
      ['/organization/trust-map?expand=<script>', 400],
      ['/organization/trust-map?depth=2', 400],
      [`/organization/trust-map?expand=${'ou-a,'.repeat(300)}`, 400],
      ['/organization/trust-map?expand=ou-nope', 404],
      [`/accounts/${PROD_ACCOUNT}/role-reach?limit=0`, 400],
      [`/accounts/${PROD_ACCOUNT}/role-reach?limit=501`, 400],
      [`/accounts/${PROD_ACCOUNT}/role-reach?offset=-1`, 400],
      [`/accounts/${PROD_ACCOUNT}/role-reach?fromUnit=<script>`, 400],
      [`/accounts/${PROD_ACCOUNT}/role-reach?page=2`, 400],
      [`/accounts/${PROD_ACCOUNT}/role-reach?fromUnit=ou-nope`, 404],
      ['/principals/group/default/platform-team/role-reach?limit=x', 400],
      [`/accounts/${PROD_ACCOUNT}/roles?limit=0`, 400],
      [`/accounts/${PROD_ACCOUNT}/roles?limit=501`, 400],
      [`/accounts/${PROD_ACCOUNT}/roles?offset=x`, 400],
      [`/accounts/${PROD_ACCOUNT}/roles?list=all`, 400],
      [`/accounts/${PROD_ACCOUNT}/roles?page=2`, 400],
      [`/accounts/${PROD_ACCOUNT}/roles?role=Deploy`, 400],
      [`/accounts/${PROD_ACCOUNT}/roles?role=${'a'.repeat(3000)}`, 400],
      [
        `/accounts/${DEV_ACCOUNT}/roles?list=assumable&role=${encodeURIComponent(
          SSO_ADMIN_ROLE,
        )}`,
        400,
      ],
      [`/accounts/${PROD_ACCOUNT}/roles?offset=1&offset=2`, 400],
      // A role of another account, and a role that reaches nowhere else.
      [
        `/accounts/${PROD_ACCOUNT}/roles?role=${encodeURIComponent(
          SSO_ADMIN_ROLE,
        )}`,
        404,
      ],
      [
        `/accounts/${PROD_ACCOUNT}/roles?role=${encodeURIComponent(
          DEPLOY_ROLE,
        )}`,
        404,
      ],
      ['/principals/robot/default/x/role-reach', 400],
    ];
    for (const [path, status] of cases) {
      const res = await api.get(`${BASE}${path}`).set('Authorization', USER);
      expect({ path, status: res.status }).toEqual({ path, status });
      expect(res.body.error?.stack).toBeUndefined();
    }
  });

  it('say not-configured without a roles source', async () => {
    const { api } = await setup({ transform: s => s });
    const res = await api
      .get(`${BASE}/accounts/${PROD_ACCOUNT}/role-reach`)
      .set('Authorization', USER);
    expect(res.body).toMatchObject({ status: 'not-configured', entries: [] });
    const map = await api
      .get(`${BASE}/organization/trust-map`)
      .set('Authorization', USER);
    expect(map.body).toMatchObject({ status: 'not-configured', edges: [] });
  });
});
