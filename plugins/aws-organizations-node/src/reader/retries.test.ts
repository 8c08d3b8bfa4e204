import {
  ListRootsCommand,
  OrganizationsClient,
} from '@aws-sdk/client-organizations';
import { HttpResponse, type HttpRequest } from '@smithy/core/protocols';
import { Readable } from 'node:stream';
import { RateBudget } from './rateLimit';
import { ReadRetries } from './retries';

type Answer = 'throttle' | 'server' | 'ok';

/**
 * An Organizations client whose HTTP handler answers each call (one SDK
 * invocation, every attempt of it) from `script(attempt)`, and records the
 * attempts and their `amz-sdk-request` headers. The SDK's whole middleware
 * stack runs, the retry middleware included.
 */
function scriptedClient(script: (attempt: number) => Answer) {
  const attempts = new Map<string, string[]>();
  const answer = (status: number, body: object) =>
    new HttpResponse({
      statusCode: status,
      headers: { 'content-type': 'application/x-amz-json-1.1' },
      body: Readable.from([Buffer.from(JSON.stringify(body))]),
    });
  const client = new OrganizationsClient({
    region: 'us-east-1',
    endpoint: 'http://organizations.test',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    requestHandler: {
      handle: async (request: HttpRequest) => {
        const id = request.headers['amz-sdk-invocation-id'];
        const seen = attempts.get(id) ?? [];
        seen.push(request.headers['amz-sdk-request']);
        attempts.set(id, seen);
        switch (script(seen.length)) {
          case 'throttle':
            return {
              response: answer(400, {
                __type: 'TooManyRequestsException',
                Message: 'Too many requests',
              }),
            };
          case 'server':
            return {
              response: answer(500, {
                __type: 'ServiceException',
                Message: 'Internal error',
              }),
            };
          default:
            return { response: answer(200, { Roots: [] }) };
        }
      },
    },
  });
  return { client, attempts: () => [...attempts.values()] };
}

const budget = () =>
  new RateBudget(
    { name: 'organizations', services: ['organizations'] },
    'aimd',
  );

/** Runs `promise` to its end, moving the fake clock through the back-offs. */
async function settle<T>(promise: Promise<T>): Promise<T> {
  let done = false;
  promise.then(
    () => (done = true),
    () => (done = true),
  );
  while (!done) await jest.advanceTimersByTimeAsync(1000);
  return promise;
}

describe('ReadRetries', () => {
  beforeEach(() => {
    jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate'] });
  });
  afterEach(() => {
    jest.useRealTimers();
  });

  it('retries throttled calls up to maxAttempts however many calls were throttled before', async () => {
    // Each call throttled twice: with the SDK's retry quota that drains 5
    // tokens a call (10 spent, 5 given back), so after ~100 calls of a
    // heavily throttled organization a call would fail at its first
    // throttle. The reader's rate budget paces throttled attempts instead.
    const retries = new ReadRetries(10);
    const b = budget();
    const { client, attempts } = scriptedClient(n =>
      n <= 2 ? 'throttle' : 'ok',
    );
    for (let i = 0; i < 150; i++) {
      const command = new ListRootsCommand({});
      retries.apply(command, b, 'required');
      const output = await settle(client.send(command));
      expect(output.$metadata.attempts).toBe(3);
    }
    expect(attempts()).toHaveLength(150);
    expect(attempts()[149]).toEqual([
      'attempt=1; max=10',
      'attempt=2; max=10',
      'attempt=3; max=10',
    ]);
    expect(retries.strategy(b, 'required').capacity).toBe(500);
  });

  it('stops a throttled call at maxAttempts with the throttling error', async () => {
    const retries = new ReadRetries(4);
    const { client, attempts } = scriptedClient(() => 'throttle');
    const command = new ListRootsCommand({});
    retries.apply(command, budget(), 'required');
    await expect(settle(client.send(command))).rejects.toMatchObject({
      name: 'TooManyRequestsException',
      $metadata: { attempts: 4 },
    });
    expect(attempts()[0]).toHaveLength(4);
  });

  it('keeps the SDK retry quota for server errors: a failing service is not retried forever', async () => {
    const retries = new ReadRetries(10);
    const b = budget();
    const { client, attempts } = scriptedClient(() => 'server');
    const send = () => {
      const command = new ListRootsCommand({});
      retries.apply(command, b, 'required');
      return settle(client.send(command)).catch(e => e);
    };
    // 9 retries of 14 tokens per call, nothing given back: 500 tokens last
    // three calls; the fourth gets 8 retries, the fifth none.
    for (let i = 0; i < 5; i++) await send();
    expect(attempts().map(a => a.length)).toEqual([10, 10, 10, 9, 1]);
    expect(retries.strategy(b, 'required').capacity).toBeLessThan(14);
  });
});
