import { QueueStore, QUEUE_ATTRIBUTE_LIMITS, QueueAttributes } from './queues';

const DEFAULTS = Object.fromEntries(
  Object.entries(QUEUE_ATTRIBUTE_LIMITS).map(([k, v]) => [k, v.default]),
) as unknown as QueueAttributes;

/**
 * The long poll with the clock frozen: a wait ends only when the store
 * wakes it (or when the test advances the fake clock), so these pass or
 * fail whatever the machine load.
 */
describe('QueueStore long polling', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  const setup = () => {
    const store = new QueueStore('us-east-1');
    const queue = store.create('111122223333', 'q', DEFAULTS);
    return { store, queue };
  };
  const settled = async (promise: Promise<unknown>) => {
    let done = false;
    promise.then(() => (done = true));
    for (let i = 0; i < 10; i++) await Promise.resolve();
    return done;
  };

  it('wakes a waiting receive when a message is sent, without the clock moving', async () => {
    const { store, queue } = setup();
    const receiving = store.receive(queue, 10, 30, 20);
    expect(await settled(receiving)).toBe(false);
    store.send(queue, 'hello', { senderId: 'me' });
    const received = await receiving;
    expect(received.map(m => m.body)).toEqual(['hello']);
  });

  it('answers nothing when the wait time ends', async () => {
    const { store, queue } = setup();
    const receiving = store.receive(queue, 10, 30, 20);
    await jest.advanceTimersByTimeAsync(19_999);
    expect(await settled(receiving)).toBe(false);
    await jest.advanceTimersByTimeAsync(1);
    await expect(receiving).resolves.toEqual([]);
  });

  it('answers a delayed message when its delay ends, within the wait', async () => {
    const { store, queue } = setup();
    store.send(queue, 'later', { senderId: 'me', delaySeconds: 5 });
    const receiving = store.receive(queue, 10, 30, 20);
    await jest.advanceTimersByTimeAsync(4_999);
    expect(await settled(receiving)).toBe(false);
    await jest.advanceTimersByTimeAsync(1);
    expect((await receiving).map(m => m.body)).toEqual(['later']);
  });

  it('ends every wait on close', async () => {
    const { store, queue } = setup();
    const receiving = store.receive(queue, 10, 30, 20);
    store.close();
    await expect(receiving).resolves.toEqual([]);
  });
});
