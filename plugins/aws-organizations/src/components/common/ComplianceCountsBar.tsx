import { ComplianceCounts } from '@aws-governance/plugin-aws-organizations-common';
import Box from '@material-ui/core/Box';
import Tooltip from '@material-ui/core/Tooltip';
import { useTheme } from '@material-ui/core/styles';

/**
 * Counts per compliance status as a thin stacked bar, with the counts in
 * its accessible label.
 */
export function ComplianceCountsBar(props: {
  counts: ComplianceCounts;
  width?: number | string;
}) {
  const theme = useTheme();
  const { counts } = props;
  const total = counts.pass + counts.fail + counts.warn + counts.unknown;
  const label = `${counts.pass} compliant, ${counts.fail} non-compliant, ${counts.warn} warnings, ${counts.unknown} unknown`;
  const segments: [keyof ComplianceCounts, string][] = [
    ['fail', theme.palette.error.main],
    ['warn', theme.palette.warning.main],
    ['unknown', theme.palette.grey[400]],
    ['pass', theme.palette.success.main],
  ];
  return (
    <Tooltip title={label}>
      <Box
        role="img"
        aria-label={label}
        display="flex"
        height={10}
        width={props.width ?? 160}
        borderRadius={4}
        overflow="hidden"
        bgcolor={theme.palette.grey[200]}
      >
        {total > 0 &&
          segments.map(([status, color]) =>
            counts[status] ? (
              <Box
                key={status}
                width={`${(counts[status] / total) * 100}%`}
                bgcolor={color}
              />
            ) : null,
          )}
      </Box>
    </Tooltip>
  );
}
