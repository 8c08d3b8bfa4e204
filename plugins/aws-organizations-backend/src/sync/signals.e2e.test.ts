import {
  DEMO_SIGNAL_ACCOUNTS,
  RunningEmulator,
  startEmulator,
} from '@aws-governance/aws-emulator';
import type { SnapshotEnvelope } from '@aws-governance/plugin-aws-organizations-common';
import { TestDatabases } from '@backstage/backend-test-utils';
import request from 'supertest';
import {
  BASE,
  pluginConfig,
  startPlugin,
  syncNow,
  USER,
} from '../__testUtils__/backend';
import { emulatorSignalsConfig } from '../__testUtils__/findings';

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

jest.setTimeout(180_000);

describe('the sync reads the signals (backend, emulator)', () => {
  let emu: RunningEmulator;
  beforeEach(async () => {
    emu = await startEmulator({ dataset: 'demo' });
  });
  afterEach(() => emu.close());

  it('stores the signals with the first snapshot, and a source that fails does not fail the sync', async () => {
    const knex = await databases.init('SQLITE_3');
    const { server } = await startPlugin({
      knex,
      config: emulatorSignalsConfig(emu),
    });
    const first = await syncNow(server);
    expect(first.lastAttempt).toMatchObject({ status: 'succeeded' });
    const res = await request(server)
      .get(`${BASE}/snapshot`)
      .set('Authorization', USER);
    const envelope: SnapshotEnvelope = res.body;
    const signals = envelope.snapshot.signals!;
    expect(Object.values(signals.sources).map(s => s.status)).toEqual([
      'connected',
      'connected',
      'connected',
      'connected',
    ]);
    expect(
      signals.findings[DEMO_SIGNAL_ACCOUNTS.payments].byOrigin['security-hub']!
        .CRITICAL,
    ).toBe(1);

    emu.setFaults({ accessDenied: ['securityHub'] });
    const second = await syncNow(server);
    expect(second.lastAttempt).toMatchObject({ status: 'succeeded' });
    const again: SnapshotEnvelope = (
      await request(server).get(`${BASE}/snapshot`).set('Authorization', USER)
    ).body;
    expect(again.snapshot.signals!.sources['security-hub']).toMatchObject({
      status: 'not-connected',
      reason: 'denied',
    });
    expect(again.snapshot.complete).toBe(true);
  });

  it('has no signals when no source is configured', async () => {
    const knex = await databases.init('SQLITE_3');
    const { server } = await startPlugin({ knex, config: pluginConfig(emu) });
    await syncNow(server);
    const res = await request(server)
      .get(`${BASE}/snapshot`)
      .set('Authorization', USER);
    expect(res.body.snapshot.signals).toBeUndefined();
  });
});
