import { LoggerService } from '@backstage/backend-plugin-api';
import {
  indexSnapshotIam,
  OrganizationSnapshot,
  SnapshotResolution,
} from '@aws-governance/plugin-aws-organizations-common';
import { ComplianceReportCache } from '../compliance/reportCache';
import { ComplianceReport } from '../compliance/types';
import { AwsOrganizationsStore } from '../store/AwsOrganizationsStore';
import { parseStoredSnapshot } from '../store/SnapshotStore';
import { buildGovernanceIndex, GovernanceIndex } from './';

/** The current snapshot with everything the routes derive from it. */
export interface GovernanceView {
  etag: string;
  storedAt: string;
  snapshot: OrganizationSnapshot;
  resolution: SnapshotResolution;
  index: GovernanceIndex;
  report: ComplianceReport;
}

/**
 * The current snapshot, indexed and judged, cached per ETag. Each request
 * costs one metadata query; the snapshot is loaded, indexed and evaluated
 * once per new snapshot, and concurrent requests share that work.
 */
export interface GovernanceState {
  /** Undefined until the first complete snapshot is stored. */
  current(): Promise<GovernanceView | undefined>;
  /**
   * The snapshot this process has just stored, as it holds it: the next
   * view of that ETag uses these objects instead of loading and parsing
   * the stored JSON again, so that what is memoized per snapshot object
   * (the snapshot index, the reach index: 80 s of CPU and over 1 GiB at L
   * with roles) is built once per snapshot, not once for the sync and once
   * more for the routes. Other replicas load it from the store as before.
   */
  offer(stored: {
    etag: string;
    snapshot: OrganizationSnapshot;
    resolution: SnapshotResolution;
  }): void;
}

/** @internal */
export function createGovernanceState(options: {
  store: AwsOrganizationsStore;
  compliance: ComplianceReportCache;
  logger: LoggerService;
  /** Catalog namespace of the AWS entities. */
  namespace: string;
  /**
   * Role hops of the reach index (`awsOrganizations.reach.maxDepth`): the
   * index is built with the rest, before the first request that needs it.
   */
  reachDepth?: number;
}): GovernanceState {
  const { store, compliance, logger, namespace } = options;
  let cached: GovernanceView | undefined;
  let building: { etag: string; promise: Promise<GovernanceView> } | undefined;
  let offered: Parameters<GovernanceState['offer']>[0] | undefined;

  /** The snapshot of `meta`: the one offered when it is that one, else the stored one parsed. */
  async function load(meta: { etag: string; storedAt: string }) {
    if (offered?.etag === meta.etag) {
      const { snapshot, resolution } = offered;
      offered = undefined;
      return { meta, snapshot, resolution, offered: true };
    }
    const stored = await store.snapshots.current();
    if (!stored) {
      throw new Error('The current snapshot disappeared');
    }
    return {
      meta: stored.meta,
      ...parseStoredSnapshot(stored.json),
      offered: false,
    };
  }

  async function build(current: {
    etag: string;
    storedAt: string;
  }): Promise<GovernanceView> {
    const started = Date.now();
    const stored = await load(current);
    const { snapshot, resolution } = stored;
    const index = buildGovernanceIndex(snapshot, resolution, { namespace });
    const reachStarted = Date.now();
    // In slices, with turns of the event loop between them: a minute of
    // CPU at L with roles, during which requests are answered (those that
    // need this view wait for it). The sync's own judgement has usually
    // built it already on these objects (see offer).
    const reach = await indexSnapshotIam(snapshot).reachAsync({
      maxDepth: options.reachDepth ?? 3,
    });
    const reachMs = Date.now() - reachStarted;
    const report = compliance.forSnapshot(
      stored.meta.etag,
      snapshot,
      resolution,
    );
    const view: GovernanceView = {
      etag: stored.meta.etag,
      storedAt: stored.meta.storedAt,
      snapshot,
      resolution,
      index,
      report,
    };
    logger.debug('Indexed and evaluated the AWS organization snapshot', {
      etag: view.etag,
      accounts: snapshot.accounts.length,
      fromSync: stored.offered,
      durationMs: Date.now() - started,
      ...(reach
        ? { reachIndexMs: reachMs, reachPaths: reach.stats.paths }
        : {}),
    });
    return view;
  }

  return {
    offer(stored) {
      offered = stored;
    },
    async current() {
      const meta = await store.snapshots.currentMeta();
      if (!meta) {
        return undefined;
      }
      if (cached?.etag === meta.etag) {
        return cached;
      }
      if (building?.etag !== meta.etag) {
        const promise = build(meta);
        building = { etag: meta.etag, promise };
        promise
          .then(view => {
            if (!cached || cached.storedAt <= view.storedAt) {
              cached = view;
            }
          })
          .catch(() => undefined)
          .finally(() => {
            if (building?.promise === promise) {
              building = undefined;
            }
          });
      }
      return building.promise;
    },
  };
}
