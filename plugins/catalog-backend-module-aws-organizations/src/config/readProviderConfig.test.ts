import { ConfigReader } from '@backstage/config';
import { readProviderConfig } from './readProviderConfig';

const read = (catalog?: unknown) =>
  readProviderConfig(
    new ConfigReader(
      catalog === undefined ? {} : { awsOrganizations: { catalog } },
    ),
  );

describe('readProviderConfig', () => {
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
});
