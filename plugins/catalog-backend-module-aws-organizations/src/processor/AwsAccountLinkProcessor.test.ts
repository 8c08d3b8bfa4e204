import { Entity } from '@backstage/catalog-model';
import { CatalogProcessorResult } from '@backstage/plugin-catalog-node';
import { AwsAccountLinkProcessor } from './AwsAccountLinkProcessor';

const location = {
  type: 'url',
  target: 'https://example.com/catalog-info.yaml',
};

async function process(entity: Entity, namespace?: string) {
  const results: CatalogProcessorResult[] = [];
  const out = await new AwsAccountLinkProcessor({
    namespace,
  }).postProcessEntity(entity, location, r => results.push(r));
  expect(out).toBe(entity);
  return results;
}

const service = (accountId?: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'payments-api',
    namespace: 'default',
    annotations: accountId ? { 'amazonaws.com/account-id': accountId } : {},
  },
  spec: { type: 'service', owner: 'payments', lifecycle: 'production' },
});

describe('AwsAccountLinkProcessor', () => {
  it('links an annotated service to its account, both ways', async () => {
    expect(await process(service('724108355203'))).toEqual([
      {
        type: 'relation',
        relation: {
          source: {
            kind: 'Component',
            namespace: 'default',
            name: 'payments-api',
          },
          type: 'runsIn',
          target: {
            kind: 'Resource',
            namespace: 'default',
            name: 'aws-account-724108355203',
          },
        },
      },
      {
        type: 'relation',
        relation: {
          source: {
            kind: 'Resource',
            namespace: 'default',
            name: 'aws-account-724108355203',
          },
          type: 'hosts',
          target: {
            kind: 'Component',
            namespace: 'default',
            name: 'payments-api',
          },
        },
      },
    ]);
  });

  it('uses the configured namespace of the account entities', async () => {
    const [first] = await process(service('724108355203'), 'aws');
    expect(first).toMatchObject({
      relation: {
        target: { namespace: 'aws', name: 'aws-account-724108355203' },
      },
    });
  });

  it('ignores entities without the annotation', async () => {
    expect(await process(service())).toEqual([]);
  });

  it('does not link an account entity to itself', async () => {
    const account: Entity = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Resource',
      metadata: {
        name: 'aws-account-724108355203',
        annotations: { 'amazonaws.com/account-id': '724108355203' },
      },
      spec: { type: 'cloud-account', owner: 'payments' },
    };
    expect(await process(account)).toEqual([]);
  });

  it('reports a malformed account id as an input error on the entity', async () => {
    const results = await process(service('7241-0835-5203'));
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({
      type: 'error',
      location,
    });
    expect((results[0] as any).error.message).toMatch(
      /Component:default\/payments-api is "7241-0835-5203"/,
    );
  });
});
