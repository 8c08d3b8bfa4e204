import {
  OrganizationSnapshot,
  SnapshotResolution,
} from '@aws-governance/plugin-aws-organizations-common';
import { ComplianceEngine, ComplianceReport } from './types';

/**
 * Compliance reports by snapshot ETag, shared by the sync engine and the
 * routes of one backend process. Evaluating every rule on 5,000 accounts
 * takes seconds (docs/benchmarks.md): a sync evaluates its new snapshot once,
 * reuses the previous snapshot's report to find flips, and the routes serve
 * the same report without evaluating again.
 */
export interface ComplianceReportCache {
  /** The report of the snapshot with `etag`, evaluated if not cached. */
  forSnapshot(
    etag: string,
    snapshot: OrganizationSnapshot,
    resolution: SnapshotResolution,
  ): ComplianceReport;
  /** Whether the report of the snapshot with `etag` is at hand. */
  has(etag: string): boolean;
  /** Evaluates a snapshot not stored yet. */
  evaluate(
    snapshot: OrganizationSnapshot,
    resolution: SnapshotResolution,
  ): ComplianceReport;
  /** Remembers the report of a snapshot just stored under `etag`. */
  remember(etag: string, report: ComplianceReport): void;
}

/** Keeps the reports of the `size` (default 2) most recently used snapshots. */
export function createComplianceReportCache(
  engine: ComplianceEngine,
  size = 2,
): ComplianceReportCache {
  const reports = new Map<string, ComplianceReport>();
  const remember = (etag: string, report: ComplianceReport) => {
    reports.delete(etag);
    reports.set(etag, report);
    while (reports.size > size) {
      reports.delete(reports.keys().next().value!);
    }
  };
  return {
    forSnapshot(etag, snapshot, resolution) {
      const cached = reports.get(etag);
      if (cached) {
        remember(etag, cached);
        return cached;
      }
      const report = engine.evaluate(snapshot, resolution);
      remember(etag, report);
      return report;
    },
    has: etag => reports.has(etag),
    evaluate: (snapshot, resolution) => engine.evaluate(snapshot, resolution),
    remember,
  };
}
