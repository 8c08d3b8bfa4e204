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
 * as `yarn bench:explorer` does (scripts/benchBrowser.ts, which both use),
 * and waits for the first sync. Then, as the guest (an admin of the demo
 * policy), starts a campaign
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
import { parseArgs } from 'node:util';
import { Page } from 'playwright-core';
import {
  log,
  measureRuns,
  median,
  portalOptions,
  runMain,
  spread,
  startProfile,
  stopProfile,
  timeWhen,
  withPortal,
} from './benchBrowser';

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
  const profiler = await startProfile(page, profileDir);
  await page.goto(url);
  const headerMs = await timeWhen(page, () =>
    [...document.querySelectorAll('h1')].some(
      h => h.textContent === 'Access reviews',
    ),
  );
  const firstRowMs = await timeWhen(page, () =>
    document.querySelector('[data-testid="aws-review-item"]'),
  );
  const countMs = await timeWhen(page, () => {
    // Plain code: this runs in the page, untranspiled helpers absent.
    const bulk = document.querySelector('[data-testid="aws-review-bulk"]');
    return !!bulk && /\d items/.test(bulk.textContent || '');
  });
  await stopProfile(page, profiler, profileDir, 'queue.cpuprofile');
  const response = await itemsResponse;
  const body = await response.body();
  // The first request of each, from the navigation start.
  const [campaignRequest, itemsRequest] = await page.evaluate(() =>
    [/\/reviews\/campaigns\/\d+$/, /\/reviews\/campaigns\/\d+\/items/].map(
      pattern => {
        const entry = performance
          .getEntriesByType('resource')
          .find(e => pattern.test(e.name.split('?')[0])) as
          | PerformanceResourceTiming
          | undefined;
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
      ...portalOptions,
      items: { type: 'string', default: '5000' },
    },
  });
  const runs = Number(values.runs);
  await withPortal(values, 'bench-review-queue', async portal => {
    const { baseUrl, token } = portal;
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
    const { figures, when } = await measureRuns(
      baseUrl,
      values,
      (page, profileDir) => measure(page, url, profileDir),
      fmt,
    );
    const m = (pick: (f: QueueFigures) => number) =>
      median(figures.map(pick)).toFixed(0);
    const s = (pick: (f: QueueFigures) => number) =>
      spread(figures.map(pick), 0);
    process.stdout.write(
      [
        `data set ${values.dataset}: campaign of ${campaign.progress.total} items over ${scope.accountIds.length} accounts, started in ${startMs} ms`,
        `${runs} ${when()}`,
        `from the navigation start, median [min–max]: page header ${s(
          f => f.headerMs,
        )}, first queue row ${s(f => f.firstRowMs)}, queue count ${s(
          f => f.countMs,
        )}`,
        `from the page header, median [min–max]: first queue row ${s(
          f => f.firstRowMs - f.headerMs,
        )}, queue count ${s(f => f.countMs - f.headerMs)}`,
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
  });
}

runMain(main);
