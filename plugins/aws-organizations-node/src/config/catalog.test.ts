import { ConfigReader } from '@backstage/config';
import { readAwsOrganizationsCatalogConfig } from './catalog';
import { readAwsOrganizationsConfig } from './settings';

const read = (catalog?: unknown) =>
  readAwsOrganizationsCatalogConfig(
    new ConfigReader(
      catalog === undefined ? {} : { awsOrganizations: { catalog } },
    ),
  );

describe('readAwsOrganizationsCatalogConfig', () => {
  it('has defaults for everything', () => {
    expect(read()).toEqual({
      namespace: 'default',
      fallbackOwner: 'group:default/unknown',
      emitMissingPrincipals: false,
      schedule: {
        frequency: { minutes: 5 },
        timeout: { minutes: 3 },
        scope: 'global',
      },
    });
  });

  it('reads every key', () => {
    expect(
      read({
        namespace: 'aws',
        fallbackOwner: 'cloud-team',
        emitMissingPrincipals: true,
        schedule: {
          frequency: { minutes: 30 },
          timeout: { minutes: 10 },
          initialDelay: { seconds: 15 },
        },
      }),
    ).toEqual({
      namespace: 'aws',
      fallbackOwner: 'group:aws/cloud-team',
      emitMissingPrincipals: true,
      schedule: {
        frequency: { minutes: 30 },
        timeout: { minutes: 10 },
        initialDelay: { seconds: 15 },
        scope: 'global',
      },
    });
    expect(read({ fallbackOwner: 'User:default/jane' }).fallbackOwner).toBe(
      'user:default/jane',
    );
    expect(
      read({
        schedule: {
          frequency: { minutes: 1 },
          timeout: { minutes: 1 },
          scope: 'local',
        },
      }).schedule.scope,
    ).toBe('local');
  });

  it('names the key at fault', () => {
    expect(() => read({ namespace: 'Not_Valid' })).toThrow(
      'Invalid config at awsOrganizations.catalog.namespace: "Not_Valid" is not a valid catalog namespace',
    );
    expect(() => read({ fallbackOwner: 'component:default/x' })).toThrow(
      'Invalid config at awsOrganizations.catalog.fallbackOwner: "component:default/x" must name a Group or a User',
    );
    expect(() => read({ fallbackOwner: 'group:' })).toThrow(
      /^Invalid config at awsOrganizations.catalog.fallbackOwner: "group:" is not an entity ref/,
    );
    expect(() => read({ schedule: { frequency: { minutes: 5 } } })).toThrow(
      /^Invalid config at awsOrganizations.catalog.schedule: .*timeout/,
    );
    expect(() => read({ emitMissingPrincipals: [true] })).toThrow(
      /awsOrganizations.catalog.emitMissingPrincipals/,
    );
  });

  it('rejects a namespace the catalog would reject, in the backend too', () => {
    // One rule for one key: the backend plugin reads `catalog.namespace`
    // and `ownership.namespace` with the catalog's own namespace rule.
    const backend = (settings: object) =>
      readAwsOrganizationsConfig(
        new ConfigReader({ awsOrganizations: settings }),
      );
    for (const namespace of ['My_NS', 'UPPER', 'a'.repeat(64), 'a.b']) {
      expect(() => read({ namespace })).toThrow(
        `Invalid config at awsOrganizations.catalog.namespace: "${namespace}" is not a valid catalog namespace`,
      );
      expect(() => backend({ catalog: { namespace } })).toThrow(
        `Invalid config at awsOrganizations.catalog.namespace: "${namespace}" is not a valid catalog namespace`,
      );
      expect(() => backend({ ownership: { namespace } })).toThrow(
        `Invalid config at awsOrganizations.ownership.namespace: "${namespace}" is not a valid catalog namespace`,
      );
    }
    expect(backend({ catalog: { namespace: 'aws-prod' } }).catalog).toEqual(
      read({ namespace: 'aws-prod' }),
    );
  });

  it('names the root key when awsOrganizations is not an object', () => {
    expect(() =>
      readAwsOrganizationsCatalogConfig(
        new ConfigReader({ awsOrganizations: 'yes' }),
      ),
    ).toThrow(/^Invalid config at awsOrganizations: /);
  });
});
