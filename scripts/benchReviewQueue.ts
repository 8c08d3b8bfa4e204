/*
 * First render of an access review campaign's reviewer queue:
 *
 *   yarn bench:review-queue [--runs N] [--dataset L|XL] [--no-build]
 *                           [--items N] [--url URL]
 *                           [--backend-port N] [--emulator-port N]
 *                           [--profile DIR]
 *
 * Starts the AWS emulator with the data set (default L: 60,000 account
 * assignments) and the demo backend serving the built app on free ports,
 * as `yarn bench:explorer` does (its helpers), and waits for the first
 * sync. Then, as the guest (an admin of the demo policy), starts a campaign
 * over the accounts whose grants add up to at least --items (default
 * 5,000) items, prints how long the start took, and opens
 * /aws-organizations/reviews/<id> N times in headless Chromium (a fresh
 * browser context each, signed in as the guest) and prints, per run and as
 * medians: the time from the navigation start to the page header ("Access
 * reviews"), to the first queue row and to the queue's count, the same from
 * the page header (what the page itself adds to the app's start), when the
 * campaign's and the items' requests were sent and answered, the items
 * request's size, the rows rendered, the DOM size and the JS heap, with the
 * load average before and after. --url measures a portal already running
 * (nothing is started). --profile DIR keeps a Chromium trace (trace.json,
 * for DevTools' Performance panel) and a CPU profile (queue.cpuprofile) of
 * the last run, and prints the profile's largest self times.
 */
import { ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, Page } from 'playwright-core';
import {
  benchConfig,
  freePort,
  GiveUp,
  load,
  log,
  median,
  run,
  setLogDir,
  start,
  stop,
  utcTime,
  waitFor,
} from './benchExplorer';

const ROOT = join(__dirname, '..');

/** A request of the page, from the navigation start (Resource Timing). */
interface RequestTimes {
  sentMs: number;
  answeredMs: number;
}

interface QueueFigures {
  headerMs: number;
  firstRowMs: number;
  countMs: number;
  rows: number;
  domNodes: number;
  heapMiB: number;
  campaignRequest: RequestTimes;
  itemsRequest: RequestTimes & { bytes: number };
}

/** A CPU profile node as CDP's Profiler.stop returns it. */
interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

/** Self time per script and per function of a CPU profile, largest first. */
function profileSummary(profile: {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}): string {
  const byId = new Map(profile.nodes.map(n => [n.id, n]));
  const byFunction = new Map<string, number>();
  const byScript = new Map<string, number>();
  const add = (map: Map<string, number>, key: string, us: number) =>
    map.set(key, (map.get(key) ?? 0) + us);
  profile.samples.forEach((id, i) => {
    const us = profile.timeDeltas[i] ?? 0;
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
    const script = url ? url.replace(/^.*\//, '') : '(native)';
    add(byScript, script, us);
    add(
      byFunction,
      `${functionName || '(anonymous)'} ${script}:${lineNumber + 1}`,
      us,
    );
  });
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
  ].join('\n');
}

async function api(
  baseUrl: string,
  token: string,
  path: string,
  init?: RequestInit,
): Promise<any> {
  // A busy backend (indexing the snapshot it just stored, serving the
  // catalog's 45 MB read) may drop a connection: try a read again.
  let response: Response | undefined;
  for (let attempt = 1; !response; attempt++) {
    try {
      response = await fetch(`${baseUrl}/api/aws-organizations${path}`, {
        ...init,
        headers: {
          Authorization: `Bearer ${token}`,
          'Content-Type': 'application/json',
        },
      });
    } catch (error) {
      if (init?.method === 'POST' || attempt >= 5) throw error;
      log(`${path}: ${(error as Error).message}, again in 5 s`);
      await new Promise(r => setTimeout(r, 5000));
    }
  }
  return checked(path, response);
}

async function checked(path: string, response: Response) {
  if (!response.ok) {
    throw new Error(`${path}: ${response.status} ${await response.text()}`);
  }
  return response.json();
}

/** Every account id of the organization, in the backend's order. */
async function accountIds(baseUrl: string, token: string) {
  const ids: string[] = [];
  for (let offset = 0; ; offset += 500) {
    const page = await api(
      baseUrl,
      token,
      `/accounts?limit=500&offset=${offset}`,
    );
    ids.push(...page.items.map((a: { id: string }) => a.id));
    if (offset + 500 >= page.totalCount) return ids;
  }
}

async function measure(
  page: Page,
  url: string,
  profileDir?: string,
): Promise<QueueFigures> {
  const itemsResponse = page.waitForResponse(
    r => r.url().includes('/reviews/campaigns/') && r.url().includes('/items'),
    { timeout: 120_000 },
  );
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
  await page.goto(url);
  const headerMs = await page
    .waitForFunction(
      () =>
        [...document.querySelectorAll('h1')].some(
          h => h.textContent === 'Access reviews',
        ) && performance.now(),
      undefined,
      { timeout: 120_000, polling: 'raf' },
    )
    .then(h => h.jsonValue() as Promise<number>);
  const firstRowMs = await page
    .waitForFunction(
      () =>
        document.querySelector('[data-testid="aws-review-item"]') &&
        performance.now(),
      undefined,
      { timeout: 120_000, polling: 'raf' },
    )
    .then(h => h.jsonValue() as Promise<number>);
  const countMs = await page
    .waitForFunction(
      () => {
        // Plain code: this runs in the page, untranspiled helpers absent.
        const bulk = document.querySelector('[data-testid="aws-review-bulk"]');
        return (
          !!bulk && /\d items/.test(bulk.textContent || '') && performance.now()
        );
      },
      undefined,
      { timeout: 120_000, polling: 'raf' },
    )
    .then(h => h.jsonValue() as Promise<number>);
  if (profiler) {
    await page.context().browser()!.stopTracing();
    const { profile } = await profiler.send('Profiler.stop');
    writeFileSync(
      join(profileDir!, 'queue.cpuprofile'),
      JSON.stringify(profile),
    );
    log(
      `trace and CPU profile of this run in ${profileDir}:\n${profileSummary(
        profile as any,
      )}`,
    );
  }
  const response = await itemsResponse;
  const body = await response.body();
  // The first request of each, from the navigation start.
  const [campaignRequest, itemsRequest] = await page.evaluate(() =>
    [/\/reviews\/campaigns\/\d+$/, /\/reviews\/campaigns\/\d+\/items/].map(
      pattern => {
        const entry = performance
          .getEntriesByType('resource')
          .find(e => pattern.test(e.name.split('?')[0]));
        return entry
          ? { sentMs: entry.startTime, answeredMs: entry.responseEnd }
          : { sentMs: NaN, answeredMs: NaN };
      },
    ),
  );
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const heap = metrics.find(m => m.name === 'JSHeapUsedSize')?.value;
  if (!heap) throw new Error('CDP gave no JSHeapUsedSize');
  return {
    headerMs,
    firstRowMs,
    countMs,
    campaignRequest,
    rows: await page.locator('[data-testid="aws-review-item"]').count(),
    domNodes: await page.evaluate(
      () => document.getElementsByTagName('*').length,
    ),
    heapMiB: heap / 1024 / 1024,
    itemsRequest: { ...itemsRequest, bytes: body.length },
  };
}

const ms = (n: number) => `${n.toFixed(0)} ms`;
const span = (r: RequestTimes) => `${ms(r.sentMs)}→${ms(r.answeredMs)}`;
const fmt = (f: QueueFigures) =>
  `header ${ms(f.headerMs)}, first row ${ms(f.firstRowMs)} (+${ms(
    f.firstRowMs - f.headerMs,
  )}), count ${ms(f.countMs)}; campaign request ${span(
    f.campaignRequest,
  )}, items request ${span(f.itemsRequest)} ${(
    f.itemsRequest.bytes / 1024
  ).toFixed(0)} KiB; ${f.rows} rows, ${
    f.domNodes
  } DOM elements, heap ${f.heapMiB.toFixed(0)} MiB`;

async function main() {
  const { values } = parseArgs({
    options: {
      runs: { type: 'string', default: '5' },
      dataset: { type: 'string', default: 'L' },
      items: { type: 'string', default: '5000' },
      tps: { type: 'string', default: '2000' },
      'no-build': { type: 'boolean', default: false },
      // With --no-build: the ports the built app was configured for.
      'backend-port': { type: 'string', default: '0' },
      'emulator-port': { type: 'string', default: '0' },
      url: { type: 'string' },
      // A Chromium trace and a CPU profile of the last run, in this folder.
      profile: { type: 'string' },
    },
  });
  if (values.profile) mkdirSync(values.profile, { recursive: true });
  const runs = Number(values.runs);
  const backendPort = Number(values['backend-port']) || (await freePort());
  const emulatorPort = Number(values['emulator-port']) || (await freePort());
  const baseUrl = values.url ?? `http://localhost:${backendPort}`;
  const logDir = mkdtempSync(join(tmpdir(), 'bench-review-queue-'));
  setLogDir(logDir);
  const configFile = join(logDir, 'app-config.bench.json');
  writeFileSync(
    configFile,
    benchConfig(
      backendPort,
      emulatorPort,
      Number(values.tps),
      undefined,
      false,
    ),
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
    stop(backend);
    stop(emulator);
  };
  process.on('SIGINT', () => {
    cleanup();
    process.exit(130);
  });
  try {
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
    await waitFor('the first sync', 30 * 60_000, async () => {
      const body = await api(baseUrl, token, '/sync/status');
      if (body?.lastAttempt?.status === 'failed') {
        throw new GiveUp(
          `first sync failed: ${body.lastAttempt.errors.join('; ')}`,
        );
      }
      return body?.lastSuccess ? body : undefined;
    });
    await waitFor('the indexed snapshot', 30 * 60_000, async () =>
      (await api(baseUrl, token, '/organization/tree?depth=0&accounts=false'))
        ? true
        : undefined,
    );
    // A campaign over the first accounts, more of them until it holds at
    // least --items items (L: about 12 assignments an account).
    const ids = await accountIds(baseUrl, token);
    const wanted = Number(values.items);
    let count = Math.min(ids.length, Math.ceil(wanted / 11));
    let campaign: any;
    let startMs = 0;
    for (;;) {
      const startAt = Date.now();
      campaign = await api(baseUrl, token, '/reviews/campaigns', {
        method: 'POST',
        body: JSON.stringify({
          name: `Queue benchmark (${count} accounts)`,
          scope: { accountIds: ids.slice(0, count) },
          dueAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
        }),
      });
      startMs = Date.now() - startAt;
      log(
        `campaign ${campaign.id}: ${count} accounts, ${campaign.progress.total} items, started in ${startMs} ms`,
      );
      if (campaign.progress.total >= wanted || count >= ids.length) break;
      count = Math.min(ids.length, Math.ceil(count * 1.5));
    }
    const scope = { accountIds: ids.slice(0, count) };

    const url = `${baseUrl}/aws-organizations/reviews/${campaign.id}`;
    const loadBefore = load();
    const runsFrom = utcTime();
    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
    });
    const figures: QueueFigures[] = [];
    try {
      for (let i = 0; i <= runs; i++) {
        const context = await browser.newContext({
          viewport: { width: 1440, height: 900 },
        });
        const page = await context.newPage();
        await page.goto(baseUrl);
        await page.getByRole('button', { name: 'Enter' }).click();
        await page
          .getByRole('link', { name: 'Catalog', exact: true })
          .first()
          .waitFor();
        const result = await measure(
          page,
          url,
          i === runs ? values.profile : undefined,
        );
        await context.close();
        log(`${i === 0 ? 'warm-up' : `run ${i}`}: ${fmt(result)}`);
        if (i > 0) figures.push(result);
      }
    } finally {
      await browser.close();
    }
    const m = (pick: (f: QueueFigures) => number) =>
      median(figures.map(pick)).toFixed(0);
    const spread = (pick: (f: QueueFigures) => number) => {
      const values = figures.map(pick);
      return `${m(pick)} ms [${Math.min(...values).toFixed(0)}–${Math.max(
        ...values,
      ).toFixed(0)}]`;
    };
    process.stdout.write(
      [
        `data set ${values.dataset}: campaign of ${campaign.progress.total} items over ${scope.accountIds.length} accounts, started in ${startMs} ms`,
        `${runs} runs from ${runsFrom} to ${utcTime()}, load average (1/5/15 min) before ${loadBefore}, after ${load()}`,
        `from the navigation start, median [min–max]: page header ${spread(
          f => f.headerMs,
        )}, first queue row ${spread(f => f.firstRowMs)}, queue count ${spread(
          f => f.countMs,
        )}`,
        `from the page header, median [min–max]: first queue row ${spread(
          f => f.firstRowMs - f.headerMs,
        )}, queue count ${spread(f => f.countMs - f.headerMs)}`,
        `median campaign request sent ${m(
          f => f.campaignRequest.sentMs,
        )} ms, answered ${m(
          f => f.campaignRequest.answeredMs,
        )} ms; items request sent ${m(
          f => f.itemsRequest.sentMs,
        )} ms, answered ${m(f => f.itemsRequest.answeredMs)} ms, ${m(
          f => f.itemsRequest.bytes / 1024,
        )} KiB`,
        `${figures[0].rows} rows rendered; ${m(
          f => f.domNodes,
        )} DOM elements; JS heap used ${m(f => f.heapMiB)} MiB`,
      ].join('\n') + '\n',
    );
  } finally {
    cleanup();
  }
}

main().catch(error => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exit(1);
});
