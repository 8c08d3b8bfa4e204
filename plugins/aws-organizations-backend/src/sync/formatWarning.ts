import { SnapshotWarning } from '@aws-governance/plugin-aws-organizations-common';

/** A reader warning as one line for the run log. */
export function formatWarning(warning: SnapshotWarning): string {
  return `${warning.operation} on ${warning.resource}: ${warning.message}`;
}
