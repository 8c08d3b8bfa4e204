import {
  OrganizationSnapshot,
  SyncRun,
} from '@aws-governance/plugin-aws-organizations-common';
import type {
  RefreshTarget,
  TargetedUpdate,
} from '@aws-governance/plugin-aws-organizations-node';
import { CatalogDirectory } from '../resolution/types';

/** The scheduler task id of the sync, one per cluster. @public */
export const SYNC_TASK_ID = 'aws-organizations-sync';

/** Event topic published after each new complete snapshot. @public */
export const SNAPSHOT_EVENT_TOPIC = 'aws-organizations.snapshot';

/** Payload of {@link SNAPSHOT_EVENT_TOPIC} events. @public */
export interface SnapshotEventPayload {
  etag: string;
}

/** Scheduler task id of the re-resolution against the catalog. @public */
export const RESOLVE_TASK_ID = 'aws-organizations-resolve';

/** What {@link SyncEngine.refreshResolution} did. */
export type ResolutionRefresh =
  | { outcome: 'no-snapshot' | 'unchanged' | 'superseded' }
  | { outcome: 'updated'; etag: string; changes: number };

/** Reads the organization (the reader, or a fake in tests). */
export type SnapshotSource = () => Promise<OrganizationSnapshot>;

/** Re-reads parts of a snapshot (the targeted reader, or a fake in tests). */
export type TargetedSource = (
  base: OrganizationSnapshot,
  targets: RefreshTarget[],
) => Promise<TargetedUpdate>;

/** What {@link SyncEngine.applyTargets} did; `calls` made to AWS. */
export type TargetedApply =
  | { outcome: 'applied'; etag: string; changes: number; calls: number }
  | { outcome: 'unchanged'; calls: number }
  | { outcome: 'no-snapshot'; calls: number }
  | { outcome: 'full-read-needed'; reason: string; calls?: number };

/** Reads the catalog's Groups and Users. */
export type DirectorySource = () => Promise<CatalogDirectory>;

/**
 * Runs syncs: read, resolve, diff, store, publish. One run at a time per
 * cluster is the scheduler's job (a global task).
 */
export interface SyncEngine {
  /** Runs one sync in this process and returns its record. Never throws. */
  run(options?: { signal?: AbortSignal }): Promise<SyncRun>;
  /**
   * Resolves the current snapshot's owners and principals against the
   * catalog again, without reading AWS: teams added to the catalog after a
   * sync become resolvable within minutes, not at the next sync. Stores a
   * new resolution (and its compliance flips) only when it differs and the
   * snapshot was not replaced meanwhile. Throws when the catalog is
   * unavailable, changing nothing.
   */
  refreshResolution(): Promise<ResolutionRefresh>;
  /**
   * Brings the current snapshot up to date for the given targets (from
   * events) and stores it as a new snapshot, with its changes, compliance
   * flips and snapshot event, as a full sync does. Throws when a re-read
   * fails, changing nothing.
   */
  applyTargets(targets: RefreshTarget[]): Promise<TargetedApply>;
}
