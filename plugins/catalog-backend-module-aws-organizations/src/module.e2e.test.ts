import {
  AWS_ORGANIZATIONS_SNAPSHOT_TOPIC,
  SnapshotEnvelope,
} from '@aws-governance/plugin-aws-organizations-common';
import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import {
  eventsServiceFactory,
  eventsServiceRef,
} from '@backstage/plugin-events-node';
import { createEnvelope, PAYMENTS } from './__fixtures__/envelope';
import { fetchRetrying, waitFor } from './__testUtils__/portal';
import { catalogModuleAwsOrganizations } from './module';

/**
 * Stands in for the AWS Organizations backend: serves `GET /snapshot` with
 * ETag/If-None-Match like the real one, and announces new snapshots on the
 * events topic.
 */
function fakeAwsOrganizationsBackend(state: {
  envelope: SnapshotEnvelope;
  publish?: () => Promise<void>;
}) {
  return createBackendPlugin({
    pluginId: 'aws-organizations',
    register(env) {
      env.registerInit({
        deps: { httpRouter: coreServices.httpRouter, events: eventsServiceRef },
        async init({ httpRouter, events }) {
          state.publish = () =>
            events.publish({
              topic: AWS_ORGANIZATIONS_SNAPSHOT_TOPIC,
              eventPayload: { etag: state.envelope.etag },
            });
          httpRouter.use((req: any, res: any, next: any) => {
            if (req.method !== 'GET' || req.path !== '/snapshot') {
              next();
              return;
            }
            res.setHeader('ETag', state.envelope.etag);
            if (req.headers['if-none-match'] === state.envelope.etag) {
              res.status(304).end();
              return;
            }
            res.json(state.envelope);
          });
        },
      });
    },
  });
}

// The catalog processes in the background: generous for a busy machine.
jest.setTimeout(120_000);

describe('catalog with the AWS Organizations module (end to end)', () => {
  let backend: Awaited<ReturnType<typeof startTestBackend>> | undefined;
  afterEach(async () => {
    await backend?.stop();
  });

  it('ingests the organization with its relations and refreshes on a new snapshot', async () => {
    const state: {
      envelope: SnapshotEnvelope;
      publish?: () => Promise<void>;
    } = { envelope: createEnvelope() };
    backend = await startTestBackend({
      features: [
        catalogPlugin,
        catalogModuleAwsOrganizations,
        fakeAwsOrganizationsBackend(state),
        // The real events service: one local bus for all plugins (the test
        // default gives each plugin its own), without an events backend.
        eventsServiceFactory,
        mockServices.rootConfig.factory({
          data: { events: { useEventBus: 'never' } },
        }),
      ],
    });
    const base = `http://localhost:${backend.server.port()}/api/catalog`;
    const getEntity = async (ref: string) => {
      const [kind, rest] = ref.split(':');
      const [namespace, name] = rest.split('/');
      const res = await fetchRetrying(
        `${base}/entities/by-name/${kind}/${namespace}/${name}`,
      );
      return res.ok ? ((await res.json()) as Entity) : undefined;
    };
    const relations = (entity: Entity) =>
      (entity.relations ?? []).map(r => `${r.type} ${r.targetRef}`).sort();

    const account = await waitFor(
      'the account with its relations',
      async () => {
        const entity = await getEntity(
          `resource:default/aws-account-${PAYMENTS}`,
        );
        // Relations to other emitted entities arrive once those are processed.
        return entity?.relations?.some(r => r.type === 'governedBy')
          ? entity
          : undefined;
      },
    );
    expect(account.metadata.title).toBe('payments-prod');
    expect(relations(account)).toEqual([
      // Team-level only: alice holds ReadOnlyAccess directly, which the
      // catalog does not say (hasPermissionSet says the set is there).
      'accessibleBy group:default/platform',
      'governedBy resource:default/aws-scp-abcd1234',
      'hasPermissionSet resource:default/aws-permission-set-aaaaaaaaaaaaaaaa',
      'hasPermissionSet resource:default/aws-permission-set-bbbbbbbbbbbbbbbb',
      'ownedBy group:default/payments',
      'partOf resource:default/aws-ou-ab12-22222222',
    ]);

    const unit = await waitFor('the OU with its accounts', async () => {
      const entity = await getEntity('resource:default/aws-ou-ab12-22222222');
      return entity?.relations?.some(r => r.type === 'hasPart')
        ? entity
        : undefined;
    });
    expect(relations(unit)).toEqual(
      expect.arrayContaining([
        'hasPart resource:default/aws-account-222222222222',
        'partOf resource:default/aws-ou-ab12-11111111',
      ]),
    );
    const scp = await getEntity('resource:default/aws-scp-abcd1234');
    expect(relations(scp!)).toEqual([
      'appliesTo resource:default/aws-account-222222222222',
      'appliesTo resource:default/aws-ou-ab12-11111111',
      'ownedBy group:default/platform',
    ]);

    // A new sync renames the account and announces it: the catalog follows
    // without waiting for the schedule.
    const next = createEnvelope();
    next.etag = '"etag-2"';
    next.snapshot.accounts[1].name = 'payments-production';
    state.envelope = next;
    await state.publish!();
    const renamed = await waitFor('the renamed account', async () => {
      const entity = await getEntity(
        `resource:default/aws-account-${PAYMENTS}`,
      );
      return entity?.metadata.title === 'payments-production'
        ? entity
        : undefined;
    });
    expect(renamed.metadata.name).toBe(`aws-account-${PAYMENTS}`);
  }, 60_000);
});
