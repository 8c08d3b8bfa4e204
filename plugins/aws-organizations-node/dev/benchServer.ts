/*
 * The emulator of the benchmark, in a child process (so that the reader's
 * peak RSS is its own), and the server-side limits the reader is not told.
 */
import { fork, type ChildProcess } from 'node:child_process';
import type {
  EmulatorOptions,
  EmulatorStats,
  RateLimitOptions,
} from '@aws-governance/aws-emulator';
import type { CallBound } from './lowerBound';

/** What the child sends once it listens. */
export interface BenchServerReady {
  url: string;
  expected: Record<string, number>;
  lowerBound: CallBound;
  /** With `withRoles`: the roles part's bound per source. */
  rolesLowerBound?: Record<string, CallBound>;
  expectedRoles?: number;
  aggregatorAccountId?: string;
}

const sum = (o: Record<string, number> = {}) =>
  Object.values(o).reduce((a, b) => a + b, 0);

/**
 * The server's floor: the fewest seconds any reader needs under the
 * server's buckets, max over buckets of the lower-bound calls it admits /
 * its TPS (a collective Identity Center bucket admits SSO Admin and
 * Identity Store calls together). Undefined without server limits.
 */
export function serverFloorSeconds(
  limits: RateLimitOptions,
  bound: CallBound,
): number | undefined {
  const floors: number[] = [];
  for (const service of [
    'organizations',
    'ssoAdmin',
    'identityStore',
    'iam',
    'sts',
    'config',
  ]) {
    const spec = limits[service as keyof RateLimitOptions];
    if (spec) floors.push(sum(bound[service]) / spec.tps);
  }
  if (limits.identityCenter) {
    floors.push(
      (sum(bound.ssoAdmin) + sum(bound.identityStore)) /
        limits.identityCenter.tps,
    );
  }
  return floors.length ? Math.max(...floors) : undefined;
}

/** The emulator child: its URL and data, its stats, and its end. */
export class BenchServer {
  readonly #child: ChildProcess;
  readonly ready: BenchServerReady;
  /** Rejects when the child dies before {@link BenchServer.close}. */
  readonly died: Promise<never>;
  #closing = false;

  private constructor(child: ChildProcess, ready: BenchServerReady) {
    this.#child = child;
    this.ready = ready;
    this.died = new Promise<never>((_, reject) => {
      child.once('exit', (code, signal) => {
        if (!this.#closing) {
          reject(
            new Error(
              `the emulator died during the benchmark (exit ${code}, signal ${signal})`,
            ),
          );
        }
      });
    });
    this.died.catch(() => undefined);
  }

  static async start(
    options: EmulatorOptions & { withRoles?: boolean },
  ): Promise<BenchServer> {
    const child = fork(
      require.resolve('./benchEmulator'),
      [JSON.stringify(options)],
      {
        execArgv: ['-r', 'sucrase/register/ts'],
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      },
    );
    const ready = await new Promise<BenchServerReady>((resolve, reject) => {
      child.once('message', m => resolve(m as BenchServerReady));
      child.once('exit', code =>
        reject(new Error(`the emulator exited with ${code} before listening`)),
      );
    });
    return new BenchServer(child, ready);
  }

  /** The emulator's own counters; throws when they cannot be read. */
  async stats(): Promise<EmulatorStats> {
    const response = await fetch(`${this.ready.url}/_emulator/stats`);
    if (!response.ok) {
      throw new Error(`emulator stats answered HTTP ${response.status}`);
    }
    return (await response.json()) as EmulatorStats;
  }

  async resetStats(): Promise<void> {
    const response = await fetch(`${this.ready.url}/_emulator/reset`, {
      method: 'POST',
    });
    if (!response.ok) {
      throw new Error(`emulator reset answered HTTP ${response.status}`);
    }
  }

  /** Stops the child and waits for it to exit. */
  async close(): Promise<void> {
    this.#closing = true;
    if (this.#child.exitCode !== null) return;
    const exited = new Promise(resolve => this.#child.once('exit', resolve));
    this.#child.disconnect();
    await exited;
  }
}
