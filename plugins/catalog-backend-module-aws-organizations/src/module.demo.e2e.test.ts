import {
  DEMO_IDS,
  RunningEmulator,
  startEmulator,
} from '@aws-governance/aws-emulator';
import {
  AWS_ENTITY_TYPES,
  AWS_RELATIONS,
} from '@aws-governance/plugin-aws-organizations-common';
import { awsEntityNames } from '@aws-governance/plugin-aws-organizations-common';
import {
  OrganizationsClient,
  TagResourceCommand,
} from '@aws-sdk/client-organizations';
import { mockServices } from '@backstage/backend-test-utils';
import { ServiceFactory } from '@backstage/backend-plugin-api';
import {
  RELATION_HAS_PART,
  RELATION_OWNED_BY,
  RELATION_PART_OF,
} from '@backstage/catalog-model';
import {
  portalConfig,
  PROVIDER_TASK_ID,
  relationLines,
  startPortal,
  waitFor,
} from './__testUtils__/portal';

// Generous: a sync and the catalog's background processing on a busy
// machine; nothing in the test waits on a clock of its own.
jest.setTimeout(180_000);

const resource = (name: string) => `resource:default/${name}`;
const account = (id: string) => resource(awsEntityNames.account(id));
const unit = (name: keyof typeof DEMO_IDS.ous) =>
  resource(awsEntityNames.organizationalUnit(DEMO_IDS.ous[name]));
const scp = (name: keyof typeof DEMO_IDS.policies) =>
  resource(awsEntityNames.serviceControlPolicy(DEMO_IDS.policies[name]));
const ROOT = resource(awsEntityNames.organizationRoot(DEMO_IDS.rootId));

const PAYMENTS_DEV = '724108355201';
const PAYMENTS_PROD_US = '724108355203';
const LOG_ARCHIVE = '502834119466';
const SANDBOX = '879953800701';

describe('the demo organization in the catalog (emulator → AWS Organizations backend → catalog)', () => {
  let emu: RunningEmulator;
  let portal: Awaited<ReturnType<typeof startPortal>> | undefined;
  afterEach(async () => {
    await portal?.backend.stop();
    await emu?.close();
  });

  it('holds every AWS entity with owners and relations, links services to accounts, and keeps them through a faulty sync', async () => {
    emu = await startEmulator({ dataset: 'demo' });
    // One mock scheduler for all plugins: the test runs the provider's
    // refresh task by hand (it also runs the tasks without initial delay at
    // startup).
    const scheduler = mockServices.scheduler() as ReturnType<
      typeof mockServices.scheduler
    > & { factory(): ServiceFactory };
    portal = await startPortal({
      config: portalConfig(emu),
      features: [scheduler.factory()],
    });
    const { getEntity, countEntities, syncNow } = portal;

    // The example teams are in the catalog before the first sync, so that
    // owners and principals resolve.
    await waitFor('the example groups', async () =>
      (await getEntity('group:default/payments')) ? true : undefined,
    );

    const first = await syncNow();
    expect(first.lastAttempt.status).toBe('succeeded');
    // The sync announces its snapshot; the refresh is also run by hand so
    // the test does not depend on event timing.
    await scheduler.triggerTask(PROVIDER_TASK_ID);

    const payments = await waitFor('stitched AWS relations', async () => {
      const entity = await getEntity(account(PAYMENTS_PROD_US));
      const lines = relationLines(entity);
      return lines.includes(
        `${AWS_RELATIONS.hosts} component:default/payments-api`,
      ) && lines.some(l => l.startsWith(AWS_RELATIONS.accessibleBy))
        ? entity
        : undefined;
    });
    expect(payments.metadata.title).toBe('payments-prod-us');

    // Every entity of the organization.
    const byType = async (type: string) =>
      countEntities(`kind=resource,spec.type=${type}`);
    const counts = async () => ({
      accounts: await byType(AWS_ENTITY_TYPES.account),
      organizationalUnits: await byType(AWS_ENTITY_TYPES.organizationalUnit),
      roots: await byType(AWS_ENTITY_TYPES.organizationRoot),
      serviceControlPolicies: await byType(
        AWS_ENTITY_TYPES.serviceControlPolicy,
      ),
      permissionSets: await byType(AWS_ENTITY_TYPES.permissionSet),
    });
    const demo = {
      accounts: 18,
      organizationalUnits: 11,
      roots: 1,
      serviceControlPolicies: 6,
      permissionSets: 7,
    };
    // The catalog processes the committed entities in the background.
    const seen = await waitFor('all AWS entities', async () => {
      const now = await counts();
      return JSON.stringify(now) === JSON.stringify(demo) ? now : undefined;
    });
    expect(seen).toEqual(demo);

    // Owners: from the account tag, inherited from the OU tag, or the
    // fallback when no tag names one.
    const ownerOf = async (ref: string) =>
      relationLines(await getEntity(ref)).filter(l =>
        l.startsWith(`${RELATION_OWNED_BY} `),
      );
    expect(await ownerOf(account(PAYMENTS_DEV))).toEqual([
      'ownedBy group:default/payments',
    ]);
    expect(await ownerOf(account(LOG_ARCHIVE))).toEqual([
      'ownedBy group:default/security',
    ]);
    expect(await ownerOf(account(SANDBOX))).toEqual([
      'ownedBy group:default/unknown',
    ]);
    expect(await ownerOf(unit('Infrastructure'))).toEqual([
      'ownedBy group:default/platform',
    ]);
    // SCPs and permission sets: their own owner tag (the demo tags them
    // `owner: security`), else the root's owner — the demo's root has no
    // owner tag, so the fallback owner for the AWS managed FullAWSAccess.
    const rootOwner = await ownerOf(ROOT);
    expect(rootOwner).toEqual(['ownedBy group:default/unknown']);
    const denyIamUsers = await getEntity(scp('DenyIamUserCreation'));
    expect(await ownerOf(scp('DenyIamUserCreation'))).toEqual([
      'ownedBy group:default/security',
    ]);
    expect(denyIamUsers!.metadata.labels).toMatchObject({
      'amazonaws.com/owner-source': 'resource-tag',
    });
    expect(await ownerOf(scp('FullAWSAccess'))).toEqual(rootOwner);
    // The owning team sees what it owns.
    expect(relationLines(await getEntity('group:default/payments'))).toEqual(
      expect.arrayContaining([
        `ownerOf ${account(PAYMENTS_DEV)}`,
        `${AWS_RELATIONS.hasAccessTo} ${account(PAYMENTS_DEV)}`,
      ]),
    );

    // An account with all its relations: the tree, the SCP attached to it,
    // who reaches it with which permission set, the service it hosts.
    const permissionSet = async (title: string) =>
      (await portal!.findRef(
        `kind=resource,spec.type=${AWS_ENTITY_TYPES.permissionSet},metadata.title=${title}`,
      ))!;
    const developer = await permissionSet('Developer');
    const securityAudit = await permissionSet('SecurityAudit');
    expect(await ownerOf(developer)).toEqual([
      'ownedBy group:default/security',
    ]);
    expect(relationLines(await getEntity(account(PAYMENTS_DEV)))).toEqual(
      [
        `${AWS_RELATIONS.accessibleBy} group:default/payments`,
        `${AWS_RELATIONS.accessibleBy} group:default/security`,
        `${AWS_RELATIONS.governedBy} ${scp('FullAWSAccess')}`,
        `${AWS_RELATIONS.hasPermissionSet} ${developer}`,
        `${AWS_RELATIONS.hasPermissionSet} ${securityAudit}`,
        `${AWS_RELATIONS.hosts} component:default/payments-sandbox-api`,
        `${RELATION_OWNED_BY} group:default/payments`,
        `${RELATION_PART_OF} ${unit('Dev')}`,
      ].sort(),
    );
    expect(relationLines(await getEntity(unit('Dev')))).toEqual(
      expect.arrayContaining([
        `${RELATION_HAS_PART} ${account(PAYMENTS_DEV)}`,
        `${RELATION_PART_OF} ${unit('Workloads')}`,
      ]),
    );
    expect(relationLines(await getEntity(ROOT))).toEqual(
      expect.arrayContaining([
        `${RELATION_HAS_PART} ${unit('Workloads')}`,
        `${AWS_RELATIONS.governedBy} ${scp('ProtectCloudTrail')}`,
      ]),
    );

    // SCPs apply to their targets, and the targets are governed by them.
    expect(relationLines(await getEntity(scp('DenyIamUserCreation')))).toEqual(
      expect.arrayContaining([
        `${AWS_RELATIONS.appliesTo} ${unit('Workloads')}`,
      ]),
    );
    expect(relationLines(await getEntity(unit('Workloads')))).toEqual(
      expect.arrayContaining([
        `${AWS_RELATIONS.governedBy} ${scp('DenyIamUserCreation')}`,
      ]),
    );

    // Access: the Developer permission set is provisioned in payments-dev.
    // tom.okafor holds AdministratorAccess on payments-prod-us directly: the
    // catalog says the set is provisioned there, not who holds it.
    expect(relationLines(await getEntity(developer))).toEqual(
      expect.arrayContaining([
        `${AWS_RELATIONS.provisionedIn} ${account(PAYMENTS_DEV)}`,
        `${RELATION_OWNED_BY} group:default/security`,
      ]),
    );
    const administrator = await permissionSet('AdministratorAccess');
    expect(relationLines(payments)).toEqual(
      expect.arrayContaining([
        `${AWS_RELATIONS.hasPermissionSet} ${administrator}`,
      ]),
    );
    expect(
      relationLines(await getEntity('user:default/tom.okafor')).filter(l =>
        l.startsWith(AWS_RELATIONS.hasAccessTo),
      ),
    ).toEqual([]);
    expect(JSON.stringify(payments)).not.toMatch(/tom\.okafor|"USER"/);

    // A demo service annotated with its account id, and the account back.
    expect(
      relationLines(await getEntity('component:default/payments-api')),
    ).toEqual(
      expect.arrayContaining([
        `${AWS_RELATIONS.runsIn} ${account(PAYMENTS_PROD_US)}`,
      ]),
    );
    expect(relationLines(payments)).toEqual(
      expect.arrayContaining([
        `${AWS_RELATIONS.hosts} component:default/payments-api`,
      ]),
    );

    // A fault: the organization changes (payments-dev now tagged for
    // checkout) but SSO Admin denies the next read. The run is incomplete,
    // the backend keeps the last snapshot and the catalog keeps its entities.
    const organizations = new OrganizationsClient({
      endpoint: emu.url,
      region: 'us-east-1',
      credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    });
    await organizations.send(
      new TagResourceCommand({
        ResourceId: PAYMENTS_DEV,
        Tags: [{ Key: 'owner', Value: 'checkout' }],
      }),
    );
    organizations.destroy();
    const etagBefore = await portal.snapshotEtag();
    expect(etagBefore).toMatch(/^"\w+"$/);
    emu.setFaults({ accessDenied: ['ssoAdmin'] });
    const faulty = await syncNow();
    expect(faulty.lastAttempt.status).toBe('incomplete');
    // The backend kept the last complete snapshot (same ETag), so the
    // provider's refresh gets 304 and commits nothing: the catalog cannot
    // have changed, no waiting needed to see it.
    expect(await portal.snapshotEtag()).toBe(etagBefore);
    await scheduler.triggerTask(PROVIDER_TASK_ID);
    expect(await ownerOf(account(PAYMENTS_DEV))).toEqual([
      'ownedBy group:default/payments',
    ]);
    expect(await byType(AWS_ENTITY_TYPES.permissionSet)).toBe(7);
    expect(await byType(AWS_ENTITY_TYPES.account)).toBe(18);

    // Once the fault is gone the change reaches the catalog.
    emu.setFaults({});
    const healed = await syncNow();
    expect(healed.lastAttempt.status).toBe('succeeded');
    await scheduler.triggerTask(PROVIDER_TASK_ID);
    await waitFor('the new owner', async () =>
      (await ownerOf(account(PAYMENTS_DEV)))[0] ===
      'ownedBy group:default/checkout'
        ? true
        : undefined,
    );
  });
});
