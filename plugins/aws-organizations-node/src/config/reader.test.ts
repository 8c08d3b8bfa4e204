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

  it('reads no roles source by default or with source none', () => {
    expect(read({}).roles).toBeUndefined();
    expect(read({ roles: { source: 'none' } }).roles).toBeUndefined();
  });

  it('reads a Config aggregator source, in the reader region by default', () => {
    expect(
      read({
        region: 'eu-west-1',
        roles: {
          source: 'config-aggregator',
          aggregatorName: 'org',
          accountId: '502834119477',
          roleName: 'BackstageIamReader',
          externalId: 'x',
        },
        endpoints: {
          config: 'http://127.0.0.1:4566',
          iam: 'http://127.0.0.1:4566',
        },
      }),
    ).toMatchObject({
      roles: {
        source: 'config-aggregator',
        aggregatorName: 'org',
        region: 'eu-west-1',
        accountId: '502834119477',
        roleName: 'BackstageIamReader',
        externalId: 'x',
      },
      endpoints: {
        config: 'http://127.0.0.1:4566',
        iam: 'http://127.0.0.1:4566',
      },
    });
  });

  it('reads a per-account role source with a default concurrency of 8', () => {
    expect(
      read({ roles: { source: 'account-role', roleName: 'Reader' } }).roles,
    ).toEqual({ source: 'account-role', roleName: 'Reader', concurrency: 8 });
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
      { rateLimits: { ec2: { tps: 1 } } },
      /awsOrganizations\.rateLimits\.ec2: unknown service/,
    ],
    [
      { rateLimits: { ssoAdmin: { tps: 0 } } },
      /awsOrganizations\.rateLimits\.ssoAdmin\.tps: 0 must be a positive number/,
    ],
    [{ roles: { source: 'ldap' } }, /awsOrganizations\.roles\.source: "ldap"/],
    [
      { roles: { source: 'config-aggregator' } },
      /awsOrganizations\.roles\.aggregatorName: is required/,
    ],
    [
      {
        roles: {
          source: 'config-aggregator',
          aggregatorName: 'a',
          accountId: '502834119477',
        },
      },
      /awsOrganizations\.roles\.roleName: roles\.accountId and roles\.roleName go together/,
    ],
    [
      {
        roles: {
          source: 'config-aggregator',
          aggregatorName: 'a',
          region: 'mars',
        },
      },
      /awsOrganizations\.roles\.region: "mars"/,
    ],
    [
      { roles: { source: 'account-role' } },
      /awsOrganizations\.roles\.roleName: is required/,
    ],
    [
      { roles: { source: 'account-role', roleName: 'a b' } },
      /awsOrganizations\.roles\.roleName: "a b" is not an IAM role name/,
    ],
    [
      { roles: { source: 'account-role', roleName: 'r', concurrency: 0 } },
      /awsOrganizations\.roles\.concurrency: 0 must be an integer from 1 to 64/,
    ],
    [
      { endpoints: { sts: 'nope' } },
      /awsOrganizations\.endpoints\.sts: "nope" is not a URL/,
    ],
    [
      { rateLimits: { ssoAdmin: { rps: 5 } } },
      /awsOrganizations\.rateLimits\.ssoAdmin\.rps: unknown key/,
    ],
  ])('names the key at fault for %j', (config, message) => {
    expect(() => read(config)).toThrow(message);
  });
});
