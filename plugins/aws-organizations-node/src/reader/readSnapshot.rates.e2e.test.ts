import { RunningEmulator, startEmulator } from '@aws-governance/aws-emulator';
import { isUnknown } from '@aws-governance/plugin-aws-organizations-common';
import { mockServices } from '@backstage/backend-test-utils';
import { clientsFor, snapshotContents } from '../__testUtils__/emulatorClients';
import { AwsReadError } from './errors';
import { readOrganizationSnapshot } from './readSnapshot';

const logger = mockServices.logger.mock();

/** Optional reads: tags, boundaries, customer managed policy references. */
const OPTIONAL_OPERATIONS_FAIL = (rate: number) => ({
  ListTagsForResource: { rate },
  GetPermissionsBoundaryForPermissionSet: { rate },
  ListCustomerManagedPolicyReferencesInPermissionSet: { rate },
});

describe('readOrganizationSnapshot: rates and retries, end to end', () => {
  let emu: RunningEmulator | undefined;
  afterEach(async () => {
    await emu?.close();
    emu = undefined;
  });

  it('completes under server limits it is not told: Organizations and one collective Identity Center bucket', async () => {
    emu = await startEmulator({
      dataset: 'demo',
      rateLimit: {
        organizations: { tps: 25, burst: 5 },
        identityCenter: { tps: 25, burst: 5 },
      },
    });
    const snapshot = await readOrganizationSnapshot({
      clients: clientsFor(emu),
      logger,
    });
    expect(snapshot.complete).toBe(true);
    expect(snapshotContents(snapshot)).toEqual(emu.expected);
    expect(snapshot.warnings).toEqual([]);
    expect(snapshot.stats.throttles).toBe(emu.stats().throttled);
    // One budget for SSO Admin and the Identity Store, one for Organizations.
    expect(Object.keys(snapshot.stats.rates ?? {}).sort()).toEqual([
      'identityCenter',
      'organizations',
    ]);
    expect(snapshot.stats.rates!.identityCenter.services).toEqual([
      'ssoAdmin',
      'identityStore',
    ]);
  }, 60_000);

  it('keeps the required reads’ retries when optional reads keep failing', async () => {
    emu = await startEmulator({
      dataset: 'S',
      seed: 3,
      faults: {
        errorRate: {
          ...OPTIONAL_OPERATIONS_FAIL(1),
          ListAccountsForParent: {
            rate: 0.2,
            code: 'TooManyRequestsException',
          },
          ListAccountAssignmentsForPrincipal: {
            rate: 0.2,
            code: 'ThrottlingException',
          },
          ListGroupMemberships: { rate: 0.2, code: 'ThrottlingException' },
        },
      },
    });
    const snapshot = await readOrganizationSnapshot({
      clients: clientsFor(emu),
      logger,
      maxAttempts: 10,
    });
    expect(snapshot.complete).toBe(true);
    expect(snapshotContents(snapshot)).toEqual(emu.expected);
    expect(snapshot.accounts.every(a => isUnknown(a.tags))).toBe(true);
    expect(snapshot.stats.retries).toBeGreaterThan(0);
  }, 120_000);

  it('starts every read with a whole retry allowance, whatever the previous read spent', async () => {
    emu = await startEmulator({
      dataset: 'S',
      seed: 5,
      faults: { errorRate: OPTIONAL_OPERATIONS_FAIL(1) },
    });
    const clients = clientsFor(emu);
    const spent = await readOrganizationSnapshot({
      clients,
      logger,
      maxAttempts: 50,
    });
    expect(spent.warnings.length).toBeGreaterThan(0);

    emu.setFaults({ errorRate: OPTIONAL_OPERATIONS_FAIL(0.2) });
    const next = await readOrganizationSnapshot({
      clients,
      logger,
      maxAttempts: 50,
    });
    expect(next.complete).toBe(true);
    expect(next.warnings).toEqual([]);
    expect(next.stats.retries).toBeGreaterThan(0);
  }, 120_000);

  it('tells the truth in amz-sdk-request: the attempt and the real maximum', async () => {
    emu = await startEmulator({
      dataset: 'demo',
      faults: {
        serverErrorBurst: { operation: 'ListAccountsForParent', count: 3 },
      },
    });
    const clients = clientsFor(emu);
    const headers: string[] = [];
    clients.organizations.middlewareStack.add(
      next => async args => {
        const request = args.request as { headers: Record<string, string> };
        headers.push(request.headers['amz-sdk-request']);
        return next(args);
      },
      { step: 'deserialize', name: 'captureRetryHeader', priority: 'low' },
    );
    const snapshot = await readOrganizationSnapshot({
      clients,
      logger,
      maxAttempts: 8,
    });
    expect(snapshot.complete).toBe(true);
    const parsed = headers.map(h => /^attempt=(\d+); max=(\d+)$/.exec(h));
    expect(parsed.every(m => m !== null && m[2] === '8')).toBe(true);
    const attempts = parsed.map(m => Number(m![1]));
    expect(Math.max(...attempts)).toBeGreaterThan(1);
    expect(Math.max(...attempts)).toBeLessThanOrEqual(8);
  }, 120_000);

  it('keeps the HTTP status of an answer whose body is not JSON, after retrying it', async () => {
    emu = await startEmulator({
      dataset: 'demo',
      faults: {
        errorRate: { ListRoots: { rate: 1, statusCode: 502, html: true } },
      },
    });
    const error = await readOrganizationSnapshot({
      clients: clientsFor(emu),
      logger,
      maxAttempts: 3,
    }).catch(e => e);
    expect(error).toBeInstanceOf(AwsReadError);
    expect(error.operation).toBe('ListRoots');
    expect(error.code).toBe('HTTP 502 (the body is not JSON)');
    expect(emu.stats().calls.organizations.ListRoots).toBe(3);
  }, 60_000);
});
