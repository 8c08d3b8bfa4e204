/*
 * First render of the org explorer on a large organization:
 *
 *   yarn bench:explorer [--runs N] [--dataset L|XL] [--no-build]
 *                       [--backend-port N] [--emulator-port N]
 *                       [--url URL] [--profile DIR] [--settle SECONDS]
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
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { Page, Request } from 'playwright-core';
import {
  measureRuns,
  median,
  portalOptions,
  spread,
  runMain,
  startProfile,
  stopProfile,
  timeWhen,
  withPortal,
} from './benchBrowser';

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

async function measure(
  page: Page,
  baseUrl: string,
  profileDir?: string,
): Promise<RunFigures> {
  const requests: Request[] = [];
  page.on('requestfinished', request => {
    if (request.url().includes(WATCHED)) requests.push(request);
  });
  const profiler = await startProfile(page, profileDir);
  await page.goto(`${baseUrl}/aws-organizations`);
  const headerMs = await timeWhen(page, () =>
    [...document.querySelectorAll('h1')].some(
      h => h.textContent === 'AWS Organizations',
    ),
  );
  const treeMs = await timeWhen(page, () =>
    document.querySelector('[data-testid^="aws-tree-node-r-"]'),
  );
  const tableMs = await timeWhen(page, () =>
    document.querySelector('[data-testid="aws-account-table"] tbody a'),
  );
  await stopProfile(page, profiler, profileDir, 'explorer.cpuprofile');
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

const kib = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`;

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
      ...portalOptions,
      // Keep the backend's SQLite files here; a later run with the same
      // folder measures the stored snapshot without syncing again (delete
      // the folder of a run whose first sync did not finish).
      'data-dir': { type: 'string' },
    },
  });
  const dataDir = values['data-dir'] && resolve(values['data-dir']);
  await withPortal(
    values,
    'bench-explorer',
    async portal => {
      const { baseUrl, token } = portal;
      const runs = Number(values.runs);
      const { figures, when } = await measureRuns(
        baseUrl,
        values,
        (page, profileDir) => measure(page, baseUrl, profileDir),
        describe,
      );
      const lines = summarize(figures);
      lines.push(...(await serverTimes(figures[0], token)));
      lines.unshift(
        `data set ${values.dataset}, ${runs} runs (median [min–max])`,
        when(),
      );
      process.stdout.write(`${lines.join('\n')}\n`);
    },
    dataDir,
  );
}

runMain(main);
