import { SyncStatus } from '@aws-governance/plugin-aws-organizations-common';
import { AwsOrganizationsApi } from './AwsOrganizationsApi';

/** What the watcher knows: the last status read, or why it failed. */
export interface SnapshotWatch {
  status?: SyncStatus;
  error?: Error;
  /**
   * Counts the snapshots that landed while the page was open: it grows when
   * the status names a new snapshot ETag (after Sync now, a scheduled sync,
   * the first sync). Views that show snapshot data reload on it.
   */
  generation: number;
}

/** Timing of the status polling. */
export interface SnapshotWatcherOptions {
  /** While a sync runs, before the first snapshot and after a trigger. */
  fastMs?: number;
  /** The longest pause between two reads when nothing happens. */
  idleMaxMs?: number;
}

/** Reads after a trigger before giving up waiting for the new attempt. */
const MAX_EXPECTING_READS = 30;

/**
 * Follows the current snapshot by polling `GET /sync/status` (one cheap
 * metadata read) with backoff: every `fastMs` while a sync runs, before the
 * first snapshot and after a trigger; otherwise the pause doubles up to
 * `idleMaxMs`, and starts short again when the status changes or the tab
 * becomes visible. One watcher per API instance, shared by every view on the
 * page, polling only while a view listens.
 */
export class SnapshotWatcher {
  readonly #api: AwsOrganizationsApi;
  readonly #fastMs: number;
  readonly #idleMaxMs: number;
  readonly #listeners = new Set<() => void>();
  #state: SnapshotWatch = { generation: 0 };
  #timer?: ReturnType<typeof setTimeout>;
  #delay: number;
  #reading = false;
  #expecting?: { attemptId?: string; reads: number };

  constructor(api: AwsOrganizationsApi, options: SnapshotWatcherOptions = {}) {
    this.#api = api;
    this.#fastMs = options.fastMs ?? 2_000;
    this.#idleMaxMs = options.idleMaxMs ?? 60_000;
    this.#delay = this.#fastMs;
  }

  /** The current state; a new object whenever something changed. */
  get state(): SnapshotWatch {
    return this.#state;
  }

  /** Listens for changes; the first listener starts polling, the last stops it. */
  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener);
    if (this.#listeners.size === 1) {
      this.#visibility('add');
      this.#schedule(0);
    }
    return () => {
      this.#listeners.delete(listener);
      if (this.#listeners.size === 0) {
        this.#visibility('remove');
        clearTimeout(this.#timer);
        this.#timer = undefined;
      }
    };
  }

  /**
   * After a trigger: polls fast until an attempt newer than `attemptId`
   * shows up (or a bounded number of reads passed).
   */
  expectNewRun(attemptId: string | undefined): void {
    this.#expecting = { attemptId, reads: 0 };
    this.#delay = this.#fastMs;
    this.#schedule(0);
  }

  #onVisible = () => {
    if (typeof document === 'undefined' || !document.hidden) {
      this.#delay = this.#fastMs;
      this.#schedule(0);
    }
  };

  #visibility(op: 'add' | 'remove') {
    if (typeof document !== 'undefined') {
      document[`${op}EventListener`]('visibilitychange', this.#onVisible);
    }
  }

  #schedule(ms: number) {
    if (this.#listeners.size === 0) {
      return;
    }
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.#read(), ms);
  }

  async #read() {
    if (this.#reading) {
      return;
    }
    this.#reading = true;
    const previous = this.#state;
    try {
      // The count of unmapped principals only: the list grows with the
      // Identity Store.
      const status = await this.#api.getSyncStatus({ unmappedLimit: 0 });
      this.#update(previous, status);
    } catch (error) {
      this.#state = { ...previous, error: error as Error };
      this.#delay = Math.min(this.#delay * 2, this.#idleMaxMs);
      this.#notify();
    } finally {
      this.#reading = false;
      this.#schedule(this.#delay);
    }
  }

  #update(previous: SnapshotWatch, status: SyncStatus) {
    const before = previous.status;
    const landed =
      before !== undefined &&
      status.snapshotEtag !== undefined &&
      status.snapshotEtag !== before.snapshotEtag;
    const changed =
      !before || JSON.stringify(before) !== JSON.stringify(status);
    if (this.#expecting) {
      this.#expecting.reads += 1;
      const attempt = status.lastAttempt;
      if (
        (attempt && attempt.id !== this.#expecting.attemptId) ||
        this.#expecting.reads > MAX_EXPECTING_READS
      ) {
        this.#expecting = undefined;
      }
    }
    const busy =
      status.lastAttempt?.status === 'running' ||
      !status.snapshotEtag ||
      this.#expecting !== undefined;
    if (busy || changed) {
      this.#delay = this.#fastMs;
    } else {
      this.#delay = Math.min(this.#delay * 2, this.#idleMaxMs);
    }
    if (changed || previous.error) {
      this.#state = {
        status,
        generation: previous.generation + (landed ? 1 : 0),
      };
      this.#notify();
    }
  }

  #notify() {
    for (const listener of [...this.#listeners]) {
      listener();
    }
  }
}

const watchers = new WeakMap<AwsOrganizationsApi, SnapshotWatcher>();

/** The page's watcher of this API instance (created on first use). */
export function snapshotWatcherFor(
  api: AwsOrganizationsApi,
  options?: SnapshotWatcherOptions,
): SnapshotWatcher {
  let watcher = watchers.get(api);
  if (!watcher) {
    watcher = new SnapshotWatcher(api, options);
    watchers.set(api, watcher);
  }
  return watcher;
}
