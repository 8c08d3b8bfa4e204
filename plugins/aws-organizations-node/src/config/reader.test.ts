import { ConfigReader } from '@backstage/config';
import { readAwsOrganizationsReaderConfig } from './reader';

const read = (awsOrganizations: unknown) =>
  readAwsOrganizationsReaderConfig(
    new ConfigReader({ awsOrganizations } as any),
  );

describe('readAwsOrganizationsReaderConfig', () => {
  it('applies defaults', () => {
    expect(read({})).toEqual({
      region: 'us-east-1',
      accountId: undefined,
      roleArn: undefined,
      externalId: undefined,
      endpoints: {
        organizations: undefined,
        ssoAdmin: undefined,
        identityStore: undefined,
      },
      rateLimits: {},
      delegatedAdministrator: false,
    });
  });

  it('reads a cap for the Identity Center budget and the delegated administrator flag', () => {
    const config = read({
      rateLimits: { identityCenter: { tps: 12 } },
      delegatedAdministrator: true,
    });
    expect(config.rateLimits).toEqual({ identityCenter: { tps: 12 } });
    expect(config.delegatedAdministrator).toBe(true);
  });

  it('reads rate limit overrides per service', () => {
    expect(
      read({
        rateLimits: {
          ssoAdmin: { tps: 100, concurrency: 32 },
          organizations: { burst: 20 },
        },
      }).rateLimits,
    ).toEqual({
      ssoAdmin: { tps: 100, concurrency: 32 },
      organizations: { burst: 20 },
    });
  });

  it('reads a role with an external id and endpoint overrides', () => {
    expect(
      read({
        region: 'eu-west-1',
        roleArn: 'arn:aws:iam::481516234200:role/backstage-org-reader',
        externalId: 'backstage',
        endpoints: { organizations: 'http://localhost:4566/' },
      }),
    ).toMatchObject({
      region: 'eu-west-1',
      roleArn: 'arn:aws:iam::481516234200:role/backstage-org-reader',
      externalId: 'backstage',
      endpoints: { organizations: 'http://localhost:4566' },
    });
  });

  it('requires the root key', () => {
    expect(() =>
      readAwsOrganizationsReaderConfig(new ConfigReader({})),
    ).toThrow(/awsOrganizations/);
  });

  it.each([
    [{ region: 'moon-1' }, /awsOrganizations\.region: "moon-1"/],
    [{ accountId: '42' }, /awsOrganizations\.accountId: "42"/],
    [{ roleArn: 'admin' }, /awsOrganizations\.roleArn: "admin"/],
    [{ externalId: 'x' }, /awsOrganizations\.externalId/],
    [
      { endpoints: { ssoAdmin: 'localhost:4566' } },
      /awsOrganizations\.endpoints\.ssoAdmin: "localhost:4566" must be an http\(s\) URL/,
    ],
    [
      { endpoints: { identityStore: 'not a url' } },
      /awsOrganizations\.endpoints\.identityStore: "not a url" is not a URL/,
    ],
    [
      { rateLimits: { sts: { tps: 1 } } },
      /awsOrganizations\.rateLimits\.sts: unknown service/,
    ],
    [
      { rateLimits: { ssoAdmin: { tps: 0 } } },
      /awsOrganizations\.rateLimits\.ssoAdmin\.tps: 0 must be a positive number/,
    ],
    [
      { rateLimits: { ssoAdmin: { rps: 5 } } },
      /awsOrganizations\.rateLimits\.ssoAdmin\.rps: unknown key/,
    ],
  ])('names the key at fault for %j', (config, message) => {
    expect(() => read(config)).toThrow(message);
  });
});
