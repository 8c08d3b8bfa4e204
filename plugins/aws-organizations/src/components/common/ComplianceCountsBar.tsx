import { ComplianceCounts } from '@aws-governance/plugin-aws-organizations-common';
import { makeStyles } from '@material-ui/core/styles';
import { StackedCountsBar } from './StackedCountsBar';

const useStyles = makeStyles(theme => ({
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
 * its accessible label and its title.
 */
export function ComplianceCountsBar(props: {
  counts: ComplianceCounts;
  width?: number | string;
}) {
  const classes = useStyles();
  const { counts } = props;
  return (
    <StackedCountsBar
      label={`${counts.pass} compliant, ${counts.fail} non-compliant, ${counts.warn} warnings, ${counts.unknown} unknown`}
      width={props.width}
      segments={SEGMENTS.map(status => ({
        key: status,
        count: counts[status],
        className: classes[status],
      }))}
    />
  );
}
