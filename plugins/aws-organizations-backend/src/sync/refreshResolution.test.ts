import {
  mockServices,
  TestDatabaseId,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { builtInComplianceRules, createComplianceEngine } from '../compliance';
import { createComplianceReportCache } from '../compliance/reportCache';
import { readAwsOrganizationsConfig } from '@aws-governance/plugin-aws-organizations-node';
import { AwsOrganizationsStore } from '../store/AwsOrganizationsStore';
import { CatalogDirectory, EMPTY_DIRECTORY } from '../resolution/types';
import { baseSnapshot, permissionSet } from '../__testUtils__/snapshots';
import { createSyncEngine } from './createSyncEngine';
import { SNAPSHOT_EVENT_TOPIC } from './types';

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

const directory = (refs: string[]): CatalogDirectory => ({
  ...EMPTY_DIRECTORY,
  refs: new Set(refs),
});

async function setup(databaseId: TestDatabaseId) {
  const knex = await databases.init(databaseId);
  const store = await AwsOrganizationsStore.create(
    mockServices.database({ knex, migrations: { skip: false } }),
  );
  const events = mockServices.events.mock();
  let catalog: CatalogDirectory | Error = EMPTY_DIRECTORY;
  let organization = baseSnapshot();
  const engine = createSyncEngine({
    config: readAwsOrganizationsConfig(
      new ConfigReader({ awsOrganizations: {} }),
    ),
    store,
    logger: mockServices.logger.mock(),
    events,
    readSnapshot: async () => organization,
    readDirectory: async () => {
      if (catalog instanceof Error) throw catalog;
      return catalog;
    },
    compliance: createComplianceReportCache(
      createComplianceEngine({ rules: builtInComplianceRules }),
    ),
  });
  return {
    store,
    events,
    engine,
    setCatalog: (next: CatalogDirectory | Error) => {
      catalog = next;
    },
    setOrganization: (next: typeof organization) => {
      organization = next;
    },
  };
}

async function currentResolution(store: AwsOrganizationsStore) {
  const current = await store.snapshots.current();
  return { etag: current!.meta.etag, ...JSON.parse(current!.json) };
}

describe('SyncEngine.refreshResolution', () => {
  it.each(databases.eachSupportedId())(
    'resolves owners again when the catalog fills up after a sync, on %p',
    async databaseId => {
      const { store, events, engine, setCatalog } = await setup(databaseId);
      expect(await engine.refreshResolution()).toEqual({
        outcome: 'no-snapshot',
      });

      // The catalog is still empty when the first sync runs.
      expect((await engine.run()).status).toBe('succeeded');
      const before = await currentResolution(store);
      expect(before.resolution.accountOwners['222222222222']).toMatchObject({
        ref: 'group:default/payments',
        resolvable: false,
      });
      expect(await engine.refreshResolution()).toEqual({
        outcome: 'unchanged',
      });

      // The catalog has loaded the teams: the owners become resolvable.
      setCatalog(
        directory(['group:default/payments', 'group:default/platform-team']),
      );
      events.publish.mockClear();
      const refreshed = await engine.refreshResolution();
      expect(refreshed).toMatchObject({ outcome: 'updated' });
      const after = await currentResolution(store);
      expect(after.etag).not.toBe(before.etag);
      expect(after.etag).toBe((refreshed as { etag: string }).etag);
      expect(after.snapshot).toEqual(before.snapshot);
      expect(after.resolution.accountOwners['222222222222']).toMatchObject({
        ref: 'group:default/payments',
        resolvable: true,
      });
      const meta = await store.snapshots.currentMeta();
      expect(meta?.runId).toBe((await store.runs.latest())!.id);
      expect(events.publish).toHaveBeenCalledWith({
        topic: SNAPSHOT_EVENT_TOPIC,
        eventPayload: { etag: after.etag },
      });
      // The owner rule flipped for payments-dev; the flip is in the log.
      const flips = await store.changes.list({
        kinds: ['compliance.changed'],
        offset: 0,
        limit: 50,
      });
      expect(flips.items).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            accountId: '222222222222',
            details: expect.objectContaining({
              ruleId: 'owner-resolvable',
              from: 'fail',
              to: 'pass',
            }),
          }),
        ]),
      );
      expect(await engine.refreshResolution()).toEqual({
        outcome: 'unchanged',
      });
    },
  );

  it.each(databases.eachSupportedId())(
    'changes nothing when the catalog is unreachable, on %p',
    async databaseId => {
      const { store, engine, setCatalog } = await setup(databaseId);
      await engine.run();
      const before = await currentResolution(store);
      setCatalog(new Error('catalog down'));
      await expect(engine.refreshResolution()).rejects.toThrow('catalog down');
      expect((await currentResolution(store)).etag).toBe(before.etag);
    },
  );

  it.each(databases.eachSupportedId())(
    'never overwrites a snapshot a sync stored meanwhile, on %p',
    async databaseId => {
      const { store, engine } = await setup(databaseId);
      await engine.run();
      const { etag } = await currentResolution(store);
      // Another writer replaced the snapshot after `etag` was read.
      const replaced = await store.db.transaction(trx =>
        store.snapshots.replaceIf(trx, 'not-the-current-etag', {
          encoded: {
            etag: 'x',
            body: Buffer.from(''),
            sizeBytes: 0,
          },
          readAt: new Date(),
          storedAt: new Date(),
          unmappedPrincipals: [],
        }),
      );
      expect(replaced).toBe(false);
      expect((await currentResolution(store)).etag).toBe(etag);
    },
  );
});

describe('SyncEngine compliance flips', () => {
  it.each(databases.eachSupportedId())(
    'records compliance.changed when a sync brings a violation, on %p',
    async databaseId => {
      const { store, engine, setCatalog, setOrganization } = await setup(
        databaseId,
      );
      setCatalog(directory(['group:default/payments']));
      await engine.run();
      const next = baseSnapshot();
      if (next.identityCenter.status !== 'available') throw new Error();
      next.identityCenter.permissionSets[0] = permissionSet('Admin', {
        managedPolicies: [
          {
            arn: 'arn:aws:iam::aws:policy/AdministratorAccess',
            name: 'AdministratorAccess',
          },
        ],
      });
      next.identityCenter.assignments.push({
        accountId: '222222222222',
        permissionSetArn: 'arn:aws:sso:::permissionSet/ssoins-test/ps-admin',
        principalType: 'USER',
        principalId: 'u-bob',
      });
      setOrganization(next);
      expect((await engine.run()).status).toBe('succeeded');
      const flips = await store.changes.list({
        kinds: ['compliance.changed'],
        offset: 0,
        limit: 50,
      });
      expect(flips.items).toEqual([
        expect.objectContaining({
          accountId: '222222222222',
          details: expect.objectContaining({
            ruleId: 'no-direct-privileged-user-assignments',
            from: 'pass',
            to: 'fail',
          }),
        }),
      ]);
    },
  );
});

describe('SyncEngine publishing', () => {
  it.each(databases.eachSupportedId())(
    'does not wait for the subscribers of the snapshot event, on %p',
    async databaseId => {
      const { engine, events, setCatalog } = await setup(databaseId);
      // A subscriber that never finishes (the in-process bus awaits them).
      events.publish.mockImplementation(() => new Promise<void>(() => {}));
      expect((await engine.run()).status).toBe('succeeded');
      expect(events.publish).toHaveBeenCalledTimes(1);
      setCatalog(directory(['group:default/payments']));
      expect(await engine.refreshResolution()).toMatchObject({
        outcome: 'updated',
      });
      expect(events.publish).toHaveBeenCalledTimes(2);
    },
  );
});
