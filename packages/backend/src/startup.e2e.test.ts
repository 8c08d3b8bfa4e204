import { ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/*
 * The real demo backend (src/index.ts), started as `yarn start` starts it
 * but with NODE_ENV=production, on the repository's config files. Each run
 * listens on a free port and uses SQLite in memory (a last config file on
 * top), so it needs neither the fixed ports nor PostgreSQL.
 */

jest.setTimeout(180_000);

const ROOT = path.resolve(__dirname, '../../..');
const BACKEND = path.resolve(__dirname, '..');

const ENV = {
  NODE_ENV: 'production',
  APP_BASE_URL: 'http://127.0.0.1:9',
  AUTH_OKTA_CLIENT_ID: 'client',
  AUTH_OKTA_CLIENT_SECRET: 'secret',
  AUTH_OKTA_DOMAIN: 'https://securecart.okta.com',
};

let dir: string;
let child: ChildProcess | undefined;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'backend-startup-'));
});
afterEach(() => {
  if (child?.exitCode === null) child.kill('SIGKILL');
  child = undefined;
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/**
 * Starts the backend and resolves when it exits, or when its log says the
 * plugins are up (it is then left running for the test to stop).
 */
async function start(configs: string[], overrides: string) {
  const local = path.join(dir, `local-${configs.length}-${Date.now()}.yaml`);
  await writeFile(
    local,
    `backend:\n  listen: '127.0.0.1:0'\n  database:\n    client: better-sqlite3\n    connection: ':memory:'\n${overrides}`,
  );
  const args = [
    '--require',
    require.resolve('@backstage/cli-node/config/nodeTransform.cjs'),
    'src/index.ts',
    ...[...configs.map(file => path.join(ROOT, file)), local].flatMap(file => [
      '--config',
      file,
    ]),
  ];
  const proc = spawn(process.execPath, args, {
    cwd: BACKEND,
    env: { ...process.env, ...ENV },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child = proc;
  let log = '';
  return new Promise<{ exitCode: number | null; log: string }>(resolve => {
    const onData = (chunk: Buffer) => {
      log += chunk.toString();
      if (log.includes('Plugin initialization complete')) {
        resolve({ exitCode: proc.exitCode, log });
      }
    };
    proc.stdout!.on('data', onData);
    proc.stderr!.on('data', onData);
    proc.on('exit', code => resolve({ exitCode: code, log }));
  });
}

/** Waits for the backend started last to exit. */
function exited(): Promise<number | null> {
  const proc = child!;
  if (proc.exitCode !== null) return Promise.resolve(proc.exitCode);
  return new Promise(resolve => proc.on('exit', resolve));
}

describe('the demo backend outside development', () => {
  it('does not start on the demo config (guest sign-in), naming the key', async () => {
    const { log } = await start(['app-config.yaml'], '');
    expect(await exited()).toBe(1);
    expect(log).toContain(
      'Invalid config at auth.providers.guest: the guest sign-in lets anyone in without credentials and works only in development',
    );
  });

  it('does not start on the production config without a sign-in provider, naming the key', async () => {
    const { log } = await start(
      ['app-config.yaml', 'app-config.production.yaml'],
      'auth:\n  providers:\n    okta: null\n',
    );
    expect(await exited()).toBe(1);
    expect(log).toContain(
      'Invalid config at auth.providers: no sign-in provider is configured',
    );
  });

  it('starts on the production config with Okta', async () => {
    const { exitCode, log } = await start(
      ['app-config.yaml', 'app-config.production.yaml'],
      '',
    );
    expect({ exitCode, failed: log.match(/.*startup failed.*/)?.[0] }).toEqual({
      exitCode: null,
      failed: undefined,
    });
    expect(log).toContain('Configuring auth provider: okta');
    expect(log).not.toMatch(
      /Configuring auth provider: (guest|demo-developer)/,
    );
  });
});
