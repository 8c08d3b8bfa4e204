import {
  FINDING_SEVERITIES,
  FindingSeverity,
  SeverityCounts,
} from '@aws-governance/plugin-aws-organizations-common';
import Chip from '@material-ui/core/Chip';
import { makeStyles } from '@material-ui/core/styles';
import { StackedCountsBar } from '../common/StackedCountsBar';

/** How a severity reads for people: `CRITICAL` → `Critical`. */
export const SEVERITY_LABELS: Record<FindingSeverity, string> = {
  CRITICAL: 'Critical',
  HIGH: 'High',
  MEDIUM: 'Medium',
  LOW: 'Low',
  INFORMATIONAL: 'Informational',
};

/** Most severe first: the order findings and counts are shown in. */
export const SEVERITY_RANK: Record<FindingSeverity, number> =
  Object.fromEntries(FINDING_SEVERITIES.map((s, i) => [s, i])) as Record<
    FindingSeverity,
    number
  >;

/** The sum over every severity. */
export function countAll(counts: SeverityCounts): number {
  return FINDING_SEVERITIES.reduce((sum, s) => sum + (counts[s] ?? 0), 0);
}

/** "1 critical, 2 high" (the severities with findings), or "no active findings". */
export function describeSeverityCounts(counts: SeverityCounts): string {
  const parts = FINDING_SEVERITIES.filter(s => counts[s] > 0).map(
    s => `${counts[s]} ${SEVERITY_LABELS[s].toLocaleLowerCase('en-US')}`,
  );
  return parts.length ? parts.join(', ') : 'no active findings';
}

/** One colour per severity, shared by the bar, the chips and the trend chart. */
export const useSeverityStyles = makeStyles(theme => ({
  CRITICAL: { backgroundColor: theme.palette.error.dark, color: '#fff' },
  HIGH: {
    backgroundColor: theme.palette.error.main,
    color: theme.palette.error.contrastText,
  },
  MEDIUM: {
    backgroundColor: theme.palette.warning.main,
    color: theme.palette.warning.contrastText,
  },
  LOW: {
    backgroundColor: theme.palette.info.light,
    color: theme.palette.info.contrastText,
  },
  INFORMATIONAL: {
    backgroundColor: theme.palette.grey[400],
    color: theme.palette.getContrastText(theme.palette.grey[400]),
  },
}));

/** A finding's severity as a small coloured chip. */
export function FindingSeverityChip(props: { severity: FindingSeverity }) {
  const classes = useSeverityStyles();
  return (
    <Chip
      size="small"
      label={SEVERITY_LABELS[props.severity] ?? props.severity}
      className={classes[props.severity]}
    />
  );
}

/**
 * Active findings by severity as a thin stacked bar (the compliance bar's
 * shape), the counts in its accessible label and title.
 */
export function SeverityCountsBar(props: {
  counts: SeverityCounts;
  width?: number | string;
}) {
  const classes = useSeverityStyles();
  const { counts } = props;
  return (
    <StackedCountsBar
      label={describeSeverityCounts(counts)}
      width={props.width}
      segments={FINDING_SEVERITIES.map(severity => ({
        key: severity,
        count: counts[severity] ?? 0,
        className: classes[severity],
      }))}
    />
  );
}

/** The counts of every severity as chips ("Critical 1", "High 2", ...). */
export function SeverityCountsChips(props: {
  counts: SeverityCounts;
  testId?: string;
}) {
  const classes = useSeverityStyles();
  return (
    <span data-testid={props.testId}>
      {FINDING_SEVERITIES.map(severity => (
        <Chip
          key={severity}
          size="small"
          style={{ marginRight: 4, marginBottom: 4 }}
          className={props.counts[severity] ? classes[severity] : undefined}
          variant={props.counts[severity] ? 'default' : 'outlined'}
          label={`${SEVERITY_LABELS[severity]} ${props.counts[severity] ?? 0}`}
        />
      ))}
    </span>
  );
}
