import { ComplianceCounts } from '@aws-governance/plugin-aws-organizations-common';
import { makeStyles } from '@material-ui/core/styles';

const useStyles = makeStyles(theme => ({
  bar: {
    display: 'flex',
    flexShrink: 0,
    height: 10,
    borderRadius: 4,
    overflow: 'hidden',
    backgroundColor: theme.palette.grey[200],
  },
  fail: { backgroundColor: theme.palette.error.main },
  warn: { backgroundColor: theme.palette.warning.main },
  unknown: { backgroundColor: theme.palette.grey[400] },
  pass: { backgroundColor: theme.palette.success.main },
}));

const SEGMENTS: (keyof ComplianceCounts)[] = [
  'fail',
  'warn',
  'unknown',
  'pass',
];

/**
 * Counts per compliance status as a thin stacked bar, with the counts in
 * its accessible label and its title. Plain elements with static classes:
 * the explorer shows one per tree node and chart row, so it stays cheap to
 * render (no tooltip or styled box per bar).
 */
export function ComplianceCountsBar(props: {
  counts: ComplianceCounts;
  width?: number | string;
}) {
  const classes = useStyles();
  const { counts } = props;
  const total = counts.pass + counts.fail + counts.warn + counts.unknown;
  const label = `${counts.pass} compliant, ${counts.fail} non-compliant, ${counts.warn} warnings, ${counts.unknown} unknown`;
  return (
    <div
      role="img"
      aria-label={label}
      title={label}
      className={classes.bar}
      style={{ width: props.width ?? 160 }}
    >
      {total > 0 &&
        SEGMENTS.map(status =>
          counts[status] ? (
            <div
              key={status}
              className={classes[status]}
              style={{ width: `${(counts[status] / total) * 100}%` }}
            />
          ) : null,
        )}
    </div>
  );
}
