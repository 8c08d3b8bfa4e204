import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { ResolvedPrincipal } from '@aws-governance/plugin-aws-organizations-common';
import request from 'supertest';
import { AwsOrganizationsStore } from '../store/AwsOrganizationsStore';
import { encodeSnapshotBody } from '../store/SnapshotStore';
import {
  BASE,
  denyUsersPermissions,
  NONE,
  SERVICE,
  startPlugin,
  USER,
} from '../__testUtils__/backend';

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

async function setup(options: { deny?: boolean; denyUsers?: boolean } = {}) {
  const knex = await databases.init('SQLITE_3');
  const { server } = await startPlugin({
    knex,
    features: [
      ...(options.deny
        ? [mockServices.permissions.factory({ result: AuthorizeResult.DENY })]
        : []),
      ...(options.denyUsers ? [denyUsersPermissions()] : []),
    ],
  });
  return { server, store: new AwsOrganizationsStore(knex) };
}

async function storeSnapshot(
  store: AwsOrganizationsStore,
  unmappedPrincipals: ResolvedPrincipal[] = [],
  messages: { errors: string[]; warnings: string[] } = {
    errors: [],
    warnings: [],
  },
) {
  const runId = await store.runs.start('manual', new Date());
  const encoded = await encodeSnapshotBody(
    JSON.stringify({
      snapshot: { accounts: [] },
      resolution: { principals: {} },
    }),
  );
  await store.db.transaction(trx =>
    store.snapshots.replace(trx, {
      runId,
      encoded,
      readAt: new Date('2026-02-01T00:00:00Z'),
      storedAt: new Date('2026-02-01T00:00:05Z'),
      unmappedPrincipals,
    }),
  );
  await store.runs.finish(
    runId,
    { status: 'succeeded', ...messages },
    new Date(),
  );
  return encoded.etag;
}

describe('routes', () => {
  it('requires credentials on every route but /health', async () => {
    const { server } = await setup();
    const api = request(server);
    expect(
      (await api.get(`${BASE}/health`).set('Authorization', NONE)).status,
    ).toBe(200);
    for (const res of [
      await api.get(`${BASE}/sync/status`).set('Authorization', NONE),
      await api.post(`${BASE}/sync`).set('Authorization', NONE),
      await api.get(`${BASE}/snapshot`).set('Authorization', NONE),
      await api.get(`${BASE}/changes`).set('Authorization', NONE),
    ]) {
      expect(res.status).toBe(401);
    }
  });

  it('answers 403 on POST /sync without the trigger permission', async () => {
    const { server, store } = await setup({ deny: true });
    const res = await request(server)
      .post(`${BASE}/sync`)
      .set('Authorization', USER);
    expect(res.status).toBe(403);
    expect(res.body.error.name).toBe('NotAllowedError');
    expect(await store.runs.latest()).toBeUndefined();
  });

  it('answers 409 on POST /sync while a run is going', async () => {
    const { server, store } = await setup();
    await store.runs.start('schedule', new Date());
    const res = await request(server)
      .post(`${BASE}/sync`)
      .set('Authorization', USER);
    expect(res.status).toBe(409);
    expect(res.body.error.message).toMatch(/already running/);
  });

  it('carries the first messages of a run in the status and their counts, so its size does not grow with the organization', async () => {
    // A warning per account, as when a role cannot be read in any member
    // account: 5,000 at data set L made the status 1.7 MiB.
    const sizeWith = async (accounts: number) => {
      const { server, store } = await setup();
      const warnings = Array.from(
        { length: accounts },
        (_, i) =>
          `ListRoles failed: AccessDenied (on ${String(i).padStart(12, '0')})`,
      );
      await storeSnapshot(store, [], { errors: ['Throttled'], warnings });
      const res = await request(server)
        .get(`${BASE}/sync/status?unmappedLimit=0`)
        .set('Authorization', USER);
      expect(res.status).toBe(200);
      for (const run of [res.body.lastAttempt, res.body.lastSuccess]) {
        expect(run).toMatchObject({
          errors: ['Throttled'],
          errorCount: 1,
          warnings: warnings.slice(0, 20),
          warningCount: accounts,
        });
      }
      const few = await request(server)
        .get(`${BASE}/sync/status?messageLimit=2`)
        .set('Authorization', USER);
      expect(few.body.lastAttempt.warnings).toEqual(warnings.slice(0, 2));
      expect(few.body.lastAttempt.warningCount).toBe(accounts);
      for (const bad of ['messageLimit=-1', 'messageLimit=501']) {
        const rejected = await request(server)
          .get(`${BASE}/sync/status?${bad}`)
          .set('Authorization', USER);
        expect({ bad, status: rejected.status }).toEqual({ bad, status: 400 });
      }
      return res.text.length;
    };
    const small = await sizeWith(50);
    const large = await sizeWith(5000);
    // Only the counts' digits differ.
    expect(large - small).toBeLessThan(10);
  });

  it('answers 404 before the first snapshot, then the envelope with an ETag and 304', async () => {
    const { server, store } = await setup();
    const api = request(server);
    const missing = await api
      .get(`${BASE}/snapshot`)
      .set('Authorization', USER);
    expect(missing.status).toBe(404);
    expect(missing.body.error.message).toMatch(/No complete snapshot/);
    expect(
      (await api.get(`${BASE}/sync/status`).set('Authorization', USER)).body,
    ).toEqual({
      unmappedPrincipals: [],
      unmappedPrincipalCount: 0,
    });

    const etag = await storeSnapshot(store);
    const res = await api.get(`${BASE}/snapshot`).set('Authorization', USER);
    expect(res.status).toBe(200);
    expect(res.headers.etag).toBe(`"${etag}"`);
    expect(res.body).toEqual({
      etag,
      storedAt: '2026-02-01T00:00:05.000Z',
      snapshot: { accounts: [] },
      resolution: { principals: {} },
    });
    const notModified = await api
      .get(`${BASE}/snapshot`)
      .set('Authorization', USER)
      .set('If-None-Match', `"${etag}"`);
    expect(notModified.status).toBe(304);
    expect(notModified.text).toBe('');
    const stale = await api
      .get(`${BASE}/snapshot`)
      .set('Authorization', USER)
      .set('If-None-Match', '"other"');
    expect(stale.status).toBe(200);

    const status = await api
      .get(`${BASE}/sync/status`)
      .set('Authorization', USER);
    expect(status.body).toMatchObject({
      lastAttempt: { status: 'succeeded' },
      lastSuccess: { status: 'succeeded' },
      snapshotReadAt: '2026-02-01T00:00:00.000Z',
      // The same ETag as GET /snapshot: views follow it to reload.
      snapshotEtag: etag,
    });
  });

  it.each([
    ['accountId=1234', /accountId: must be a 12-digit AWS account id/],
    ['kind=account.created,bogus', /kind/],
    ['since=yesterday', /since: must be an ISO 8601 date/],
    ['since=2026-13-45', /since: must be a valid date/],
    ['limit=501', /limit: must be at most 500/],
    ['limit=0', /limit/],
    ['offset=-1', /offset/],
    ['unknown=1', /Unrecognized key/],
  ])('answers 400 on GET /changes?%s', async (query, message) => {
    const { server } = await setup();
    const res = await request(server)
      .get(`${BASE}/changes?${query}`)
      .set('Authorization', USER);
    expect(res.status).toBe(400);
    expect(res.body.error.name).toBe('InputError');
    expect(res.body.error.message).toMatch(message);
  });

  it('pages and filters GET /changes', async () => {
    const { server, store } = await setup();
    await store.changes.append(store.db, {
      detectedAt: new Date('2026-02-01T00:00:00Z'),
      changes: [
        {
          kind: 'account.moved',
          accountId: '123456789012',
          subjectId: '123456789012',
          summary: 'a moved',
        },
        { kind: 'ou.created', subjectId: 'ou-1', summary: 'ou' },
        {
          kind: 'scp.attached',
          accountId: '123456789012',
          subjectId: 'p-1',
          summary: 'att',
        },
      ],
    });
    const api = request(server);
    const res = await api
      .get(
        `${BASE}/changes?accountId=123456789012&kind=account.moved&kind=scp.attached,ou.created&since=2026-01-01&limit=1&offset=1`,
      )
      .set('Authorization', USER);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      items: [
        expect.objectContaining({ kind: 'account.moved', summary: 'a moved' }),
      ],
      totalCount: 2,
      offset: 1,
      limit: 1,
    });
    const later = await api
      .get(`${BASE}/changes?since=2026-02-02T00:00:00Z`)
      .set('Authorization', USER);
    expect(later.body).toEqual({
      items: [],
      totalCount: 0,
      offset: 0,
      limit: 50,
    });
  });

  it('answers 403 on GET /snapshot to people without the access permission, 200 to services', async () => {
    const { server, store } = await setup({ denyUsers: true });
    const etag = await storeSnapshot(store);
    const api = request(server);
    const res = await api.get(`${BASE}/snapshot`).set('Authorization', USER);
    expect(res.status).toBe(403);
    expect(res.body.error.message).toMatch(/aws-organizations.access.read/);
    const service = await api
      .get(`${BASE}/snapshot`)
      .set('Authorization', SERVICE);
    expect(service.status).toBe(200);
    expect(service.body.etag).toBe(etag);
  });

  it('hides who-has-access entries of GET /changes without the access permission', async () => {
    const { server: denied, store } = await setup({ deny: true });
    await store.changes.append(store.db, {
      detectedAt: new Date('2026-02-01T00:00:00Z'),
      changes: [
        {
          kind: 'assignment.granted',
          accountId: '123456789012',
          subjectId: 'ps-1',
          summary: 'tom got admin',
        },
        {
          kind: 'group-membership.added',
          subjectId: 'g-1',
          summary: 'tom joined platform',
        },
        { kind: 'ou.created', subjectId: 'ou-1', summary: 'ou' },
      ],
    });
    const api = request(denied);
    const all = await api.get(`${BASE}/changes`).set('Authorization', USER);
    expect(all.body.items.map((e: any) => e.kind)).toEqual(['ou.created']);
    expect(all.body.totalCount).toBe(1);
    const asked = await api
      .get(`${BASE}/changes?kind=assignment.granted`)
      .set('Authorization', USER);
    expect(asked.body).toMatchObject({ items: [], totalCount: 0 });
  });

  it('names no person to callers without the access permission: unmapped users and compliance messages resting on assignments', async () => {
    const unmapped: ResolvedPrincipal[] = [
      { type: 'GROUP', id: 'g-1', name: 'Contractors' },
      { type: 'USER', id: 'u-1', name: 'tom.okafor' },
    ];
    const flip = (ruleId: string, accessEvidence: boolean | undefined) => ({
      kind: 'compliance.changed' as const,
      accountId: '123456789012',
      subjectId: '123456789012',
      summary: `payments-prod: ${ruleId} pass → fail`,
      details: {
        ruleId,
        from: 'pass',
        to: 'fail',
        message: `${ruleId}: tom.okafor holds Admin`,
        ...(accessEvidence === undefined ? {} : { accessEvidence }),
      },
    });
    const setupWith = async (options: { deny?: boolean }) => {
      const started = await setup(options);
      await storeSnapshot(started.store, unmapped);
      await started.store.changes.append(started.store.db, {
        detectedAt: new Date('2026-02-01T00:00:00Z'),
        changes: [
          flip('no-direct-privileged-user-assignments', true),
          flip('recorded-before-the-flag', undefined),
          flip('owner-resolvable', false),
        ],
      });
      return request(started.server);
    };
    const messages = (body: any) =>
      Object.fromEntries(
        body.items.map((e: any) => [e.details.ruleId, e.details.message]),
      );

    const allowed = await setupWith({});
    const fullStatus = await allowed
      .get(`${BASE}/sync/status`)
      .set('Authorization', USER);
    expect(fullStatus.body.unmappedPrincipals).toEqual(unmapped);
    expect(fullStatus.body.unmappedPrincipalCount).toBe(unmapped.length);
    // The explorer asks for the count alone; a limit cuts the list only.
    const countOnly = await allowed
      .get(`${BASE}/sync/status?unmappedLimit=0`)
      .set('Authorization', USER);
    expect(countOnly.body).toMatchObject({
      unmappedPrincipals: [],
      unmappedPrincipalCount: unmapped.length,
      lastSuccess: { status: 'succeeded' },
    });
    const one = await allowed
      .get(`${BASE}/sync/status?unmappedLimit=1`)
      .set('Authorization', USER);
    expect(one.body.unmappedPrincipals).toEqual([unmapped[0]]);
    for (const bad of ['unmappedLimit=-1', 'unmappedLimit=501', 'limit=1']) {
      const res = await allowed
        .get(`${BASE}/sync/status?${bad}`)
        .set('Authorization', USER);
      expect({ bad, status: res.status }).toEqual({ bad, status: 400 });
      expect(res.body.error.name).toBe('InputError');
    }
    const full = await allowed
      .get(`${BASE}/changes`)
      .set('Authorization', USER);
    expect(Object.values(messages(full.body))).toEqual([
      expect.stringContaining('tom.okafor'),
      expect.stringContaining('tom.okafor'),
      expect.stringContaining('tom.okafor'),
    ]);

    const denied = await setupWith({ deny: true });
    const status = await denied
      .get(`${BASE}/sync/status`)
      .set('Authorization', USER);
    expect(status.body.unmappedPrincipals).toEqual([unmapped[0]]);
    // The count does not tell what the list hides.
    expect(status.body.unmappedPrincipalCount).toBe(1);
    const changes = await denied
      .get(`${BASE}/changes`)
      .set('Authorization', USER);
    expect(messages(changes.body)).toEqual({
      'no-direct-privileged-user-assignments': undefined,
      'recorded-before-the-flag': undefined,
      'owner-resolvable': 'owner-resolvable: tom.okafor holds Admin',
    });
    expect(
      changes.body.items.find(
        (e: any) =>
          e.details.ruleId === 'no-direct-privileged-user-assignments',
      ).details,
    ).toMatchObject({
      from: 'pass',
      to: 'fail',
      messageRestricted: true,
    });
  });
});
