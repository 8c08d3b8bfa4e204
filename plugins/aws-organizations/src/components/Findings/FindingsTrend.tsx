import {
  FINDING_ORIGINS,
  FINDING_SEVERITIES,
  FindingCountsPoint,
  FindingOrigin,
  SeverityCounts,
} from '@aws-governance/plugin-aws-organizations-common';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { useTheme } from '@material-ui/core/styles';
import { formatDateTime, pluralize } from '../common/format';
import { countAll, describeSeverityCounts } from './SeverityCounts';

/** One bar of the trend: a sync's totals, and whether some were carried. */
export interface TrendBar {
  readAt: string;
  total: SeverityCounts;
  /** Some origin was not read at that sync: its previous value is used. */
  carried: boolean;
}

function zero(): SeverityCounts {
  return { CRITICAL: 0, HIGH: 0, MEDIUM: 0, LOW: 0, INFORMATIONAL: 0 };
}

/**
 * The totals per sync, oldest first. An origin a sync did not read (its
 * source not connected then) keeps its last known value rather than
 * dropping to zero: "not read" is not "no findings".
 */
export function trendBars(points: FindingCountsPoint[]): TrendBar[] {
  const last: Partial<Record<FindingOrigin, SeverityCounts>> = {};
  return points.map(point => {
    let carried = false;
    for (const origin of FINDING_ORIGINS) {
      if (point.byOrigin[origin]) {
        last[origin] = point.byOrigin[origin];
      } else if (last[origin]) {
        carried = true;
      }
    }
    const total = zero();
    for (const counts of Object.values(last)) {
      for (const severity of FINDING_SEVERITIES) {
        total[severity] += counts?.[severity] ?? 0;
      }
    }
    return { readAt: point.readAt, total, carried };
  });
}

const HEIGHT = 80;
const BAR = 10;
const GAP = 4;

/**
 * Active findings across syncs as small stacked bars (plain SVG, like the
 * plugin's other charts: no chart library), most severe at the bottom;
 * each bar's counts in its title.
 */
export function FindingsTrend(props: {
  points: FindingCountsPoint[];
  /**
   * The bars the chart has room for (the syncs asked for): fewer syncs
   * draw as many thin bars on the right, not a few wide ones.
   */
  slots?: number;
}) {
  const theme = useTheme();
  const bars = trendBars(props.points);
  const colors: Record<string, string> = {
    CRITICAL: theme.palette.error.dark,
    HIGH: theme.palette.error.main,
    MEDIUM: theme.palette.warning.main,
    LOW: theme.palette.info.light,
    INFORMATIONAL: theme.palette.grey[400],
  };
  if (bars.length < 2) {
    return (
      <Typography variant="body2" color="textSecondary">
        {bars.length === 0
          ? 'No sync has counted findings yet.'
          : 'One sync so far: the trend shows from the next one.'}
      </Typography>
    );
  }
  const max = Math.max(1, ...bars.map(b => countAll(b.total)));
  const first = bars[0];
  const latest = bars[bars.length - 1];
  const slots = Math.max(bars.length, props.slots ?? bars.length);
  const offset = slots - bars.length;
  const width = slots * (BAR + GAP);
  const label = `Active findings over the last ${bars.length} syncs: ${countAll(
    first.total,
  )} on ${formatDateTime(first.readAt)}, ${countAll(
    latest.total,
  )} on ${formatDateTime(latest.readAt)}`;
  return (
    <Box data-testid="aws-findings-trend">
      <svg
        role="img"
        aria-label={label}
        viewBox={`0 0 ${width} ${HEIGHT}`}
        preserveAspectRatio="none"
        width="100%"
        height={HEIGHT}
      >
        {bars.map((bar, i) => {
          let y = HEIGHT;
          return (
            <g key={`${bar.readAt}-${i}`} data-testid="aws-findings-trend-bar">
              <title>
                {`${formatDateTime(bar.readAt)}: ${describeSeverityCounts(
                  bar.total,
                )}${
                  bar.carried
                    ? ' (a source not read then: its previous counts)'
                    : ''
                }`}
              </title>
              <rect
                x={(offset + i) * (BAR + GAP)}
                y={0}
                width={BAR}
                height={HEIGHT}
                fill="transparent"
              />
              {FINDING_SEVERITIES.map(severity => {
                const h = (bar.total[severity] / max) * HEIGHT;
                if (h <= 0) return null;
                y -= h;
                return (
                  <rect
                    key={severity}
                    x={(offset + i) * (BAR + GAP)}
                    y={y}
                    width={BAR}
                    height={h}
                    fill={colors[severity]}
                    opacity={bar.carried ? 0.5 : 1}
                  />
                );
              })}
            </g>
          );
        })}
      </svg>
      <Box textAlign="right">
        <Typography variant="caption" color="textSecondary">
          {pluralize(bars.length, 'sync')}, {formatDateTime(first.readAt)} to{' '}
          {formatDateTime(latest.readAt)}
        </Typography>
      </Box>
    </Box>
  );
}
