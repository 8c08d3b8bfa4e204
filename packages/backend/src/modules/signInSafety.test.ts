import path from 'node:path';
import { ConfigReader } from '@backstage/config';
import { ConfigSources } from '@backstage/config-loader';
import { JsonObject } from '@backstage/types';
import { checkSignInConfig } from './signInSafety';

const ROOT = path.resolve(__dirname, '../../../..');

/** What an installation puts in the environment for app-config.production.yaml. */
const PRODUCTION_ENV: Record<string, string> = {
  APP_BASE_URL: 'https://portal.securecart.example',
  POSTGRES_HOST: 'db.internal',
  POSTGRES_PORT: '5432',
  POSTGRES_USER: 'backstage',
  POSTGRES_PASSWORD: 'secret',
  AUTH_OKTA_CLIENT_ID: 'client',
  AUTH_OKTA_CLIENT_SECRET: 'secret',
  AUTH_OKTA_DOMAIN: 'https://securecart.okta.com',
  AWS_ORGANIZATIONS_ROLE_ARN: 'arn:aws:iam::111122223333:role/reader',
  AWS_ORGANIZATIONS_EXTERNAL_ID: 'backstage',
};

/**
 * The repository's config files as the backend loads them, in order, and
 * `extra` on top (null removes a key, as in a config file).
 */
async function load(files: string[], extra?: object) {
  const sources = ConfigSources.defaultForTargets({
    rootDir: ROOT,
    watch: false,
    targets: files.map(file => ({
      type: 'path',
      target: path.join(ROOT, file),
    })),
    substitutionFunc: async name => PRODUCTION_ENV[name],
  });
  const config = await ConfigSources.toConfig(sources);
  const data = config.get() as JsonObject;
  config.close();
  return ConfigReader.fromConfigs([
    { data, context: 'files' },
    ...(extra ? [{ data: extra as JsonObject, context: 'test' }] : []),
  ]);
}

const DEMO = ['app-config.yaml'];
const PRODUCTION = ['app-config.yaml', 'app-config.production.yaml'];

describe('checkSignInConfig', () => {
  it('lets the demo sign anyone in, in development only', async () => {
    const demo = await load(DEMO);
    expect(() => checkSignInConfig(demo, 'development')).not.toThrow();
    expect(() => checkSignInConfig(demo, 'production')).toThrow(
      /^Invalid config at auth\.providers\.guest: the guest sign-in lets anyone in without credentials and works only in development \(NODE_ENV is 'production'\)/,
    );
    expect(() => checkSignInConfig(demo, undefined)).toThrow(
      /auth\.providers\.guest: .*NODE_ENV is unset/,
    );
  });

  it('refuses the demo developer outside development, naming its key', async () => {
    const config = await load(DEMO, { auth: { providers: { guest: null } } });
    expect(() => checkSignInConfig(config, 'production')).toThrow(
      /^Invalid config at auth\.providers\.demo-developer: /,
    );
  });

  it('accepts the production config: Okta for auth.environment production, no development-only provider', async () => {
    const production = await load(PRODUCTION);
    expect(production.getString('auth.environment')).toBe('production');
    expect(production.getOptionalConfig('auth.providers')?.keys()).toEqual([
      'okta',
    ]);
    expect(() => checkSignInConfig(production, 'production')).not.toThrow();
  });

  it('stops the production config without a sign-in provider, naming the key', async () => {
    const config = await load(PRODUCTION, {
      auth: { providers: { okta: null } },
    });
    expect(() => checkSignInConfig(config, 'production')).toThrow(
      /^Invalid config at auth\.providers: no sign-in provider is configured/,
    );
  });

  it('stops a provider without settings for auth.environment, naming the key', async () => {
    const config = await load(PRODUCTION, {
      auth: { environment: 'staging' },
    });
    expect(() => checkSignInConfig(config, 'production')).toThrow(
      /^Invalid config at auth\.providers\.okta\.staging: /,
    );
  });

  it('stops the production config with guest turned back on', async () => {
    const config = await load(PRODUCTION, {
      auth: { providers: { guest: { userEntityRef: 'user:default/guest' } } },
    });
    expect(() => checkSignInConfig(config, 'production')).toThrow(
      /^Invalid config at auth\.providers\.guest: /,
    );
  });
});
