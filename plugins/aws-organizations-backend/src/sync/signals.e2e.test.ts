import {
  CONFIG_AGGREGATOR_NAME,
  DEMO_SIGNAL_ACCOUNTS,
  IAM_READER_ROLE,
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

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

jest.setTimeout(180_000);

const role = {
  accountId: DEMO_SIGNAL_ACCOUNTS.securityAdministrator,
  roleName: IAM_READER_ROLE.name,
  externalId: IAM_READER_ROLE.externalId,
};

/** The demo's app-config: every signal source on, against the emulator. */
function signalsConfig(emu: RunningEmulator) {
  const url = emu.url;
  return pluginConfig(emu, {
    endpoints: {
      organizations: url,
      ssoAdmin: url,
      identityStore: url,
      sts: url,
      securityHub: url,
      accessAnalyzer: url,
      config: url,
      cloudTrail: url,
    },
    signals: {
      securityHub: role,
      accessAnalyzer: role,
      config: { ...role, aggregatorName: CONFIG_AGGREGATOR_NAME },
      cloudTrail: {},
    },
  });
}

describe('the sync reads the signals (backend, emulator)', () => {
  let emu: RunningEmulator;
  beforeEach(async () => {
    emu = await startEmulator({ dataset: 'demo' });
  });
  afterEach(() => emu.close());

  it('stores the signals with the first snapshot, and a source that fails does not fail the sync', async () => {
    const knex = await databases.init('SQLITE_3');
    const { server } = await startPlugin({ knex, config: signalsConfig(emu) });
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
