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
}));

/** One part of a {@link StackedCountsBar}: its count and its colour's class. */
export interface CountsBarSegment {
  key: string;
  count: number;
  className: string;
}

/**
 * Counts as a thin stacked bar, each segment as wide as its share, with
 * `label` as its accessible label and title. Plain elements with static
 * classes: the explorer shows one per tree node and chart row, so it stays
 * cheap to render (no tooltip or styled box per bar).
 */
export function StackedCountsBar(props: {
  segments: CountsBarSegment[];
  label: string;
  width?: number | string;
}) {
  const classes = useStyles();
  const total = props.segments.reduce((sum, s) => sum + s.count, 0);
  return (
    <div
      role="img"
      aria-label={props.label}
      title={props.label}
      className={classes.bar}
      style={{ width: props.width ?? 160 }}
    >
      {total > 0 &&
        props.segments.map(segment =>
          segment.count ? (
            <div
              key={segment.key}
              className={segment.className}
              style={{ width: `${(segment.count / total) * 100}%` }}
            />
          ) : null,
        )}
    </div>
  );
}
