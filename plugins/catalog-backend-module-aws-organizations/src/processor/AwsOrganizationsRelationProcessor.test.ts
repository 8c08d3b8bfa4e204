import { Entity } from '@backstage/catalog-model';
import { CatalogProcessorResult } from '@backstage/plugin-catalog-node';
import { AwsOrganizationsRelationProcessor } from './AwsOrganizationsRelationProcessor';

const location = { type: 'aws-organizations', target: 'o-abc123def4/x' };

async function process(entity: Entity) {
  const results: CatalogProcessorResult[] = [];
  const out = await new AwsOrganizationsRelationProcessor().postProcessEntity(
    entity,
    location,
    r => results.push(r),
  );
  expect(out).toBe(entity);
  return results;
}

/** Relations as `source type target` lines, for readable assertions. */
function lines(results: CatalogProcessorResult[]): string[] {
  const ref = (r: { kind: string; namespace: string; name: string }) =>
    `${r.kind.toLocaleLowerCase('en-US')}:${r.namespace}/${r.name}`;
  return results.map(r => {
    if (r.type !== 'relation') {
      throw new Error(`Unexpected ${r.type} result`);
    }
    const { source, type, target } = r.relation;
    return `${ref(source)} ${type} ${ref(target)}`;
  });
}

const resource = (name: string, spec: Record<string, unknown>): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: { name, namespace: 'aws' },
  spec: { owner: 'group:default/platform', ...spec },
});

describe('AwsOrganizationsRelationProcessor', () => {
  it('puts an OU in its parent, both ways', async () => {
    const results = await process(
      resource('aws-ou-ab12-22222222', {
        type: 'aws-organizational-unit',
        parent: 'resource:aws/aws-ou-ab12-11111111',
      }),
    );
    expect(lines(results)).toEqual([
      'resource:aws/aws-ou-ab12-22222222 partOf resource:aws/aws-ou-ab12-11111111',
      'resource:aws/aws-ou-ab12-11111111 hasPart resource:aws/aws-ou-ab12-22222222',
    ]);
  });

  it('puts an account in its OU and links its principals and permission sets, both ways', async () => {
    const results = await process(
      resource('aws-account-222222222222', {
        type: 'cloud-account',
        // A relative ref resolves in the entity's namespace.
        parent: 'aws-ou-ab12-22222222',
        accessGrants: [
          {
            principal: 'group:default/platform',
            principalType: 'GROUP',
            principalId: 'g1',
            principalName: 'Platform',
            permissionSet: 'resource:aws/aws-permission-set-aaaa',
            permissionSetName: 'Admin',
            via: 'direct',
          },
          {
            principal: 'alice',
            principalType: 'USER',
            principalId: 'u1',
            principalName: 'alice',
            permissionSet: 'resource:aws/aws-permission-set-bbbb',
            permissionSetName: 'ReadOnly',
            via: 'direct',
          },
          {
            principal: 'user:default/bob',
            principalType: 'USER',
            principalId: 'u2',
            principalName: 'bob',
            permissionSet: 'resource:aws/aws-permission-set-aaaa',
            permissionSetName: 'Admin',
            via: 'group',
            groupId: 'g1',
            group: 'group:default/platform',
          },
          {
            principalType: 'GROUP',
            principalId: 'g2',
            principalName: 'Contractors',
            permissionSet: 'resource:aws/aws-permission-set-bbbb',
            permissionSetName: 'ReadOnly',
            via: 'direct',
          },
        ],
      }),
    );
    expect(lines(results)).toEqual([
      'resource:aws/aws-account-222222222222 partOf resource:aws/aws-ou-ab12-22222222',
      'resource:aws/aws-ou-ab12-22222222 hasPart resource:aws/aws-account-222222222222',
      'resource:aws/aws-permission-set-aaaa provisionedIn resource:aws/aws-account-222222222222',
      'resource:aws/aws-account-222222222222 hasPermissionSet resource:aws/aws-permission-set-aaaa',
      'group:default/platform hasAccessTo resource:aws/aws-account-222222222222',
      'resource:aws/aws-account-222222222222 accessibleBy group:default/platform',
      'resource:aws/aws-permission-set-bbbb provisionedIn resource:aws/aws-account-222222222222',
      'resource:aws/aws-account-222222222222 hasPermissionSet resource:aws/aws-permission-set-bbbb',
      'user:aws/alice hasAccessTo resource:aws/aws-account-222222222222',
      'resource:aws/aws-account-222222222222 accessibleBy user:aws/alice',
    ]);
  });

  it('provisions every permission set of spec.permissionSets in the account, once', async () => {
    const results = await process(
      resource('aws-account-333333333333', {
        type: 'cloud-account',
        accessGrants: [
          {
            principal: 'group:default/platform',
            principalType: 'GROUP',
            principalId: 'g1',
            principalName: 'Platform',
            permissionSet: 'resource:aws/aws-permission-set-aaaa',
            permissionSetName: 'Admin',
            via: 'direct',
          },
        ],
        permissionSets: [
          'resource:aws/aws-permission-set-aaaa',
          'aws-permission-set-cccc',
        ],
      }),
    );
    expect(lines(results)).toEqual([
      'resource:aws/aws-permission-set-aaaa provisionedIn resource:aws/aws-account-333333333333',
      'resource:aws/aws-account-333333333333 hasPermissionSet resource:aws/aws-permission-set-aaaa',
      'group:default/platform hasAccessTo resource:aws/aws-account-333333333333',
      'resource:aws/aws-account-333333333333 accessibleBy group:default/platform',
      'resource:aws/aws-permission-set-cccc provisionedIn resource:aws/aws-account-333333333333',
      'resource:aws/aws-account-333333333333 hasPermissionSet resource:aws/aws-permission-set-cccc',
    ]);
  });

  it('applies an SCP to its targets, both ways', async () => {
    const results = await process(
      resource('aws-scp-abcd1234', {
        type: 'aws-service-control-policy',
        targets: [
          'resource:aws/aws-root-ab12',
          'resource:aws/aws-account-222222222222',
        ],
      }),
    );
    expect(lines(results)).toEqual([
      'resource:aws/aws-scp-abcd1234 appliesTo resource:aws/aws-root-ab12',
      'resource:aws/aws-root-ab12 governedBy resource:aws/aws-scp-abcd1234',
      'resource:aws/aws-scp-abcd1234 appliesTo resource:aws/aws-account-222222222222',
      'resource:aws/aws-account-222222222222 governedBy resource:aws/aws-scp-abcd1234',
    ]);
  });

  it('applies an RCP to its targets, both ways', async () => {
    const results = await process(
      resource('aws-rcp-perim001', {
        type: 'aws-resource-control-policy',
        targets: ['resource:aws/aws-ou-ab12-11111111'],
      }),
    );
    expect(lines(results)).toEqual([
      'resource:aws/aws-rcp-perim001 appliesTo resource:aws/aws-ou-ab12-11111111',
      'resource:aws/aws-ou-ab12-11111111 governedBy resource:aws/aws-rcp-perim001',
    ]);
  });

  it('ignores other entities and the fields of other types', async () => {
    expect(
      await process(
        resource('db', { type: 'database', parent: 'resource:aws/x' }),
      ),
    ).toEqual([]);
    expect(
      await process({
        ...resource('c', { type: 'cloud-account', parent: 'resource:aws/x' }),
        kind: 'Component',
      }),
    ).toEqual([]);
    expect(
      await process(
        resource('aws-root-ab12', {
          type: 'aws-organization-root',
          parent: 'resource:aws/x',
          targets: ['resource:aws/y'],
        }),
      ),
    ).toEqual([]);
  });

  it('reports a malformed ref as an input error and keeps the rest', async () => {
    const results = await process(
      resource('aws-scp-abcd1234', {
        type: 'aws-service-control-policy',
        targets: ['resource:aws/', 42, 'resource:aws/aws-root-ab12'],
      }),
    );
    expect(results.map(r => r.type)).toEqual([
      'error',
      'error',
      'relation',
      'relation',
    ]);
    expect(results[0]).toMatchObject({
      type: 'error',
      location,
      error: {
        message: expect.stringMatching(
          /^Invalid spec.targets of Resource:aws\/aws-scp-abcd1234: /,
        ),
      },
    });
    expect((results[1] as any).error.message).toMatch(/got 42/);
  });
});
