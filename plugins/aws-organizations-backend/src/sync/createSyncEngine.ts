import { isDeepStrictEqual } from 'node:util';
import { LoggerService } from '@backstage/backend-plugin-api';
import {
  indexSnapshotIam,
  OrganizationSnapshot,
  SnapshotResolution,
  SyncRun,
} from '@aws-governance/plugin-aws-organizations-common';
import { EventsService } from '@backstage/plugin-events-node';
import {
  AwsReadError,
  sameSnapshotContent,
} from '@aws-governance/plugin-aws-organizations-node';
import { AwsOrganizationsConfig } from '@aws-governance/plugin-aws-organizations-node';
import {
  diffSnapshots,
  DEFAULT_CHANGE_DETECTORS,
} from '../changes/diffSnapshots';
import { ChangeDetector, ChangeDraft } from '../changes/types';
import { complianceChanges } from '../compliance';
import { ComplianceReportCache } from '../compliance/reportCache';
import { ComplianceReport } from '../compliance/types';
import { AwsOrganizationsStore } from '../store/AwsOrganizationsStore';
import {
  encodeSnapshotBody,
  parseStoredSnapshot,
} from '../store/SnapshotStore';
import { resolveSnapshot } from '../resolution/resolveSnapshot';
import { EMPTY_DIRECTORY } from '../resolution/types';
import { snapshotCounts } from '@aws-governance/plugin-aws-organizations-common';
import { formatWarning } from './formatWarning';
import {
  DirectorySource,
  SNAPSHOT_EVENT_TOPIC,
  SnapshotEventPayload,
  SnapshotSource,
  ResolutionRefresh,
  SyncEngine,
  TargetedApply,
  TargetedSource,
} from './types';

/** Options of {@link createSyncEngine}. */
export interface SyncEngineOptions {
  config: AwsOrganizationsConfig;
  store: AwsOrganizationsStore;
  logger: LoggerService;
  events: EventsService;
  readSnapshot: SnapshotSource;
  readDirectory: DirectorySource;
  /** Extra change detectors. */
  detectors?: readonly ChangeDetector[];
  /** Judges each snapshot; its flips go to the change log. */
  compliance?: ComplianceReportCache;
  /** Re-reads parts of a snapshot (events); without it, events need full reads. */
  readTargeted?: TargetedSource;
  /** Called after a full read stored its snapshot (events replay). */
  onFullReadStored?: (run: { startedAt: Date }) => Promise<void>;
  /**
   * Called after each new complete snapshot is committed (the access
   * reviews close remediation entries whose grant is gone). A failure is
   * logged; the snapshot stays stored.
   */
  afterSnapshotStored?: (stored: {
    etag: string;
    snapshot: OrganizationSnapshot;
    resolution: SnapshotResolution;
  }) => Promise<void>;
  /** Clock, for tests. */
  now?: () => Date;
}

/** Attempts of a targeted update when the snapshot is replaced meanwhile. */
const MAX_TARGETED_ATTEMPTS = 3;

/** Runs after snapshots are stored: retention of the change log and runs. */
async function applyRetention(
  options: SyncEngineOptions,
  now: Date,
  keepRunId: string,
) {
  const { store, config, logger } = options;
  const before = new Date(
    now.getTime() - config.history.retentionDays * 24 * 3600 * 1000,
  );
  const changes = await store.changes.applyRetention({
    before,
    maxEntries: config.history.maxEntries,
  });
  const current = await store.snapshots.currentMeta();
  const runs = await store.runs.prune(before, [
    keepRunId,
    ...(current?.runId ? [current.runId] : []),
  ]);
  const findingSyncs = await store.findingCounts.prune(before);
  if (changes || runs || findingSyncs) {
    logger.info('Applied AWS organization history retention', {
      changesDeleted: changes,
      runsDeleted: runs,
      findingSyncsDeleted: findingSyncs,
      retentionDays: config.history.retentionDays,
    });
  }
}

function errorMessage(error: unknown): string {
  if (error instanceof AwsReadError) {
    return `${error.message} (${error.service})`;
  }
  return error instanceof Error ? error.message : String(error);
}

interface StoredEnvelope {
  etag: string;
  runId?: string;
  readAt: string;
  snapshot: OrganizationSnapshot;
  resolution: SnapshotResolution;
}

async function loadCurrent(
  store: AwsOrganizationsStore,
): Promise<StoredEnvelope | undefined> {
  const current = await store.snapshots.current();
  if (!current) {
    return undefined;
  }
  const { snapshot, resolution } = parseStoredSnapshot(current.json);
  return {
    etag: current.meta.etag,
    runId: current.meta.runId,
    readAt: current.meta.readAt,
    snapshot,
    resolution,
  };
}

/**
 * Creates the sync engine. A failed read or an incomplete snapshot never
 * touches the current snapshot or the change log: it is recorded on the run
 * with the reasons, and the last complete snapshot stays current.
 */
export function createSyncEngine(options: SyncEngineOptions): SyncEngine {
  const { store, config, logger, events } = options;
  const now = options.now ?? (() => new Date());
  const detectors = [...DEFAULT_CHANGE_DETECTORS, ...(options.detectors ?? [])];
  let firstRun = true;

  /**
   * Builds a snapshot's reach index in slices, with turns of the event
   * loop between them: at L with roles it is a minute of CPU, which the
   * role rules would otherwise spend at once inside the (synchronous)
   * evaluation, with no request answered meanwhile. The rules then find it
   * built. A failure is left to the rules, which report it.
   */
  async function buildReach(snapshot: OrganizationSnapshot): Promise<void> {
    await indexSnapshotIam(snapshot)
      .reachAsync({ maxDepth: config.reach.maxDepth })
      .catch(() => undefined);
  }

  /** The report of a new state and its flips from the stored one. */
  async function judge(
    before: StoredEnvelope | undefined,
    after: { snapshot: OrganizationSnapshot; resolution: SnapshotResolution },
  ): Promise<{ report?: ComplianceReport; flips: ChangeDraft[] }> {
    const reports = options.compliance;
    if (!reports) {
      return { flips: [] };
    }
    await buildReach(after.snapshot);
    const report = reports.evaluate(after.snapshot, after.resolution);
    if (!before) {
      return { report, flips: [] };
    }
    if (!reports.has(before.etag)) await buildReach(before.snapshot);
    const previous = reports.forSnapshot(
      before.etag,
      before.snapshot,
      before.resolution,
    );
    return {
      report,
      flips: complianceChanges(previous, report, after.snapshot),
    };
  }

  /**
   * Announces a new current snapshot without waiting for the subscribers:
   * the in-process event bus awaits them (the catalog module refetches the
   * snapshot, the routes index and judge it), and the sync must not hold its
   * cluster-wide scheduler lock meanwhile. Failures are logged.
   */
  function publish(etag: string): void {
    void announce(etag);
  }

  async function announce(etag: string) {
    const payload: SnapshotEventPayload = { etag };
    try {
      await events.publish({
        topic: SNAPSHOT_EVENT_TOPIC,
        eventPayload: payload,
      });
    } catch (error) {
      logger.warn('Could not publish the snapshot event', {
        error: errorMessage(error),
      });
    }
  }

  async function runSteps(
    runId: string,
    signal?: AbortSignal,
  ): Promise<boolean> {
    const phase = async (name: string) => {
      signal?.throwIfAborted();
      await store.runs.setProgress(runId, { phase: name });
    };
    await phase('reading');
    const snapshot = await options.readSnapshot();
    const counts = snapshotCounts(snapshot);
    const warnings = snapshot.warnings.map(formatWarning);
    if (!snapshot.complete) {
      logger.warn(
        'AWS organization snapshot incomplete; keeping the last complete one',
        {
          runId,
          reasons: snapshot.incompleteReasons.join('; '),
        },
      );
      await store.runs.finish(
        runId,
        {
          status: 'incomplete',
          errors: snapshot.incompleteReasons,
          warnings,
          stats: snapshot.stats,
          counts,
        },
        now(),
      );
      return false;
    }

    await phase('resolving');
    const directory = await options.readDirectory().catch(error => {
      warnings.push(
        `Catalog unavailable, owners and principals are marked unresolvable: ${errorMessage(
          error,
        )}`,
      );
      return EMPTY_DIRECTORY;
    });
    const previous = await loadCurrent(store);
    // Owners the new snapshot cannot tell (unknown tags) keep their value
    // from the current one, marked stale.
    const resolution = resolveSnapshot(snapshot, config, directory, previous);

    await phase('diffing');
    const judged = await judge(previous, { snapshot, resolution });
    const changes = [
      ...diffSnapshots(previous?.snapshot, snapshot, detectors),
      ...judged.flips,
    ];

    await phase('storing');
    const encoded = await encodeSnapshotBody(
      JSON.stringify({ snapshot, resolution }),
    );
    signal?.throwIfAborted();
    const storedAt = now();
    await store.db.transaction(async trx => {
      await store.snapshots.replace(trx, {
        runId,
        encoded,
        readAt: new Date(snapshot.readAt),
        storedAt,
        unmappedPrincipals: resolution.unmappedPrincipals,
      });
      await store.changes.append(trx, { runId, detectedAt: storedAt, changes });
      // The trend of finding counts: only a full read's, only the origins
      // it read (a source not connected keeps its last known counts).
      await store.findingCounts.record(trx, {
        runId,
        readAt: new Date(snapshot.readAt),
        signals: snapshot.signals,
      });
      await store.runs.finish(
        runId,
        {
          status: 'succeeded',
          errors: [],
          warnings,
          stats: snapshot.stats,
          counts,
          changes: changes.length,
        },
        now(),
        trx,
      );
    });
    logger.info('Stored AWS organization snapshot', {
      runId,
      etag: encoded.etag,
      changes: changes.length,
      sizeBytes: encoded.sizeBytes,
      storedBytes: encoded.body.length,
      unmappedPrincipals: resolution.unmappedPrincipals.length,
    });
    await applyRetention(options, storedAt, runId).catch(error =>
      logger.warn('Could not apply history retention', {
        error: errorMessage(error),
      }),
    );
    if (judged.report) {
      options.compliance?.remember(encoded.etag, judged.report);
    }
    await afterStored(encoded.etag, snapshot, resolution);
    publish(encoded.etag);
    return true;
  }

  /**
   * Runs the after-store hook (reviews close remediation entries) for
   * every new snapshot, whether a full read, an events update or a new
   * resolution stored it.
   */
  async function afterStored(
    etag: string,
    snapshot: OrganizationSnapshot,
    resolution: SnapshotResolution,
  ): Promise<void> {
    if (!options.afterSnapshotStored) return;
    await options
      .afterSnapshotStored({ etag, snapshot, resolution })
      .catch(error =>
        logger.warn('Could not act on the new snapshot', {
          error: errorMessage(error),
        }),
      );
  }

  /**
   * Stores a new state derived from the current one (the same snapshot
   * resolved again, or a snapshot brought up to date by targeted re-reads)
   * with its changes, unless the current one was replaced meanwhile.
   */
  async function storeOver(
    current: StoredEnvelope,
    snapshot: OrganizationSnapshot,
    resolution: SnapshotResolution,
    changes: ChangeDraft[],
    report: ComplianceReport | undefined,
  ): Promise<{ etag: string } | undefined> {
    const encoded = await encodeSnapshotBody(
      JSON.stringify({ snapshot, resolution }),
    );
    const storedAt = now();
    const replaced = await store.db.transaction(async trx => {
      const ok = await store.snapshots.replaceIf(trx, current.etag, {
        runId: current.runId,
        encoded,
        readAt: new Date(snapshot.readAt),
        storedAt,
        unmappedPrincipals: resolution.unmappedPrincipals,
      });
      if (ok) {
        await store.changes.append(trx, {
          runId: current.runId,
          detectedAt: storedAt,
          changes,
        });
      }
      return ok;
    });
    if (!replaced) return undefined;
    if (report) options.compliance?.remember(encoded.etag, report);
    await afterStored(encoded.etag, snapshot, resolution);
    publish(encoded.etag);
    return { etag: encoded.etag };
  }

  return {
    async refreshResolution(): Promise<ResolutionRefresh> {
      const current = await loadCurrent(store);
      if (!current) {
        return { outcome: 'no-snapshot' };
      }
      const directory = await options.readDirectory();
      const resolution = resolveSnapshot(
        current.snapshot,
        config,
        directory,
        current,
      );
      if (isDeepStrictEqual(resolution, current.resolution)) {
        return { outcome: 'unchanged' };
      }
      const judged = await judge(current, {
        snapshot: current.snapshot,
        resolution,
      });
      const { flips: changes } = judged;
      const stored = await storeOver(
        current,
        current.snapshot,
        resolution,
        changes,
        judged.report,
      );
      if (!stored) {
        return { outcome: 'superseded' };
      }
      logger.info(
        'Owners and principals resolve differently against the catalog now; stored the new resolution',
        {
          etag: stored.etag,
          changes: changes.length,
          unmappedPrincipals: resolution.unmappedPrincipals.length,
        },
      );
      return {
        outcome: 'updated',
        etag: stored.etag,
        changes: changes.length,
      };
    },

    async applyTargets(targets): Promise<TargetedApply> {
      const readTargeted = options.readTargeted;
      if (!readTargeted) {
        return { outcome: 'full-read-needed', reason: 'no targeted reader' };
      }
      let calls = 0;
      for (let attempt = 1; attempt <= MAX_TARGETED_ATTEMPTS; attempt++) {
        const current = await loadCurrent(store);
        if (!current) return { outcome: 'no-snapshot', calls };
        const update = await readTargeted(current.snapshot, targets);
        calls += update.calls;
        if (update.outcome === 'full-read-needed') {
          return { outcome: 'full-read-needed', reason: update.reason, calls };
        }
        const snapshot = update.snapshot;
        const directory = await options.readDirectory();
        const resolution = resolveSnapshot(
          snapshot,
          config,
          directory,
          current,
        );
        if (
          sameSnapshotContent(snapshot, current.snapshot) &&
          isDeepStrictEqual(resolution, current.resolution)
        ) {
          return { outcome: 'unchanged', calls };
        }
        const judged = await judge(current, { snapshot, resolution });
        const changes = [
          ...diffSnapshots(current.snapshot, snapshot, detectors),
          ...judged.flips,
        ];
        const stored = await storeOver(
          current,
          snapshot,
          resolution,
          changes,
          judged.report,
        );
        if (stored) {
          logger.info('Applied AWS organization events to the snapshot', {
            etag: stored.etag,
            targets: targets.length,
            changes: changes.length,
            calls,
          });
          return {
            outcome: 'applied',
            etag: stored.etag,
            changes: changes.length,
            calls,
          };
        }
        // Another replica (or a full read) replaced the snapshot meanwhile:
        // read the targets again on top of the new one.
      }
      return {
        outcome: 'full-read-needed',
        reason: `the snapshot kept changing during ${MAX_TARGETED_ATTEMPTS} attempts`,
        calls,
      };
    },

    async run({ signal } = {}): Promise<SyncRun> {
      const startedAt = now();
      const runId = await store.runs.start(
        firstRun ? 'startup' : 'schedule',
        startedAt,
      );
      firstRun = false;
      if (await store.requests.take(runId)) {
        await store.runs.setTrigger(runId, 'manual');
      }
      const abandoned = await store.runs.abandonOthers(runId, startedAt);
      if (abandoned) {
        logger.warn('Marked abandoned AWS organization sync runs as failed', {
          abandoned,
        });
      }
      try {
        if (await runSteps(runId, signal)) {
          await options.onFullReadStored?.({ startedAt }).catch(error =>
            logger.warn('Could not replay the events applied during the sync', {
              error: errorMessage(error),
            }),
          );
        }
      } catch (error) {
        logger.error(
          'AWS organization sync failed; keeping the last complete snapshot',
          {
            runId,
            error: errorMessage(error),
          },
        );
        await store.runs.finish(
          runId,
          { status: 'failed', errors: [errorMessage(error)], warnings: [] },
          now(),
        );
      }
      return (await store.runs.get(runId))!;
    },
  };
}
