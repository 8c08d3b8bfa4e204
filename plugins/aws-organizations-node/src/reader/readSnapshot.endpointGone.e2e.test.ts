import { RunningEmulator, startEmulator } from '@aws-governance/aws-emulator';
import { mockServices } from '@backstage/backend-test-utils';
import {
  createAwsOrganizationsClientsFromSettings,
  DEFAULT_MAX_ATTEMPTS,
} from './clients';
import { AwsReadError } from './errors';
import { readOrganizationSnapshot } from './readSnapshot';

const logger = mockServices.logger.mock();

/** HTTP attempts the reader's clients started, and how many are pending. */
interface AttemptCounter {
  started: number;
  pending: number;
}

/**
 * Clients for the emulator whose every HTTP attempt (retries included) is
 * counted next to the transport.
 */
function clientsFor(emu: RunningEmulator, maxAttempts?: number) {
  const clients = createAwsOrganizationsClientsFromSettings({
    region: 'us-east-1',
    endpoints: {
      organizations: emu.url,
      ssoAdmin: emu.url,
      identityStore: emu.url,
    },
    credentials: async () => ({ accessKeyId: 'test', secretAccessKey: 'test' }),
    maxAttempts,
  });
  const attempts: AttemptCounter = { started: 0, pending: 0 };
  for (const client of Object.values(clients)) {
    client.middlewareStack.add(
      (next: (args: any) => Promise<any>) => async (args: any) => {
        attempts.started += 1;
        attempts.pending += 1;
        try {
          return await next(args);
        } finally {
          attempts.pending -= 1;
        }
      },
      { step: 'deserialize', name: 'countAttempts', priority: 'low' },
    );
  }
  return { clients, attempts };
}

const FAST = {
  organizations: { tps: 1000, burst: 1000 },
  ssoAdmin: { tps: 1000, burst: 1000 },
  identityStore: { tps: 1000, burst: 1000 },
};

/** Total calls the emulator has received so far. */
function callsSeen(emu: RunningEmulator): number {
  return Object.values(emu.stats().calls)
    .flatMap(ops => Object.values(ops))
    .reduce((a, b) => a + b, 0);
}

/** Resolves once the emulator has received at least `count` calls. */
async function afterCalls(emu: RunningEmulator, count: number) {
  while (callsSeen(emu) < count) {
    await new Promise(resolve => setTimeout(resolve, 1));
  }
}

/** Lets pending microtasks, timers and sockets settle. */
const settle = (ms: number) => new Promise(r => setTimeout(r, ms));

describe('readOrganizationSnapshot when the endpoint vanishes mid-read', () => {
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);
  beforeEach(() => {
    unhandled.length = 0;
    process.on('unhandledRejection', onUnhandled);
  });
  afterEach(() => {
    process.off('unhandledRejection', onUnhandled);
  });

  it.each([
    ['while walking the tree', 10],
    ['with tag and Identity Center reads in flight', 60],
  ])(
    'fails with the first AwsReadError and leaves no rejection behind (%s)',
    async (_when, closeAfterCalls) => {
      const emu = await startEmulator({ dataset: 'S', latencyMs: 15 });
      const { clients, attempts } = clientsFor(emu);
      const read = readOrganizationSnapshot({
        clients,
        logger,
        rateLimits: FAST,
      });
      let pendingAtFailure = -1;
      const outcome = read.then(
        () => 'resolved',
        (error: unknown) => {
          pendingAtFailure = attempts.pending;
          return error;
        },
      );
      await afterCalls(emu, closeAfterCalls);
      await emu.close();

      const error = await outcome;
      expect(error).toBeInstanceOf(AwsReadError);
      // Under Jest the SDK wraps the cross-realm network error, so the code
      // is generic; the message keeps the cause.
      expect((error as AwsReadError).message).toMatch(
        /^\w+ on \S+ failed: .*(ECONNREFUSED|ECONNRESET|socket hang up|EPIPE)/,
      );
      // The read fails with the first call that ran out of attempts, after
      // that call's own back-offs (what the SDK records, not a stopwatch:
      // a busy machine only makes the timers late).
      const { $metadata } = (error as AwsReadError).cause as unknown as {
        $metadata: { attempts: number; totalRetryDelay: number };
      };
      expect($metadata.attempts).toBeLessThanOrEqual(DEFAULT_MAX_ATTEMPTS);
      expect($metadata.totalRetryDelay).toBeLessThan(5_000);

      // No HTTP attempt outlives the read, and nothing it started rejects
      // afterwards.
      expect(pendingAtFailure).toBe(0);
      const startedAtFailure = attempts.started;
      await settle(500);
      expect(attempts.started).toBe(startedAtFailure);
      expect(unhandled).toEqual([]);
    },
    30_000,
  );

  it('leaves no call behind when a required listing fails', async () => {
    const emu = await startEmulator({
      dataset: 'S',
      latencyMs: 10,
      faults: { errorRate: { ListAccountsForParent: { rate: 0.05 } } },
    });
    try {
      const { clients, attempts } = clientsFor(emu, 1);
      let pendingAtFailure = -1;
      const error = await readOrganizationSnapshot({
        clients,
        logger,
        rateLimits: FAST,
      }).catch(e => {
        pendingAtFailure = attempts.pending;
        return e;
      });
      expect(error).toBeInstanceOf(AwsReadError);
      expect(error.operation).toBe('ListAccountsForParent');
      expect(pendingAtFailure).toBe(0);
      const startedAtFailure = attempts.started;
      await settle(300);
      expect(attempts.started).toBe(startedAtFailure);
      expect(unhandled).toEqual([]);
    } finally {
      await emu.close();
    }
  });
});
