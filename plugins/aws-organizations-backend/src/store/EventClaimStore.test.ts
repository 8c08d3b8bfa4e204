import { TestDatabases } from '@backstage/backend-test-utils';
import { AwsOrganizationsStore } from './AwsOrganizationsStore';

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

jest.setTimeout(60_000);

const event = (eventId: string) => ({
  eventId,
  source: 'aws.organizations',
  eventName: 'TagResource',
  eventTime: '2026-12-02T08:40:00Z',
});

describe('EventClaimStore', () => {
  it.each(databases.eachSupportedId())(
    'claims each event once, records outcomes and finds what to replay on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const database = { getClient: async () => knex };
      // Two replicas: two stores on one database.
      const a = await AwsOrganizationsStore.create(database as any);
      const b = new AwsOrganizationsStore(knex);
      const t0 = new Date('2026-12-02T09:00:00Z');
      const claims = await Promise.all([
        a.events.claim(event('e-1'), t0),
        b.events.claim(event('e-1'), t0),
        a.events.claim(event('e-1'), t0),
      ]);
      expect(claims.filter(Boolean)).toHaveLength(1);
      expect(await b.events.claim(event('e-2'), t0)).toBe(true);

      const t1 = new Date('2026-12-02T09:01:00Z');
      const targets = [{ kind: 'account' as const, accountId: '724108355201' }];
      await a.events.finishApplied(
        [{ eventId: 'e-1', targets }],
        'applied',
        t1,
      );
      expect(await b.events.lastApplied()).toMatchObject({
        eventId: 'e-1',
        outcome: 'applied',
        targets,
        finishedAt: t1.toISOString(),
      });
      expect(await b.events.appliedSince(t0)).toHaveLength(1);
      expect(await b.events.appliedSince(new Date(t1.getTime() + 1))).toEqual(
        [],
      );

      // e-2 was claimed and never finished: a stale claim.
      const later = new Date('2026-12-02T10:00:00Z');
      expect(
        await a.events.failStalePending(
          new Date('2026-12-02T09:30:00Z'),
          later,
        ),
      ).toBe(1);
      expect(await a.events.countsSince(t0)).toEqual({ applied: 1, failed: 1 });
      expect(await a.events.prune(later)).toBe(2);
    },
  );
});
