import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';
import { mockServices } from '@backstage/backend-test-utils';
import { AwsOrganizationsStore } from './AwsOrganizationsStore';
import { encodeSnapshotBody } from './SnapshotStore';
import { ChangeDraft } from '../changes/types';

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

async function createStore(databaseId: TestDatabaseId) {
  const knex = await databases.init(databaseId);
  const database = mockServices.database({ knex, migrations: { skip: false } });
  return AwsOrganizationsStore.create(database);
}

const draft = (kind: ChangeDraft['kind'], accountId?: string): ChangeDraft => ({
  kind,
  subjectId: accountId ?? 'ou-1',
  ...(accountId ? { accountId } : {}),
  summary: `${kind} ${accountId ?? ''}`,
  details: { n: 1 },
});

describe('AwsOrganizationsStore', () => {
  it('runs on PostgreSQL in CI', () => {
    const required = Boolean(process.env.AWS_ORGS_REQUIRE_POSTGRES);
    expect(databases.supports('POSTGRES_15') || !required).toBe(true);
  });

  it.each(databases.eachSupportedId())(
    'records runs with progress, results and staleness on %p',
    async databaseId => {
      const store = await createStore(databaseId);
      const t0 = new Date('2026-03-01T10:00:00.000Z');
      const stale = await store.runs.start(
        'startup',
        new Date(t0.getTime() - 3600_000),
      );
      const id = await store.runs.start('schedule', t0);
      await store.runs.setProgress(id, { phase: 'reading' });
      expect(await store.runs.latest()).toMatchObject({
        id,
        status: 'running',
        trigger: 'schedule',
        startedAt: t0.toISOString(),
        progress: { phase: 'reading' },
      });
      // Only runs younger than the timeout count as running.
      expect(
        (await store.runs.running(new Date(t0.getTime() - 60_000)))?.id,
      ).toBe(id);
      expect(
        await store.runs.running(new Date(t0.getTime() + 1)),
      ).toBeUndefined();

      expect(await store.runs.abandonOthers(id, t0)).toBe(1);
      expect(await store.runs.get(stale)).toMatchObject({
        status: 'failed',
        errors: ['Abandoned: the backend stopped before the run finished'],
      });

      await store.runs.setTrigger(id, 'manual');
      await store.runs.finish(
        id,
        {
          status: 'incomplete',
          errors: ['IAM Identity Center unavailable'],
          warnings: ['w'],
          counts: {
            accounts: 1,
            organizationalUnits: 0,
            policies: 0,
            permissionSets: 0,
            assignments: 0,
            groups: 0,
            users: 0,
          },
        },
        new Date(t0.getTime() + 1500),
      );
      const run = await store.runs.get(id);
      expect(run).toEqual({
        id,
        trigger: 'manual',
        status: 'incomplete',
        startedAt: t0.toISOString(),
        finishedAt: '2026-03-01T10:00:01.500Z',
        durationMs: 1500,
        errors: ['IAM Identity Center unavailable'],
        warnings: ['w'],
        counts: expect.objectContaining({ accounts: 1 }),
      });

      expect(await store.runs.prune(new Date(t0.getTime() + 1), [])).toBe(2);
      expect(await store.runs.latest()).toBeUndefined();
    },
  );

  it.each(databases.eachSupportedId())(
    'saves and replaces the snapshot, compressed, on %p',
    async databaseId => {
      const store = await createStore(databaseId);
      expect(await store.snapshots.currentMeta()).toBeUndefined();
      expect(await store.snapshots.current()).toBeUndefined();
      const runId = await store.runs.start('manual', new Date());
      const json = JSON.stringify({
        snapshot: { accounts: Array(500).fill({ name: 'x' }) },
        resolution: {},
      });
      const encoded = await encodeSnapshotBody(json);
      expect(encoded.etag).toMatch(/^[0-9a-f]{64}$/);
      expect(encoded.body.length).toBeLessThan(json.length / 10);
      const unmapped = [{ type: 'USER' as const, id: 'u-1', name: 'bob' }];
      await store.db.transaction(trx =>
        store.snapshots.replace(trx, {
          runId,
          encoded,
          readAt: new Date('2026-03-01T00:00:00Z'),
          storedAt: new Date('2026-03-01T00:01:00Z'),
          unmappedPrincipals: unmapped,
        }),
      );
      const current = await store.snapshots.current();
      expect(current?.json).toBe(json);
      expect(current?.meta).toEqual({
        etag: encoded.etag,
        runId,
        readAt: '2026-03-01T00:00:00.000Z',
        storedAt: '2026-03-01T00:01:00.000Z',
        sizeBytes: json.length,
        storedBytes: encoded.body.length,
        unmappedPrincipals: unmapped,
      });

      const next = await encodeSnapshotBody('{"snapshot":{},"resolution":{}}');
      await store.db.transaction(trx =>
        store.snapshots.replace(trx, {
          runId,
          encoded: next,
          readAt: new Date(),
          storedAt: new Date(),
          unmappedPrincipals: [],
        }),
      );
      expect((await store.snapshots.currentMeta())?.etag).toBe(next.etag);
      const [{ n }] = await store.db('aws_org_snapshots').count({ n: '*' });
      expect(Number(n)).toBe(1);
    },
  );

  it.each(databases.eachSupportedId())(
    'reads the unmapped principals once per stored snapshot, not per metadata read, on %p',
    async databaseId => {
      const store = await createStore(databaseId);
      let listReads = 0;
      store.db.on('query', (query: { sql: string }) => {
        if (query.sql.includes('unmapped_principals_json')) listReads++;
      });
      const save = async (json: string, unmapped: { id: string }[]) => {
        const encoded = await encodeSnapshotBody(json);
        await store.db.transaction(trx =>
          store.snapshots.replace(trx, {
            encoded,
            readAt: new Date(),
            storedAt: new Date(),
            unmappedPrincipals: unmapped.map(u => ({
              type: 'USER' as const,
              name: u.id,
              ...u,
            })),
          }),
        );
        return encoded.etag;
      };
      const first = await save('{"snapshot":{"n":1},"resolution":{}}', [
        { id: 'u-1' },
      ]);
      const reads = listReads;
      for (let i = 0; i < 3; i++) {
        const meta = await store.snapshots.currentMeta();
        expect(meta?.etag).toBe(first);
        expect(meta?.unmappedPrincipals.map(p => p.id)).toEqual(['u-1']);
      }
      expect(listReads - reads).toBe(1);

      // A new snapshot (or the same one stored again) is a new row.
      await save('{"snapshot":{"n":1},"resolution":{}}', [{ id: 'u-2' }]);
      expect(
        (await store.snapshots.currentMeta())?.unmappedPrincipals.map(
          p => p.id,
        ),
      ).toEqual(['u-2']);
      const second = await save('{"snapshot":{"n":2},"resolution":{}}', []);
      const meta = await store.snapshots.currentMeta();
      expect(meta?.etag).toBe(second);
      expect(meta?.unmappedPrincipals).toEqual([]);
    },
  );

  it.each(databases.eachSupportedId())(
    'pages and filters the change log, newest first, on %p',
    async databaseId => {
      const store = await createStore(databaseId);
      const day = (d: number) => new Date(Date.UTC(2026, 0, d));
      await store.changes.append(store.db, {
        detectedAt: day(1),
        changes: [
          draft('account.created', '111111111111'),
          draft('ou.created'),
        ],
      });
      await store.changes.append(store.db, {
        detectedAt: day(2),
        changes: [
          draft('account.moved', '111111111111'),
          draft('account.moved', '222222222222'),
        ],
      });
      // More than one insert batch.
      await store.changes.append(store.db, {
        detectedAt: day(3),
        changes: Array.from({ length: 1203 }, () =>
          draft('assignment.granted', '333333333333'),
        ),
      });

      const all = await store.changes.list({ offset: 0, limit: 2 });
      expect(all.totalCount).toBe(1207);
      expect(all.items.map(i => i.detectedAt)).toEqual([
        day(3).toISOString(),
        day(3).toISOString(),
      ]);
      expect(Number(all.items[0].id)).toBeGreaterThan(Number(all.items[1].id));

      const moved = await store.changes.list({
        kinds: ['account.moved', 'ou.created'],
        offset: 0,
        limit: 10,
      });
      expect(moved.items.map(i => [i.kind, i.accountId])).toEqual([
        ['account.moved', '222222222222'],
        ['account.moved', '111111111111'],
        ['ou.created', undefined],
      ]);
      const account = await store.changes.list({
        accountId: '111111111111',
        offset: 1,
        limit: 10,
      });
      expect(account).toEqual({
        items: [
          {
            id: expect.any(String),
            detectedAt: day(1).toISOString(),
            kind: 'account.created',
            accountId: '111111111111',
            subjectId: '111111111111',
            summary: 'account.created 111111111111',
            details: { n: 1 },
          },
        ],
        totalCount: 2,
        offset: 1,
        limit: 10,
      });
      const since = await store.changes.list({
        since: day(2),
        kinds: ['account.moved', 'account.created'],
        offset: 0,
        limit: 10,
      });
      expect(since.totalCount).toBe(2);
    },
  );

  it.each(databases.eachSupportedId())(
    'applies retention by age and by count on %p',
    async databaseId => {
      const store = await createStore(databaseId);
      const day = (d: number) => new Date(Date.UTC(2026, 0, d));
      for (let d = 1; d <= 5; d++) {
        await store.changes.append(store.db, {
          detectedAt: day(d),
          changes: [draft('ou.created'), draft('ou.removed')],
        });
      }
      expect(await store.changes.applyRetention({ before: day(3) })).toBe(4);
      expect(
        (await store.changes.list({ offset: 0, limit: 100 })).totalCount,
      ).toBe(6);
      expect(
        await store.changes.applyRetention({ before: day(1), maxEntries: 3 }),
      ).toBe(3);
      const left = await store.changes.list({ offset: 0, limit: 100 });
      expect(left.items.map(i => [i.detectedAt, i.kind])).toEqual([
        [day(5).toISOString(), 'ou.removed'],
        [day(5).toISOString(), 'ou.created'],
        [day(4).toISOString(), 'ou.removed'],
      ]);
    },
  );

  it.each(databases.eachSupportedId())(
    'hands manual requests to the next run only on %p',
    async databaseId => {
      const store = await createStore(databaseId);
      const first = await store.runs.start('schedule', new Date());
      expect(await store.requests.take(first)).toBe(false);
      await store.requests.add('user:default/jane', new Date());
      const second = await store.runs.start('schedule', new Date());
      expect(await store.requests.take(second)).toBe(true);
      const third = await store.runs.start('schedule', new Date());
      expect(await store.requests.take(third)).toBe(false);
    },
  );
});
