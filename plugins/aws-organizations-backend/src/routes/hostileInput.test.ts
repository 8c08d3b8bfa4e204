import { TestDatabases } from '@backstage/backend-test-utils';
import { BASE, USER } from '../__testUtils__/backend';
import { startGovernanceApi } from '../__testUtils__/governanceApi';

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

jest.setTimeout(60_000);

const ACCOUNT = '333333333333';

/** Every GET route, and the numeric query parameters it takes. */
const GET_ROUTES: [path: string, numeric: string[]][] = [
  ['/sync/status', []],
  ['/snapshot', []],
  ['/changes', ['offset', 'limit']],
  ['/accounts', ['offset', 'limit']],
  [`/accounts/${ACCOUNT}`, []],
  [`/accounts/${ACCOUNT}/guardrails`, []],
  [`/accounts/${ACCOUNT}/access`, []],
  [`/accounts/${ACCOUNT}/access.csv`, []],
  [`/accounts/${ACCOUNT}/compliance`, []],
  [`/accounts/${ACCOUNT}/history`, ['offset', 'limit']],
  ['/organization/tree', ['depth']],
  ['/compliance/summary', ['owners']],
  ['/compliance/owners', ['offset', 'limit']],
  ['/principals/user/default/bob/access', []],
  ['/reports/access.csv', []],
  [`/accounts/${ACCOUNT}/findings`, ['limit']],
  [`/accounts/${ACCOUNT}/findings/counts`, []],
  [`/accounts/${ACCOUNT}/findings/history`, ['limit']],
  ['/teams/default/payments/findings', ['limit']],
  ['/findings/rollup', []],
];

/** Paging values that are no page: each answers 400 naming the parameter. */
const BAD_NUMBERS = [
  '-1',
  '1.5',
  '1e3',
  'abc',
  '0x10',
  '',
  '100000000000000000000',
  '9'.repeat(400),
  'Infinity',
  'NaN',
];

/** Strings of 10 KB fit an HTTP request line; 100 KB do not. */
const TEN_KB = 'x'.repeat(10 * 1024);
const HUNDRED_KB = 'x'.repeat(100 * 1024);

/** Free text and id parameters of the routes that take them. */
const STRING_PARAMETERS: [path: string, parameter: string][] = [
  ['/changes', 'accountId'],
  ['/changes', 'owner'],
  ['/changes', 'kind'],
  ['/changes', 'since'],
  ['/accounts', 'ou'],
  ['/accounts', 'owner'],
  ['/accounts', 'state'],
  ['/accounts', 'compliance'],
  ['/accounts', 'q'],
  ['/organization/tree', 'unit'],
  ['/organization/tree', 'accounts'],
  ['/compliance/owners', 'q'],
  ['/compliance/owners', 'ref'],
];

describe('hostile input', () => {
  let api: Awaited<ReturnType<typeof startGovernanceApi>>['api'];
  beforeAll(async () => {
    ({ api } = await startGovernanceApi(databases));
  });

  const get = (path: string) =>
    api.get(`${BASE}${path}`).set('Authorization', USER);

  it.each(
    GET_ROUTES.flatMap(([path, numeric]) =>
      numeric.flatMap(parameter =>
        BAD_NUMBERS.map(value => [path, parameter, value] as const),
      ),
    ),
  )(
    'GET %s?%s=%s answers 400 naming the parameter',
    async (path, parameter, value) => {
      const res = await get(
        `${path}?${parameter}=${encodeURIComponent(value)}`,
      );
      expect(res.status).toBe(400);
      expect(res.body.error.name).toBe('InputError');
      expect(res.body.error.message).toContain(`${parameter}: `);
      // The message does not repeat the value, however long.
      expect(res.body.error.message.length).toBeLessThan(300);
    },
  );

  it.each(
    GET_ROUTES.filter(([, numeric]) => numeric.includes('offset')).map(
      ([p]) => p,
    ),
  )(
    'GET %s answers 400 on an offset beyond the bound, a limit beyond 500 and repeated values',
    async path => {
      const offset = await get(`${path}?offset=1000000001`);
      expect(offset.status).toBe(400);
      expect(offset.body.error.message).toContain(
        'offset: must be at most 1000000000',
      );
      const limit = await get(`${path}?limit=501`);
      expect(limit.status).toBe(400);
      expect(limit.body.error.message).toContain('limit: must be at most 500');
      const repeated = await get(`${path}?offset=1&offset=2`);
      expect(repeated.status).toBe(400);
      expect(repeated.body.error.message).toContain('offset: ');
      // The largest allowed offset is an empty page, not an error.
      const last = await get(`${path}?offset=1000000000&limit=500`);
      expect(last.status).toBe(200);
      expect(last.body).toMatchObject({ items: [], offset: 1000000000 });
    },
  );

  it.each(STRING_PARAMETERS)(
    'GET %s?%s= with 10 KB answers 400 with a short message',
    async (path, parameter) => {
      const res = await get(`${path}?${parameter}=${TEN_KB}`);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toContain(`${parameter}: `);
      expect(res.body.error.message.length).toBeLessThan(300);
    },
  );

  it.each([
    `/accounts/${TEN_KB}`,
    `/accounts/${TEN_KB}/history`,
    `/principals/${TEN_KB}/default/bob/access`,
    `/principals/user/${TEN_KB}/bob/access`,
    `/principals/user/default/${TEN_KB}/access`,
  ])(
    'GET a 10 KB path segment answers 400 with a short message (%#)',
    async path => {
      const res = await get(path);
      expect(res.status).toBe(400);
      expect(res.body.error.message.length).toBeLessThan(300);
    },
  );

  it.each(GET_ROUTES.map(([path]) => path))(
    'GET %s with a 100 KB query is refused by the HTTP server (431), never a 500',
    async path => {
      const res = await get(`${path}?q=${HUNDRED_KB}`);
      // Node's HTTP parser caps the request head at 16 KB: the request never
      // reaches a route.
      expect(res.status).toBe(431);
    },
  );

  it.each([
    ['action', { accountId: ACCOUNT, action: `iam:${HUNDRED_KB}` }],
    [
      'resource',
      {
        accountId: ACCOUNT,
        action: 'iam:CreateUser',
        resource: `arn:${HUNDRED_KB}`,
      },
    ],
    ['accountId', { accountId: HUNDRED_KB, action: 'iam:CreateUser' }],
    [
      'region',
      { accountId: ACCOUNT, action: 'iam:CreateUser', region: HUNDRED_KB },
    ],
    [
      'context',
      {
        accountId: ACCOUNT,
        action: 'iam:CreateUser',
        context: { [`aws:${HUNDRED_KB}`]: 'x' },
      },
    ],
    [
      'context',
      {
        accountId: ACCOUNT,
        action: 'iam:CreateUser',
        context: { 'aws:SourceIp': HUNDRED_KB },
      },
    ],
  ])(
    'POST /simulate with a 100 KB %s answers 400 naming it',
    async (field, body) => {
      const res = await api
        .post(`${BASE}/simulate`)
        .set('Authorization', USER)
        .send(body);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toContain(field);
      expect(res.text).not.toContain(HUNDRED_KB.slice(0, 300));
    },
  );

  it.each([
    ['malformed JSON', '{"accountId": ', 400],
    ['a JSON string', '"iam:CreateUser"', 400],
    ['a JSON array', '[1,2,3]', 400],
    [
      'a body over 256 KB',
      JSON.stringify({ accountId: 'x'.repeat(300 * 1024) }),
      413,
    ],
  ])('POST /simulate with %s answers %d', async (_what, body, status) => {
    const res = await api
      .post(`${BASE}/simulate`)
      .set('Authorization', USER)
      .set('Content-Type', 'application/json')
      .send(body);
    expect(res.status).toBe(status);
  });

  it('answers 400 on a path that is not valid percent-encoding', async () => {
    const res = await get('/accounts/%E0%A4%A');
    expect(res.status).toBe(400);
  });
});
