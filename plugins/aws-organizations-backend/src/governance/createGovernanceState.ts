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

  async function build(): Promise<GovernanceView> {
    const started = Date.now();
    const stored = await store.snapshots.current();
    if (!stored) {
      throw new Error('The current snapshot disappeared');
    }
    const { snapshot, resolution } = parseStoredSnapshot(stored.json);
    const index = buildGovernanceIndex(snapshot, resolution, { namespace });
    const reachStarted = Date.now();
    const reach = indexSnapshotIam(snapshot).reach({
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
      durationMs: Date.now() - started,
      ...(reach
        ? { reachIndexMs: reachMs, reachPaths: reach.stats.paths }
        : {}),
    });
    return view;
  }

  return {
    async current() {
      const meta = await store.snapshots.currentMeta();
      if (!meta) {
        return undefined;
      }
      if (cached?.etag === meta.etag) {
        return cached;
      }
      if (building?.etag !== meta.etag) {
        const promise = build();
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
