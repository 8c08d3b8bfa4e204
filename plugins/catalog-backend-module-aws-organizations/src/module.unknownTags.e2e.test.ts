import { RunningEmulator, startEmulator } from '@aws-governance/aws-emulator';
import { awsEntityNames } from '@aws-governance/plugin-aws-organizations-common';
import type {
  AccountSummary,
  Page,
} from '@aws-governance/plugin-aws-organizations-common';
import { ServiceFactory } from '@backstage/backend-plugin-api';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { RELATION_OWNED_BY } from '@backstage/catalog-model';
import {
  portalConfig,
  PROVIDER_TASK_ID,
  relationLines,
  startPortal,
  waitFor,
  fetchRetrying,
} from './__testUtils__/portal';

jest.setTimeout(120_000);

/** Six accounts whose tags the second read cannot get. */
const SIX = {
  '724108355201': 'payments-dev',
  '724108355202': 'payments-staging',
  '724108355203': 'payments-prod-us',
  '724108355204': 'payments-prod-eu',
  '613457820020': 'shared-services',
  '746620577403': 'discovery-prod-eu',
};
const TEAMS = ['payments', 'devops', 'discovery', 'platform', 'security'];
const accountRef = (id: string) =>
  `resource:default/${awsEntityNames.account(id)}`;

describe('a sync where six accounts’ tags are unknown (emulator → backend → catalog)', () => {
  let emu: RunningEmulator;
  let portal: Awaited<ReturnType<typeof startPortal>> | undefined;
  afterEach(async () => {
    await portal?.backend.stop();
    await emu?.close();
  });

  it('changes no owner in the catalog and no team page', async () => {
    emu = await startEmulator({ dataset: 'demo' });
    const scheduler = mockServices.scheduler() as ReturnType<
      typeof mockServices.scheduler
    > & { factory(): ServiceFactory };
    portal = await startPortal({
      config: portalConfig(emu),
      features: [scheduler.factory()],
    });
    const { getEntity, syncNow } = portal;
    const base = `http://localhost:${portal.backend.server.port()}/api`;
    const headers = { Authorization: mockCredentials.user.header() };
    /** What a team page lists as the team's accounts. */
    const teamPage = async (team: string) => {
      const res = await fetchRetrying(
        `${base}/aws-organizations/accounts?owner=group:default/${team}&limit=100`,
        { headers },
      );
      expect(res.status).toBe(200);
      const page = (await res.json()) as Page<AccountSummary>;
      return page.items.map(a => a.id).sort();
    };
    const ownerLines = async (id: string) =>
      relationLines(await getEntity(accountRef(id))).filter(l =>
        l.startsWith(`${RELATION_OWNED_BY} `),
      );
    const catalogOwners = async () => {
      const owners: Record<string, { spec?: unknown; relations: string[] }> =
        {};
      for (const id of Object.keys(SIX)) {
        const entity = await getEntity(accountRef(id));
        owners[id] = {
          spec: entity?.spec?.owner,
          relations: await ownerLines(id),
        };
      }
      return owners;
    };

    await waitFor('the example groups', async () =>
      (await getEntity('group:default/payments')) ? true : undefined,
    );
    expect((await syncNow()).lastAttempt.status).toBe('succeeded');
    await scheduler.triggerTask(PROVIDER_TASK_ID);
    await waitFor('the six accounts with their owners', async () => {
      const owners = await catalogOwners();
      return Object.values(owners).every(o => o.relations.length === 1)
        ? true
        : undefined;
    });
    const before = await catalogOwners();
    const teamsBefore = Object.fromEntries(
      await Promise.all(TEAMS.map(async t => [t, await teamPage(t)])),
    );
    expect(teamsBefore.payments).toEqual(
      expect.arrayContaining(Object.keys(SIX).slice(0, 4)),
    );

    // The second read: the six accounts' tags fail late (the optional part
    // degrades to unknown, the read is complete), and the accounts are
    // renamed, so the catalog has new entities to process for each of them.
    emu.setFaults({
      errorRate: {
        ListTagsForResource: { rate: 1, resources: Object.keys(SIX) },
      },
    });
    for (const [id, name] of Object.entries(SIX)) {
      emu.state.accounts.get(id)!.name = `${name}-renamed`;
    }
    const second = await syncNow();
    expect(second.lastAttempt.status).toBe('succeeded');
    expect(second.lastAttempt.warnings).toHaveLength(6);
    await scheduler.triggerTask(PROVIDER_TASK_ID);
    await waitFor('the renamed accounts in the catalog', async () => {
      for (const [id, name] of Object.entries(SIX)) {
        const entity = await getEntity(accountRef(id));
        if (entity?.metadata.title !== `${name}-renamed`) return undefined;
      }
      return true;
    });

    expect(await catalogOwners()).toEqual(before);
    for (const team of TEAMS) {
      expect(await teamPage(team)).toEqual(teamsBefore[team]);
    }
    // The API says the owners are the last known ones.
    const res = await fetchRetrying(
      `${base}/aws-organizations/accounts/724108355201`,
      {
        headers,
      },
    );
    const detail = await res.json();
    expect(detail.owner).toMatchObject({
      ref: 'group:default/payments',
      stale: { reason: expect.stringContaining('ListTagsForResource') },
    });
  });
});
