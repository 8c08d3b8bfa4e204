import {
  ChangeLogEntry,
  OrganizationSnapshot,
} from '@aws-governance/plugin-aws-organizations-common';

/** A change log entry before the store gives it an id and a time. @public */
export type ChangeDraft = Omit<ChangeLogEntry, 'id' | 'detectedAt'>;

/**
 * Finds changes between two complete snapshots. The built-in detectors
 * cover the organization and Identity Center; more can be added (e.g. one
 * that records `compliance.changed` when a compliance result flips).
 *
 * @public
 */
export type ChangeDetector = (context: {
  previous: OrganizationSnapshot;
  current: OrganizationSnapshot;
}) => ChangeDraft[];
