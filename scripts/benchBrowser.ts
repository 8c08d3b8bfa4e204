/*
 * What the page benchmarks share (scripts/benchExplorer.ts,
 * scripts/benchReviewQueue.ts): their common options, starting the portal
 * (the app built for free ports, the AWS emulator with a data set and the
 * demo backend serving the app) and waiting for its first sync, the
 * measured runs in headless Chromium (a fresh browser context each, signed
 * in as the guest, one warm-up run first), a Chromium trace and CPU profile
 * of the last run, and the medians.
 */
import { ChildProcess, spawn } from 'node:child_process';
import {
  appendFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { CDPSession, chromium, Page } from 'playwright-core';

const ROOT = resolve(__dirname, '..');

export function log(message: string) {
  process.stderr.write(`[bench:explorer] ${message}\n`);
}

let stopping = false;

let logDir = tmpdir();

function start(command: string, args: string[], cwd: string, name: string) {
  const child = spawn(command, args, {
    cwd,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, FORCE_COLOR: '0' },
  });
  // The whole output in a file (a failed sync's stack is in the backend's).
  const logFile = join(logDir, `${name}.log`);
  log(`${name} output: ${logFile}`);
  let tail = '';
  const keep = (chunk: Buffer) => {
    appendFileSync(logFile, chunk);
    tail = (tail + chunk.toString()).slice(-4000);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  child.on('exit', code => {
    if (!stopping && code !== null && code !== 0) {
      log(`${name} exited with ${code}:\n${tail}`);
    }
  });
  return child;
}

function stop(child: ChildProcess | undefined) {
  if (child?.pid && child.exitCode === null) {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
}

/** Thrown by a probe to stop waiting (any other error means "not yet"). */
class GiveUp extends Error {}

async function waitFor<T>(
  what: string,
  timeoutMs: number,
  probe: () => Promise<T | undefined>,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      if (error instanceof GiveUp) throw error;
      // not up yet
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise(r => setTimeout(r, 1000));
  }
}

/** A port nobody listens on now (the OS picks it), for --*-port 0. */
function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => ok(port));
    });
  });
}

function run(command: string, args: string[], cwd: string): Promise<void> {
  return new Promise((ok, fail) => {
    const child = spawn(command, args, { cwd, stdio: 'inherit' });
    child.on('exit', code =>
      code === 0
        ? ok()
        : fail(new Error(`${command} ${args.join(' ')}: ${code}`)),
    );
  });
}

function benchConfig(
  backendPort: number,
  emulatorPort: number,
  tps: number,
  dataDir: string | undefined,
  /** The kept database holds a synced snapshot already. */
  synced: boolean,
) {
  const base = `http://localhost:${backendPort}`;
  const emulator = `http://127.0.0.1:${emulatorPort}`;
  const limit = { tps, burst: tps, concurrency: 32 };
  return JSON.stringify({
    app: { baseUrl: base },
    backend: {
      baseUrl: base,
      listen: { port: backendPort },
      cors: { origin: base },
      // --data-dir: SQLite files kept between runs (the stored snapshot and
      // catalog serve the next run without a new sync).
      ...(dataDir
        ? {
            database: {
              client: 'better-sqlite3',
              connection: { directory: dataDir },
            },
          }
        : {}),
    },
    awsOrganizations: {
      endpoints: {
        organizations: emulator,
        ssoAdmin: emulator,
        identityStore: emulator,
      },
      rateLimits: {
        organizations: limit,
        ssoAdmin: limit,
        identityStore: limit,
      },
      // The first sync of XL takes longer than the product's 15 min timeout
      // on a busy 2-core machine (a bench setting, not a product default);
      // one sync per bench run.
      // With a kept database the next sync is a day after the first one:
      // none runs during the measurements.
      schedule: {
        frequency: { hours: 24 },
        timeout: { hours: 2 },
        initialDelay: synced ? { hours: 24 } : { seconds: 5 },
      },
      // Events off: the demo's queue is on the demo emulator's port
      // (127.0.0.1:4566), not this one's.
      events: { enabled: false },
    },
    // null unsets app-config.yaml's SQS topics: the events module polls no
    // queue (it logged a failed receive every second, without credentials).
    events: { modules: { awsSqs: null } },
  });
}

/** The options every page benchmark takes (node:util's parseArgs). */
export const portalOptions = {
  runs: { type: 'string', default: '5' },
  dataset: { type: 'string', default: 'L' },
  // 0: a free port picked at the start (never the shared 7007/3000/4566).
  // With --no-build: the ports the built app was configured for.
  'backend-port': { type: 'string', default: '0' },
  'emulator-port': { type: 'string', default: '0' },
  tps: { type: 'string', default: '2000' },
  'no-build': { type: 'boolean', default: false },
  // Measure a portal that is already running (nothing is built or started).
  url: { type: 'string' },
  // A Chromium trace and a CPU profile of the last run, in this folder.
  profile: { type: 'string' },
  // Seconds to wait after the snapshot is indexed, before the runs: lets
  // the catalog finish processing the sync's (or, with a kept data
  // folder, the restart's) entities, the steady state of a portal.
  settle: { type: 'string', default: '0' },
} as const;

/** What parseArgs gives for portalOptions. */
export interface PortalArgs {
  runs: string;
  dataset: string;
  'backend-port': string;
  'emulator-port': string;
  tps: string;
  'no-build': boolean;
  url?: string;
  profile?: string;
  settle: string;
}

/** The started portal, synced and its snapshot indexed. */
export interface Portal {
  baseUrl: string;
  /** The guest's Backstage token (an admin of the demo policy). */
  token: string;
}

/**
 * Builds the app for the ports (unless --no-build or --url), starts the
 * emulator with the data set and the backend (unless --url), waits until
 * the backend answers, its first sync is done and the snapshot indexed
 * (logging when), then runs `body`; stops what it started afterwards
 * and on Ctrl-C. `dataDir`: the backend's SQLite files kept there (a
 * database in it already: synced before, no sync scheduled soon).
 */
export async function withPortal(
  args: PortalArgs,
  name: string,
  body: (portal: Portal) => Promise<void>,
  dataDir?: string,
) {
  if (args.profile) mkdirSync(args.profile, { recursive: true });
  const backendPort = Number(args['backend-port']) || (await freePort());
  const emulatorPort = Number(args['emulator-port']) || (await freePort());
  const baseUrl = args.url ?? `http://localhost:${backendPort}`;
  logDir = mkdtempSync(join(tmpdir(), `${name}-`));
  const configFile = join(logDir, 'app-config.bench.json');
  // Synced once already: a database of the plugin in the folder.
  const synced =
    !!dataDir && existsSync(join(dataDir, 'aws-organizations.sqlite'));
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  writeFileSync(
    configFile,
    benchConfig(backendPort, emulatorPort, Number(args.tps), dataDir, synced),
  );

  if (!args['no-build'] && !args.url) {
    log('building the app (packages/app/dist)');
    await run(
      'yarn',
      [
        'workspace',
        'app',
        'build',
        '--config',
        '../../app-config.yaml',
        '--config',
        configFile,
      ],
      ROOT,
    );
  }

  let emulator: ChildProcess | undefined;
  let backend: ChildProcess | undefined;
  const cleanup = () => {
    stopping = true;
    stop(backend);
    stop(emulator);
  };
  process.on('SIGINT', () => {
    cleanup();
    process.exit(130);
  });
  try {
    const startedAt = Date.now();
    if (!args.url) {
      log(
        `starting the emulator with data set ${args.dataset} on :${emulatorPort}`,
      );
      emulator = start(
        'yarn',
        ['emulator', '--dataset', args.dataset, '--port', String(emulatorPort)],
        ROOT,
        'emulator',
      );
      await waitFor('the emulator', 120_000, async () =>
        (
          await fetch(`http://127.0.0.1:${emulatorPort}/_emulator/counts`)
        ).ok
          ? true
          : undefined,
      );
      log(`starting the backend on :${backendPort}`);
      backend = start(
        'yarn',
        ['start', '--config', '../../app-config.yaml', '--config', configFile],
        join(ROOT, 'packages/backend'),
        'backend',
      );
    }
    const token = await waitFor('the backend', 180_000, async () => {
      const response = await fetch(`${baseUrl}/api/auth/guest/refresh`);
      return response.ok
        ? ((await response.json()).backstageIdentity.token as string)
        : undefined;
    });
    const portal = { baseUrl, token };
    const status = await waitForFirstSync(portal);
    log(
      `first sync done ${((Date.now() - startedAt) / 1000).toFixed(
        0,
      )} s after the start (sync ${(
        status.lastSuccess.durationMs / 1000
      ).toFixed(1)} s)`,
    );
    await waitForIndexedSnapshot(portal);
    log(
      `snapshot indexed ${((Date.now() - startedAt) / 1000).toFixed(
        0,
      )} s after the start`,
    );
    const settleSeconds = Number(args.settle);
    if (settleSeconds > 0) {
      log(`settling for ${settleSeconds} s before the runs`);
      await new Promise(resolve => setTimeout(resolve, settleSeconds * 1000));
    }
    await body(portal);
  } finally {
    cleanup();
  }
}

async function getJson(portal: Portal, path: string) {
  const response = await fetch(
    `${portal.baseUrl}/api/aws-organizations${path}`,
    {
      headers: { Authorization: `Bearer ${portal.token}` },
    },
  );
  return response.ok ? response.json() : undefined;
}

/** Waits for the first successful sync; its status. */
function waitForFirstSync(portal: Portal): Promise<any> {
  return waitFor('the first sync', 30 * 60_000, async () => {
    const body = await getJson(portal, '/sync/status');
    if (body?.lastAttempt?.status === 'failed') {
      throw new GiveUp(
        `first sync failed: ${body.lastAttempt.errors.join('; ')}`,
      );
    }
    return body?.lastSuccess ? body : undefined;
  });
}

/**
 * The backend indexes and judges a snapshot once (when it lands, or on the
 * first request after a start with a kept database): waits for that, outside
 * the measured runs.
 */
function waitForIndexedSnapshot(portal: Portal): Promise<true> {
  return waitFor('the indexed snapshot', 30 * 60_000, async () =>
    (await getJson(portal, '/organization/tree?depth=0&accounts=false'))
      ? true
      : undefined,
  );
}

/** `uptime`'s load averages, as `1.23 / 2.34 / 3.45`. */
const load = () =>
  loadavg()
    .map(l => l.toFixed(2))
    .join(' / ');
const utcTime = () => `${new Date().toISOString().slice(11, 19)} UTC`;

/** What the measured runs give, with when they ran and the load. */
export interface Runs<F> {
  figures: F[];
  /**
   * `runs from <UTC> to <UTC now>, load average (1/5/15 min) before …,
   * after …`: from the first run's start until this is called.
   */
  when(): string;
}

/**
 * One warm-up run (compiles the app's chunks into the OS cache and the
 * backend's first answers), then `runs` measured ones, each in a fresh
 * browser context signed in as the guest (--runs of them); logs each run's
 * figures. `measure` gets the --profile folder on the last run only.
 */
export async function measureRuns<F>(
  baseUrl: string,
  args: PortalArgs,
  measure: (page: Page, profileDir?: string) => Promise<F>,
  describe: (figures: F) => string,
): Promise<Runs<F>> {
  const runs = Number(args.runs);
  const from = utcTime();
  const loadBefore = load();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  });
  const figures: F[] = [];
  try {
    for (let i = 0; i <= runs; i++) {
      const context = await browser.newContext({
        viewport: { width: 1440, height: 900 },
      });
      const page = await context.newPage();
      await page.goto(baseUrl);
      await page.getByRole('button', { name: 'Enter' }).click();
      await page.waitForURL(url => !url.pathname.includes('sign'), {
        timeout: 30_000,
      });
      await page
        .getByRole('link', { name: 'Catalog', exact: true })
        .first()
        .waitFor();
      const result = await measure(page, i === runs ? args.profile : undefined);
      await context.close();
      log(`${i === 0 ? 'warm-up' : `run ${i}`}: ${describe(result)}`);
      if (i > 0) figures.push(result);
    }
  } finally {
    await browser.close();
  }
  return {
    figures,
    when: () =>
      `runs from ${from} to ${utcTime()}, load average (1/5/15 min) before ${loadBefore}, after ${load()}`,
  };
}

/**
 * The page's clock (performance.now(), from the navigation start) at the
 * first animation frame where `holds` is true (within 2 min). `holds` runs
 * in the page: plain code, none of this file's helpers.
 */
export async function timeWhen(
  page: Page,
  holds: () => unknown,
): Promise<number> {
  const handle = await page.waitForFunction(
    `(${holds.toString()})() && performance.now()`,
    undefined,
    { timeout: 120_000, polling: 'raf' },
  );
  return (await handle.jsonValue()) as number;
}

/** A CPU profile node as CDP's Profiler.stop returns it. */
interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

/**
 * Self time per function (and per script) of a CPU profile, the largest
 * first: where the page's main thread spent its time.
 */
function profileSummary(profile: {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}): string[] {
  const byId = new Map(profile.nodes.map(n => [n.id, n]));
  const selfUs = new Map<number, number>();
  profile.samples.forEach((id, i) => {
    selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  });
  const byFunction = new Map<string, number>();
  const byScript = new Map<string, number>();
  for (const [id, us] of selfUs) {
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
    const script = url ? url.replace(/^.*\//, '') : '(native)';
    const name = `${functionName || '(anonymous)'} ${script}:${lineNumber + 1}`;
    byFunction.set(name, (byFunction.get(name) ?? 0) + us);
    byScript.set(script, (byScript.get(script) ?? 0) + us);
  }
  const top = (map: Map<string, number>, n: number) =>
    [...map.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(
        ([name, us]) => `  ${(us / 1000).toFixed(0).padStart(6)} ms  ${name}`,
      );
  return [
    'self time by script:',
    ...top(byScript, 10),
    'self time by function:',
    ...top(byFunction, 25),
  ];
}

/**
 * Starts a CPU profile (200 µs sampling) and a Chromium trace of the page,
 * into profileDir; nothing without one.
 */
export async function startProfile(
  page: Page,
  profileDir: string | undefined,
): Promise<CDPSession | undefined> {
  if (!profileDir) return undefined;
  const profiler = await page.context().newCDPSession(page);
  await profiler.send('Profiler.enable');
  await profiler.send('Profiler.setSamplingInterval', { interval: 200 });
  await profiler.send('Profiler.start');
  await page
    .context()
    .browser()!
    .startTracing(page, { path: join(profileDir, 'trace.json') });
  return profiler;
}

/**
 * Stops what startProfile started, writes the CPU profile to
 * profileDir/fileName and logs its largest self times.
 */
export async function stopProfile(
  page: Page,
  profiler: CDPSession | undefined,
  profileDir: string | undefined,
  fileName: string,
) {
  if (!profiler || !profileDir) return;
  await page.context().browser()!.stopTracing();
  const { profile } = await profiler.send('Profiler.stop');
  writeFileSync(join(profileDir, fileName), JSON.stringify(profile));
  log(
    `trace and CPU profile of this run in ${profileDir}:\n${profileSummary(
      profile as any,
    ).join('\n')}`,
  );
}

export const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/**
 * `median ms [min–max]`; with `digits`, each of them with that many
 * decimals (toFixed), else as the numbers print.
 */
export const spread = (values: number[], digits?: number) => {
  const show = (n: number) =>
    digits === undefined ? String(n) : n.toFixed(digits);
  return `${show(median(values))} ms [${show(Math.min(...values))}–${show(
    Math.max(...values),
  )}]`;
};

/** Runs a benchmark's main, printing its error and exiting 1 on one. */
export function runMain(main: () => Promise<void>) {
  main().catch(error => {
    process.stderr.write(`${error.stack ?? error}\n`);
    process.exit(1);
  });
}
