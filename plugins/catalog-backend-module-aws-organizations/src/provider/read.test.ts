import {
  AwsAccountTransformer,
  AwsOrganizationsTransformerContext,
} from '@aws-governance/plugin-aws-organizations-node';
import {
  ANNOTATION_AWS_ORGANIZATIONAL_UNIT_ID,
  ANNOTATION_AWS_PERMISSION_SET_ARN,
} from '@aws-governance/plugin-aws-organizations-common';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { DeferredEntity } from '@backstage/plugin-catalog-node';
import {
  createEnvelope,
  createSnapshot,
  G_CONTRACTORS,
  G_PLATFORM,
  MANAGEMENT,
  OU_PROD,
  OU_WORKLOADS,
  PAYMENTS,
  PS_ADMIN,
  PS_READ,
  ROOT_ID,
  SANDBOX,
  U_ALICE,
  U_BOB,
} from '../__fixtures__/envelope';
import { validateEntity } from '../__testUtils__/validateEntity';
import { defaultTransformers } from './defaultTransformers';
import { readEntities, ReadOptions } from './read';

const options: ReadOptions = {
  namespace: 'default',
  fallbackOwner: 'group:default/unknown',
  emitMissingPrincipals: false,
  transformers: defaultTransformers,
};

function byName(entities: DeferredEntity[], name: string): Entity {
  const found = entities.find(e => e.entity.metadata.name === name);
  if (!found) {
    throw new Error(
      `No entity ${name} among ${entities
        .map(e => e.entity.metadata.name)
        .join(', ')}`,
    );
  }
  return found.entity;
}

describe('readEntities', () => {
  it('names long ids as the frontend and the backend link to them', async () => {
    // The same literals are asserted on the frontend's links
    // (plugins/aws-organizations, entities.test.ts) and the backend's refs
    // (governance/buildGovernanceIndex.test.ts).
    const longUnit =
      'ou-ab12cd34ef56ab12cd34ef56ab12cd34-0123456789abcdef0123456789abcdef';
    const longPermissionSet =
      'arn:aws:sso:::permissionSet/ssoins-7223a1b2c3d4e5f6/ps-0123456789abcdef0123456789abcdef0123456789abcdef';
    const snapshot = createSnapshot();
    snapshot.organizationalUnits.push({
      ...snapshot.organizationalUnits[0],
      id: longUnit,
      arn: `arn:aws:organizations::111111111111:ou/o-abc123def4/${longUnit}`,
    });
    if (snapshot.identityCenter.status !== 'available') {
      throw new Error('fixture without Identity Center');
    }
    snapshot.identityCenter.permissionSets.push({
      ...snapshot.identityCenter.permissionSets[0],
      arn: longPermissionSet,
    });
    const entities = await readEntities(createEnvelope(snapshot), options);
    const refOf = (annotation: string, value: string) => {
      const found = entities.find(
        e => e.entity.metadata.annotations?.[annotation] === value,
      );
      return found && stringifyEntityRef(found.entity);
    };
    expect(refOf(ANNOTATION_AWS_ORGANIZATIONAL_UNIT_ID, longUnit)).toBe(
      'resource:default/aws-ou-ab12cd34ef56ab12cd34ef56ab12cd34-0123456789abcd-25d6144c',
    );
    expect(refOf(ANNOTATION_AWS_PERMISSION_SET_ARN, longPermissionSet)).toBe(
      'resource:default/aws-permission-set-0123456789abcdef0123456789abcdef012-6afda7ed',
    );
  });

  it('emits one valid entity per root, OU, account, SCP and permission set, with its own location', async () => {
    const entities = await readEntities(createEnvelope(), options);
    expect(
      entities.map(e => [
        e.entity.kind,
        (e.entity.spec as any).type,
        e.entity.metadata.name,
        e.locationKey,
      ]),
    ).toEqual([
      [
        'Resource',
        'aws-organization-root',
        'aws-root-ab12',
        'aws-organizations:o-abc123def4/root/r-ab12',
      ],
      [
        'Resource',
        'aws-organizational-unit',
        'aws-ou-ab12-11111111',
        `aws-organizations:o-abc123def4/organizational-unit/${OU_WORKLOADS}`,
      ],
      [
        'Resource',
        'aws-organizational-unit',
        'aws-ou-ab12-22222222',
        `aws-organizations:o-abc123def4/organizational-unit/${OU_PROD}`,
      ],
      [
        'Resource',
        'cloud-account',
        'aws-account-111111111111',
        `aws-organizations:o-abc123def4/account/${MANAGEMENT}`,
      ],
      [
        'Resource',
        'cloud-account',
        'aws-account-222222222222',
        `aws-organizations:o-abc123def4/account/${PAYMENTS}`,
      ],
      [
        'Resource',
        'cloud-account',
        'aws-account-333333333333',
        `aws-organizations:o-abc123def4/account/${SANDBOX}`,
      ],
      [
        'Resource',
        'aws-service-control-policy',
        'aws-scp-fullawsaccess',
        'aws-organizations:o-abc123def4/service-control-policy/p-FullAWSAccess',
      ],
      [
        'Resource',
        'aws-service-control-policy',
        'aws-scp-abcd1234',
        'aws-organizations:o-abc123def4/service-control-policy/p-abcd1234',
      ],
      [
        'Resource',
        'aws-service-control-policy',
        'aws-scp-broken00',
        'aws-organizations:o-abc123def4/service-control-policy/p-broken00',
      ],
      [
        'Resource',
        'aws-permission-set',
        'aws-permission-set-aaaaaaaaaaaaaaaa',
        'aws-organizations:o-abc123def4/permission-set/ps-aaaaaaaaaaaaaaaa',
      ],
      [
        'Resource',
        'aws-permission-set',
        'aws-permission-set-bbbbbbbbbbbbbbbb',
        'aws-organizations:o-abc123def4/permission-set/ps-bbbbbbbbbbbbbbbb',
      ],
    ]);
    for (const { entity, locationKey } of entities) {
      await validateEntity(entity);
      expect(entity.metadata.namespace).toBe('default');
      expect(entity.metadata.annotations).toMatchObject({
        'backstage.io/managed-by-location': locationKey,
        'backstage.io/managed-by-origin-location': locationKey,
        'amazonaws.com/organization-id': 'o-abc123def4',
      });
      expect(typeof (entity.spec as any).owner).toBe('string');
    }
  });

  it('describes an account: title, annotations, state label, owner, links, parent, tags, grants', async () => {
    const entities = await readEntities(createEnvelope(), options);
    const payments = byName(entities, 'aws-account-222222222222');
    expect(payments.metadata).toEqual({
      name: 'aws-account-222222222222',
      namespace: 'default',
      title: 'payments-prod',
      description: 'AWS account payments-prod (222222222222), active.',
      annotations: {
        'amazonaws.com/account-id': PAYMENTS,
        'amazonaws.com/arn': `arn:aws:organizations::111111111111:account/o-abc123def4/${PAYMENTS}`,
        'amazonaws.com/organization-id': 'o-abc123def4',
        'backstage.io/managed-by-location': `aws-organizations:o-abc123def4/account/${PAYMENTS}`,
        'backstage.io/managed-by-origin-location': `aws-organizations:o-abc123def4/account/${PAYMENTS}`,
      },
      labels: {
        'amazonaws.com/account-state': 'active',
        'amazonaws.com/owner-source': 'account-tag',
      },
      links: [
        {
          url: 'https://d-9067abcdef.awsapps.com/start',
          title: 'AWS access portal',
          icon: 'dashboard',
        },
        {
          url: 'https://222222222222.signin.aws.amazon.com/console',
          title: 'AWS console sign-in',
          icon: 'cloud',
        },
      ],
    });
    const admin = {
      permissionSet: 'resource:default/aws-permission-set-aaaaaaaaaaaaaaaa',
      permissionSetName: 'AdministratorAccess',
    };
    expect(payments.spec).toEqual({
      type: 'cloud-account',
      owner: 'group:default/payments',
      parent: 'resource:default/aws-ou-ab12-22222222',
      state: 'ACTIVE',
      managementAccount: false,
      joinedMethod: 'CREATED',
      joinedTimestamp: '2024-01-02T03:04:05.000Z',
      awsTags: { owner: 'payments', env: 'prod' },
      accessGrants: [
        {
          principal: 'group:default/platform',
          principalType: 'GROUP',
          principalId: G_PLATFORM,
          principalName: 'Platform',
          ...admin,
          via: 'direct',
        },
      ],
      // Every set assigned in the account: alice's ReadOnlyAccess too, not
      // that she holds it.
      permissionSets: [
        'resource:default/aws-permission-set-aaaaaaaaaaaaaaaa',
        'resource:default/aws-permission-set-bbbbbbbbbbbbbbbb',
      ],
    });
    // alice holds ReadOnlyAccess directly: no entity names her.
    expect(JSON.stringify(entities)).not.toMatch(/alice/i);
  });

  it('falls back to the configured owner, marks the management account and lower-cases states', async () => {
    const entities = await readEntities(createEnvelope(), {
      ...options,
      fallbackOwner: 'group:default/cloud-team',
    });
    const management = byName(entities, 'aws-account-111111111111');
    expect(management.spec).toMatchObject({
      owner: 'group:default/cloud-team',
      parent: 'resource:default/aws-root-ab12',
      managementAccount: true,
    });
    expect(management.metadata.labels).toEqual({
      'amazonaws.com/account-state': 'active',
      'amazonaws.com/owner-source': 'none',
    });
    expect(management.metadata.description).toBe(
      'AWS account management (111111111111), active, the management account of the organization.',
    );

    const sandbox = byName(entities, 'aws-account-333333333333');
    expect(sandbox.metadata.labels).toEqual({
      'amazonaws.com/account-state': 'pending-closure',
      'amazonaws.com/owner-source': 'ou-tag',
    });
    // A relative owner ref from the backend is made a full ref.
    expect((sandbox.spec as any).owner).toBe('group:default/sandbox-team');
    // The Contractors group maps to no catalog entity: the grant is listed
    // without a principal ref, and its unmapped members are left out.
    expect((sandbox.spec as any).accessGrants).toEqual([
      {
        principalType: 'GROUP',
        principalId: G_CONTRACTORS,
        principalName: 'Contractors',
        permissionSet: 'resource:default/aws-permission-set-bbbbbbbbbbbbbbbb',
        permissionSetName: 'ReadOnlyAccess',
        via: 'direct',
      },
    ]);
  });

  it('describes the root and OUs with their parents and owners', async () => {
    const entities = await readEntities(createEnvelope(), options);
    const root = byName(entities, 'aws-root-ab12');
    expect(root.metadata).toMatchObject({
      title: 'AWS organization o-abc123def4',
      annotations: {
        'amazonaws.com/organizational-unit-id': ROOT_ID,
        'amazonaws.com/arn':
          'arn:aws:organizations::111111111111:root/o-abc123def4/r-ab12',
      },
      labels: { 'amazonaws.com/owner-source': 'default' },
    });
    expect(root.spec).toEqual({
      type: 'aws-organization-root',
      owner: 'group:default/platform',
      organization: {
        id: 'o-abc123def4',
        arn: 'arn:aws:organizations::111111111111:organization/o-abc123def4',
        featureSet: 'ALL',
        managementAccountId: MANAGEMENT,
        managementAccount: 'resource:default/aws-account-111111111111',
        enabledPolicyTypes: ['SERVICE_CONTROL_POLICY'],
      },
      awsTags: { owner: 'platform' },
    });

    const workloads = byName(entities, 'aws-ou-ab12-11111111');
    expect(workloads.metadata).toMatchObject({
      title: 'Workloads',
      annotations: { 'amazonaws.com/organizational-unit-id': OU_WORKLOADS },
      labels: { 'amazonaws.com/owner-source': 'none' },
    });
    // Unknown tags are left out rather than shown as empty.
    expect(workloads.spec).toEqual({
      type: 'aws-organizational-unit',
      owner: 'group:default/unknown',
      parent: 'resource:default/aws-root-ab12',
    });
    expect(byName(entities, 'aws-ou-ab12-22222222').spec).toEqual({
      type: 'aws-organizational-unit',
      owner: 'group:default/payments',
      parent: 'resource:default/aws-ou-ab12-11111111',
      awsTags: { owner: 'payments' },
    });
  });

  it('owns SCPs and permission sets by their own owner tag, else by the root owner', async () => {
    const envelope = createEnvelope();
    const [fullAccess, deny, broken] = envelope.snapshot.policies;
    deny.tags = { owner: 'security', team: 'iam' };
    broken.tags = { owner: 'not a ref!' };
    const rootOwner = envelope.resolution.unitOwners[ROOT_ID];
    envelope.resolution.policyOwners = {
      [fullAccess.id]: rootOwner,
      [deny.id]: {
        ref: 'group:default/security',
        source: 'resource-tag',
        tagValue: 'security',
        resolvable: true,
      },
      // an owner tag that makes no entity ref
      [broken.id]: {
        source: 'resource-tag',
        tagValue: 'not a ref!',
        resolvable: false,
      },
    };
    envelope.resolution.permissionSetOwners = {
      // a relative ref is made a full one
      [PS_ADMIN]: {
        ref: 'security',
        source: 'resource-tag',
        tagValue: 'security',
        resolvable: true,
      },
    };
    const entities = await readEntities(envelope, options);
    const owned = (name: string) => {
      const entity = byName(entities, name);
      return [
        (entity.spec as any).owner,
        entity.metadata.labels?.['amazonaws.com/owner-source'],
      ];
    };
    expect(owned('aws-scp-abcd1234')).toEqual([
      'group:default/security',
      'resource-tag',
    ]);
    expect(owned('aws-scp-fullawsaccess')).toEqual([
      'group:default/platform',
      'default',
    ]);
    expect(owned('aws-scp-broken00')).toEqual([
      'group:default/platform',
      'default',
    ]);
    expect(owned('aws-permission-set-aaaaaaaaaaaaaaaa')).toEqual([
      'group:default/security',
      'resource-tag',
    ]);
    // not in the backend's map: the root's owner
    expect(owned('aws-permission-set-bbbbbbbbbbbbbbbb')).toEqual([
      'group:default/platform',
      'default',
    ]);
    // an SCP's tags as read; unknown or unread ones are left out
    expect(byName(entities, 'aws-scp-abcd1234').spec?.awsTags).toEqual({
      owner: 'security',
      team: 'iam',
    });
    expect(byName(entities, 'aws-scp-fullawsaccess').spec).not.toHaveProperty(
      'awsTags',
    );
    deny.tags = { unknown: true, reason: 'AccessDenied' };
    const unknown = await readEntities(envelope, options);
    expect(byName(unknown, 'aws-scp-abcd1234').spec).not.toHaveProperty(
      'awsTags',
    );
  });

  it('describes SCPs with their document and targets, owned by the root owner with an older backend', async () => {
    const entities = await readEntities(createEnvelope(), options);
    const full = byName(entities, 'aws-scp-fullawsaccess');
    expect(full.metadata).toMatchObject({
      title: 'FullAWSAccess',
      description: 'Allows access to every operation',
      annotations: { 'amazonaws.com/policy-id': 'p-FullAWSAccess' },
      labels: {
        'amazonaws.com/aws-managed': 'true',
        'amazonaws.com/owner-source': 'default',
      },
    });
    expect(full.spec).toEqual({
      type: 'aws-service-control-policy',
      owner: 'group:default/platform',
      awsManaged: true,
      document: {
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }],
      },
      summary: ['allows everything'],
      targets: ['resource:default/aws-root-ab12'],
    });
    const deny = byName(entities, 'aws-scp-abcd1234');
    expect(deny.metadata.description).toBe(
      `Service control policy DenyLeaveOrganization (p-abcd1234): ${
        (deny.spec as any).summary[0]
      }.`,
    );
    expect((deny.spec as any).summary).toEqual([
      'protects Organizations: denies LeaveOrganization',
    ]);
    expect(deny.metadata.labels?.['amazonaws.com/aws-managed']).toBe('false');
    expect((deny.spec as any).targets).toEqual([
      'resource:default/aws-ou-ab12-11111111',
      'resource:default/aws-account-222222222222',
    ]);
    const broken = byName(entities, 'aws-scp-broken00');
    expect(broken.spec).toMatchObject({
      document: '{"Version": ',
      documentParseError: expect.stringMatching(/JSON/),
      summary: [expect.stringMatching(/^cannot be read/)],
      targets: [],
    });
  });

  it('describes permission sets with policies, boundary and session duration, owned by the root owner with an older backend', async () => {
    const entities = await readEntities(createEnvelope(), options);
    const admin = byName(entities, 'aws-permission-set-aaaaaaaaaaaaaaaa');
    expect(admin.metadata).toMatchObject({
      title: 'AdministratorAccess',
      description: 'Full administrator access',
      annotations: {
        'amazonaws.com/permission-set-arn': PS_ADMIN,
        'amazonaws.com/arn': PS_ADMIN,
      },
    });
    expect(admin.spec).toEqual({
      type: 'aws-permission-set',
      owner: 'group:default/platform',
      sessionDuration: 'PT1H',
      managedPolicies: [
        {
          arn: 'arn:aws:iam::aws:policy/AdministratorAccess',
          name: 'AdministratorAccess',
        },
      ],
      customerManagedPolicies: [{ name: 'audit-tags', path: '/' }],
      inlinePolicy: {
        Version: '2012-10-17',
        Statement: [
          { Effect: 'Deny', Action: 'iam:CreateUser', Resource: '*' },
        ],
      },
      permissionsBoundary: {
        type: 'managed',
        managedPolicyArn: 'arn:aws:iam::aws:policy/PowerUserAccess',
      },
      awsTags: {},
    });
    const read = byName(entities, 'aws-permission-set-bbbbbbbbbbbbbbbb');
    expect(read.metadata.description).toBe(
      'IAM Identity Center permission set ReadOnlyAccess.',
    );
    expect(
      read.metadata.annotations?.['amazonaws.com/permission-set-arn'],
    ).toBe(PS_READ);
    expect(read.spec).toEqual({
      type: 'aws-permission-set',
      owner: 'group:default/platform',
      sessionDuration: 'PT8H',
      relayState: 'https://console.aws.amazon.com/cloudwatch',
      managedPolicies: [
        {
          arn: 'arn:aws:iam::aws:policy/ReadOnlyAccess',
          name: 'ReadOnlyAccess',
        },
      ],
      customerManagedPolicies: { unknown: true, reason: 'AccessDenied' },
      inlinePolicy: null,
      permissionsBoundary: { type: 'none' },
    });
  });

  it('writes to the configured namespace and points every ref there', async () => {
    const entities = await readEntities(createEnvelope(), {
      ...options,
      namespace: 'aws',
    });
    for (const { entity } of entities) {
      expect(entity.metadata.namespace).toBe('aws');
      await validateEntity(entity);
    }
    expect(byName(entities, 'aws-account-222222222222').spec).toMatchObject({
      parent: 'resource:aws/aws-ou-ab12-22222222',
      accessGrants: expect.arrayContaining([
        expect.objectContaining({
          permissionSet: 'resource:aws/aws-permission-set-aaaaaaaaaaaaaaaa',
          // Principals keep the namespace of the backend's mapping.
          principal: 'group:default/platform',
        }),
      ]),
    });
  });

  it('emits Group entities without members, and no User, for principals the catalog lacks when asked to', async () => {
    const entities = await readEntities(createEnvelope(), {
      ...options,
      emitMissingPrincipals: true,
    });
    expect(entities).toHaveLength(12);
    for (const { entity } of entities) {
      await validateEntity(entity);
    }
    expect(entities.filter(({ entity }) => entity.kind === 'User')).toEqual([]);
    const contractorsRef = `group:default/aws-group-${G_CONTRACTORS}`;
    const group = byName(entities, `aws-group-${G_CONTRACTORS}`);
    expect(group).toMatchObject({
      kind: 'Group',
      metadata: {
        title: 'Contractors',
        description: 'External contractors',
        annotations: {
          'backstage.io/managed-by-location': `aws-organizations:o-abc123def4/group/${G_CONTRACTORS}`,
        },
      },
      spec: {
        type: 'aws-identity-center-group',
        profile: { displayName: 'Contractors' },
        children: [],
        // Carol is a member: person-level, left to the backend's API.
        members: [],
      },
    });
    expect(JSON.stringify(entities)).not.toMatch(/carol/i);
    expect(
      (byName(entities, 'aws-account-333333333333').spec as any).accessGrants,
    ).toEqual([
      expect.objectContaining({ principal: contractorsRef, via: 'direct' }),
    ]);
  });

  it('treats a mapped principal whose ref names no entity as missing', async () => {
    const envelope = createEnvelope();
    envelope.resolution.principals[G_PLATFORM].resolvable = false;
    const entities = await readEntities(envelope, {
      ...options,
      emitMissingPrincipals: true,
    });
    expect(byName(entities, `aws-group-${G_PLATFORM}`).spec).toMatchObject({
      profile: { displayName: 'Platform' },
      members: [],
    });
  });

  it('emits no permission sets, grants or portal link without Identity Center', async () => {
    const snapshot = createSnapshot();
    snapshot.identityCenter = { status: 'not-enabled' };
    const entities = await readEntities(createEnvelope(snapshot), options);
    expect(entities).toHaveLength(9);
    const payments = byName(entities, 'aws-account-222222222222');
    expect(payments.metadata.links).toEqual([
      expect.objectContaining({ title: 'AWS console sign-in' }),
    ]);
    expect((payments.spec as any).accessGrants).toEqual([]);
  });

  it('uses replacement transformers and leaves out what they drop', async () => {
    const seen: AwsOrganizationsTransformerContext[] = [];
    const account: AwsAccountTransformer = async (item, context) => {
      seen.push(context);
      if (item.state !== 'ACTIVE') {
        return undefined;
      }
      const entity = await defaultTransformers.account(item, context);
      return (
        entity && {
          ...entity,
          metadata: { ...entity.metadata, tags: ['aws'] },
        }
      );
    };
    const entities = await readEntities(createEnvelope(), {
      ...options,
      transformers: { ...defaultTransformers, account },
    });
    expect(entities.map(e => e.entity.metadata.name)).not.toContain(
      'aws-account-333333333333',
    );
    const payments = byName(entities, 'aws-account-222222222222');
    expect(payments.metadata.tags).toEqual(['aws']);
    expect(
      payments.metadata.annotations?.['backstage.io/managed-by-location'],
    ).toBe(`aws-organizations:o-abc123def4/account/${PAYMENTS}`);
    expect(seen).toHaveLength(3);
    expect(seen[0].refs.parent(OU_PROD)).toBe(
      'resource:default/aws-ou-ab12-22222222',
    );
    expect(seen[0].index.groupMembers.get(G_PLATFORM)).toEqual([
      U_ALICE,
      U_BOB,
    ]);
    expect(seen[0].accountOwner(PAYMENTS)).toEqual({
      ref: 'group:default/payments',
      source: 'account-tag',
    });
  });
});
