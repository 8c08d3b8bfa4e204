/*
 * First render of the org explorer on a large organization:
 *
 *   yarn bench:explorer [--runs N] [--dataset L|XL] [--no-build]
 *                       [--backend-port N] [--emulator-port N]
 *                       [--url URL] [--profile DIR]
 *
 * Starts the AWS emulator with the data set (default L: 5,000 accounts, 600
 * OUs; XL: 20,000 accounts, 2,400 OUs) on free ports (unless given) and the demo backend serving the built app, with the reader's rate
 * limits raised for the emulator; waits for the first sync; then opens
 * /aws-organizations N times in headless Chromium (a fresh browser context
 * each time, signed in as the guest) and prints, per run and as medians:
 * time to the OU tree and to the first page of the account table (from the
 * navigation start), the JS heap, the DOM size, and the size and time of the
 * /organization/tree, /compliance/summary and /accounts responses, with the
 * load average before and after the runs. --profile DIR keeps a Chromium
 * trace (trace.json, for DevTools' Performance panel) and a CPU profile of
 * the last run and prints where its main thread spent the time.
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
import { parseArgs } from 'node:util';
import { chromium, Page, Request } from 'playwright-core';

const ROOT = resolve(__dirname, '..');
/** Every request of the plugin's API (the explorer's own requests). */
const WATCHED = '/api/aws-organizations/';

interface RunFigures {
  headerMs: number;
  /** When the tree request started and its response ended. */
  treeRequest: { startMs: number; endMs: number };
  treeMs: number;
  tableMs: number;
  heapMiB: number;
  domNodes: number;
  treeItems: number;
  responses: Record<
    string,
    { url: string; bytes: number; encodedBytes: number; ms: number }
  >;
}

export function log(message: string) {
  process.stderr.write(`[bench:explorer] ${message}\n`);
}

let stopping = false;

let logDir = tmpdir();

/** Where the started processes' output goes (one file each). */
export function setLogDir(dir: string) {
  logDir = dir;
}

export function start(
  command: string,
  args: string[],
  cwd: string,
  name: string,
) {
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

export function stop(child: ChildProcess | undefined) {
  if (child?.pid && child.exitCode === null) {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
}

/** Thrown by a probe to stop waiting (any other error means "not yet"). */
export class GiveUp extends Error {}

export async function waitFor<T>(
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
export function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => ok(port));
    });
  });
}

export function run(
  command: string,
  args: string[],
  cwd: string,
): Promise<void> {
  return new Promise((ok, fail) => {
    const child = spawn(command, args, { cwd, stdio: 'inherit' });
    child.on('exit', code =>
      code === 0
        ? ok()
        : fail(new Error(`${command} ${args.join(' ')}: ${code}`)),
    );
  });
}

export function benchConfig(
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

async function measure(
  page: Page,
  baseUrl: string,
  profileDir?: string,
): Promise<RunFigures> {
  const requests: Request[] = [];
  page.on('requestfinished', request => {
    if (request.url().includes(WATCHED)) requests.push(request);
  });
  const profiler = profileDir
    ? await page.context().newCDPSession(page)
    : undefined;
  if (profiler) {
    await profiler.send('Profiler.enable');
    await profiler.send('Profiler.setSamplingInterval', { interval: 200 });
    await profiler.send('Profiler.start');
    await page
      .context()
      .browser()!
      .startTracing(page, { path: join(profileDir!, 'trace.json') });
  }
  await page.goto(`${baseUrl}/aws-organizations`);
  const headerMs = await page
    .waitForFunction(
      () =>
        [...document.querySelectorAll('h1')].some(
          h => h.textContent === 'AWS Organizations',
        ) && performance.now(),
      undefined,
      { timeout: 120_000, polling: 'raf' },
    )
    .then(handle => handle.jsonValue() as Promise<number>);
  const treeMs = await page
    .waitForFunction(
      () =>
        document.querySelector('[data-testid^="aws-tree-node-r-"]') &&
        performance.now(),
      undefined,
      { timeout: 120_000, polling: 'raf' },
    )
    .then(handle => handle.jsonValue() as Promise<number>);
  const tableMs = await page
    .waitForFunction(
      () =>
        document.querySelector('[data-testid="aws-account-table"] tbody a') &&
        performance.now(),
      undefined,
      { timeout: 120_000, polling: 'raf' },
    )
    .then(handle => handle.jsonValue() as Promise<number>);
  if (profiler) {
    await page.context().browser()!.stopTracing();
    const { profile } = await profiler.send('Profiler.stop');
    writeFileSync(
      join(profileDir!, 'explorer.cpuprofile'),
      JSON.stringify(profile),
    );
    log(
      `trace and CPU profile of this run in ${profileDir}:\n${profileSummary(
        profile as any,
      ).join('\n')}`,
    );
  }
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const metric = (name: string) =>
    metrics.find(m => m.name === name)?.value ?? 0;
  const dom = await page.evaluate(() => ({
    treeRequest: performance
      .getEntriesByType('resource')
      .filter(e => e.name.includes('/api/aws-organizations/organization/tree'))
      .map(e => ({
        startMs: Math.round(e.startTime),
        endMs: Math.round((e as PerformanceResourceTiming).responseEnd),
      }))[0],
    elements: document.getElementsByTagName('*').length,
    treeItems: document.querySelectorAll('[data-testid^="aws-tree-node-"]')
      .length,
  }));
  const responses: RunFigures['responses'] = {};
  for (const request of requests) {
    const path = new URL(request.url()).pathname.replace(
      '/api/aws-organizations',
      '',
    );
    if (responses[path]) continue;
    const response = await request.response();
    const body = response ? await response.body() : Buffer.alloc(0);
    const sizes = await request.sizes();
    const timing = request.timing();
    responses[path] = {
      url: request.url(),
      bytes: body.length,
      encodedBytes: sizes.responseBodySize,
      ms: Math.round(timing.responseEnd - timing.requestStart),
    };
  }
  return {
    treeMs: Math.round(treeMs),
    tableMs: Math.round(tableMs),
    headerMs: Math.round(headerMs),
    treeRequest: dom.treeRequest,
    heapMiB: metric('JSHeapUsedSize') / 2 ** 20,
    domNodes: dom.elements,
    treeItems: dom.treeItems,
    responses,
  };
}

/** `uptime`'s load averages, as `1.23 / 2.34 / 3.45`. */
export const load = () =>
  loadavg()
    .map(l => l.toFixed(2))
    .join(' / ');
export const utcTime = () => `${new Date().toISOString().slice(11, 19)} UTC`;

export const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const kib = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`;
const spread = (values: number[]) =>
  `${median(values)} ms [${Math.min(...values)}–${Math.max(...values)}]`;

function describe(f: RunFigures): string {
  return [
    `header ${f.headerMs} ms`,
    `tree request ${f.treeRequest.startMs}–${f.treeRequest.endMs} ms`,
    `tree ${f.treeMs} ms`,
    `table ${f.tableMs} ms`,
    `heap ${f.heapMiB.toFixed(1)} MiB`,
    `${f.domNodes} elements`,
    `${f.treeItems} tree items`,
  ].join(', ');
}

const total = (f: RunFigures, key: 'bytes' | 'encodedBytes') =>
  Object.values(f.responses).reduce((sum, r) => sum + r[key], 0);

/** Medians over the runs, one line per figure. */
function summarize(figures: RunFigures[]): string[] {
  const all = <K extends keyof RunFigures>(key: K) =>
    figures.map(f => f[key] as number);
  const paths = Object.keys(figures[0].responses).sort();
  return [
    `time to the page header:      ${spread(all('headerMs'))}`,
    `tree request sent at:         ${spread(
      figures.map(f => f.treeRequest.startMs),
    )}`,
    `tree response received at:    ${spread(
      figures.map(f => f.treeRequest.endMs),
    )}`,
    `time to the OU tree:          ${spread(all('treeMs'))}`,
    `time to the first table page: ${spread(all('tableMs'))}`,
    `JS heap used:                 ${median(all('heapMiB')).toFixed(1)} MiB`,
    `DOM elements:                 ${median(all('domNodes'))}`,
    `tree items rendered:          ${median(all('treeItems'))}`,
    ...paths.map(path => {
      const rs = figures.map(f => f.responses[path]).filter(Boolean);
      const bytes = kib(median(rs.map(r => r.bytes)));
      const wire = kib(median(rs.map(r => r.encodedBytes)));
      const ms = median(rs.map(r => r.ms));
      return `${path.padEnd(29)} ${bytes} (${wire} on the wire), ${ms} ms`;
    }),
    `all of the explorer's requests: ${kib(
      median(figures.map(f => total(f, 'bytes'))),
    )} (${kib(
      median(figures.map(f => total(f, 'encodedBytes'))),
    )} on the wire)`,
  ];
}

/**
 * Each of the explorer's requests again, one at a time from here (5 times,
 * median, gzip accepted): what the backend takes without the browser's
 * concurrent requests competing for its event loop.
 */
async function serverTimes(figures: RunFigures, token: string) {
  const lines = ['one request at a time (median of 5, from the bench):'];
  for (const [path, { url }] of Object.entries(figures.responses).sort()) {
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const started = performance.now();
      const response = await fetch(url, {
        headers: {
          Authorization: `Bearer ${token}`,
          'Accept-Encoding': 'gzip',
        },
      });
      await response.arrayBuffer();
      times.push(Math.round(performance.now() - started));
    }
    lines.push(`  ${path.padEnd(27)} ${spread(times)}`);
  }
  return lines;
}

async function main() {
  const { values } = parseArgs({
    options: {
      runs: { type: 'string', default: '5' },
      dataset: { type: 'string', default: 'L' },
      // 0: a free port picked at the start (never the shared 7007/3000/4566).
      'backend-port': { type: 'string', default: '0' },
      'emulator-port': { type: 'string', default: '0' },
      tps: { type: 'string', default: '2000' },
      'no-build': { type: 'boolean', default: false },
      url: { type: 'string' },
      // A Chromium trace and a CPU profile of the last run, in this folder.
      profile: { type: 'string' },
      // Keep the backend's SQLite files here; a later run with the same
      // folder measures the stored snapshot without syncing again (delete
      // the folder of a run whose first sync did not finish).
      'data-dir': { type: 'string' },
    },
  });
  const runs = Number(values.runs);
  if (values.profile) mkdirSync(values.profile, { recursive: true });
  const backendPort = Number(values['backend-port']) || (await freePort());
  const emulatorPort = Number(values['emulator-port']) || (await freePort());
  // --url: measure a portal that is already running (nothing is started).
  const baseUrl = values.url ?? `http://localhost:${backendPort}`;
  logDir = mkdtempSync(join(tmpdir(), 'bench-explorer-'));
  const configFile = join(logDir, 'app-config.bench.json');
  const dataDir = values['data-dir'] && resolve(values['data-dir']);
  // Synced once already: a database of the plugin in the folder.
  const synced =
    !!dataDir && existsSync(join(dataDir, 'aws-organizations.sqlite'));
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  writeFileSync(
    configFile,
    benchConfig(backendPort, emulatorPort, Number(values.tps), dataDir, synced),
  );

  if (!values['no-build'] && !values.url) {
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
    if (!values.url) {
      log(
        `starting the emulator with data set ${values.dataset} on :${emulatorPort}`,
      );
      emulator = start(
        'yarn',
        [
          'emulator',
          '--dataset',
          values.dataset!,
          '--port',
          String(emulatorPort),
        ],
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
    const status = await waitFor('the first sync', 30 * 60_000, async () => {
      const response = await fetch(
        `${baseUrl}/api/aws-organizations/sync/status`,
        {
          headers: { Authorization: `Bearer ${token}` },
        },
      );
      const body = response.ok ? await response.json() : undefined;
      if (body?.lastAttempt?.status === 'failed') {
        throw new GiveUp(
          `first sync failed: ${body.lastAttempt.errors.join('; ')}`,
        );
      }
      return body?.lastSuccess ? body : undefined;
    });
    log(
      `first sync done ${((Date.now() - startedAt) / 1000).toFixed(
        0,
      )} s after the start (sync ${(
        status.lastSuccess.durationMs / 1000
      ).toFixed(1)} s)`,
    );
    // The backend indexes and judges a snapshot once (when it lands, or on
    // the first request after a start with a kept database): wait for that
    // outside the measured runs.
    await waitFor('the indexed snapshot', 30 * 60_000, async () => {
      const response = await fetch(
        `${baseUrl}/api/aws-organizations/organization/tree?depth=0&accounts=false`,
        { headers: { Authorization: `Bearer ${token}` } },
      );
      return response.ok ? true : undefined;
    });
    log(
      `snapshot indexed ${((Date.now() - startedAt) / 1000).toFixed(
        0,
      )} s after the start`,
    );

    const runsStartedAt = utcTime();
    const loadBefore = load();
    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
    });
    const figures: RunFigures[] = [];
    try {
      // One warm-up load (compiles the app's chunks into the OS cache and
      // the backend's first answers), then the measured runs.
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
        const result = await measure(
          page,
          baseUrl,
          i === runs ? values.profile : undefined,
        );
        await context.close();
        if (i === 0) {
          log(`warm-up: ${describe(result)}`);
          continue;
        }
        figures.push(result);
        log(`run ${i}: ${describe(result)}`);
      }
    } finally {
      await browser.close();
    }

    const lines = summarize(figures);
    lines.push(...(await serverTimes(figures[0], token)));
    lines.unshift(
      `data set ${values.dataset}, ${runs} runs (median [min–max])`,
      `runs from ${runsStartedAt} to ${utcTime()}, load average (1/5/15 min) before ${loadBefore}, after ${load()}`,
    );
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    cleanup();
  }
}

// Its helpers start the portal for the other page benchmarks too
// (scripts/benchReviewQueue.ts): run only when invoked itself.
if (require.main === module) {
  main().catch(error => {
    process.stderr.write(`${error.stack ?? error}\n`);
    process.exit(1);
  });
}
