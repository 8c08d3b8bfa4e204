/*
 * First render of the org explorer on a large organization:
 *
 *   yarn bench:explorer [--runs N] [--dataset L|XL] [--no-build]
 *                       [--backend-port N] [--emulator-port N]
 *
 * Starts the AWS emulator with the data set (default L: 5,000 accounts, 600
 * OUs; XL: 20,000 accounts, 2,400 OUs) on free ports (unless given) and the demo backend serving the built app, with the reader's rate
 * limits raised for the emulator; waits for the first sync; then opens
 * /aws-organizations N times in headless Chromium (a fresh browser context
 * each time, signed in as the guest) and prints, per run and as medians:
 * time to the OU tree and to the first page of the account table (from the
 * navigation start), the JS heap, the DOM size, and the size and time of the
 * /organization/tree, /compliance/summary and /accounts responses.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
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
    { bytes: number; encodedBytes: number; ms: number }
  >;
}

function log(message: string) {
  process.stderr.write(`[bench:explorer] ${message}\n`);
}

let stopping = false;

function start(command: string, args: string[], cwd: string, name: string) {
  const child = spawn(command, args, {
    cwd,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, FORCE_COLOR: '0' },
  });
  let tail = '';
  const keep = (chunk: Buffer) => {
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
    } catch {
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

function benchConfig(backendPort: number, emulatorPort: number, tps: number) {
  const base = `http://localhost:${backendPort}`;
  const emulator = `http://127.0.0.1:${emulatorPort}`;
  const limit = { tps, burst: tps, concurrency: 32 };
  return JSON.stringify({
    app: { baseUrl: base },
    backend: {
      baseUrl: base,
      listen: { port: backendPort },
      cors: { origin: base },
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
    },
  });
}

async function measure(page: Page, baseUrl: string): Promise<RunFigures> {
  const requests: Request[] = [];
  page.on('requestfinished', request => {
    if (request.url().includes(WATCHED)) requests.push(request);
  });
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

const median = (values: number[]) => {
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
    },
  });
  const runs = Number(values.runs);
  const backendPort = Number(values['backend-port']) || (await freePort());
  const emulatorPort = Number(values['emulator-port']) || (await freePort());
  // --url: measure a portal that is already running (nothing is started).
  const baseUrl = values.url ?? `http://localhost:${backendPort}`;
  const configFile = join(
    mkdtempSync(join(tmpdir(), 'bench-explorer-')),
    'app-config.bench.json',
  );
  writeFileSync(
    configFile,
    benchConfig(backendPort, emulatorPort, Number(values.tps)),
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
        throw new Error(
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
        const result = await measure(page, baseUrl);
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
    lines.unshift(
      `data set ${values.dataset}, ${runs} runs (median [min–max])`,
    );
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    cleanup();
  }
}

main().catch(error => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exit(1);
});
