import {
  FindingsRollupResponse,
  FindingsRollupUnit,
  SIGNAL_SOURCES,
  worstFindingsUnits,
} from '@aws-governance/plugin-aws-organizations-common';
import { InfoCard, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { awsOrganizationsApiRef } from '../../api/AwsOrganizationsApi';
import { ApiErrorPanel } from '../common/ApiErrorPanel';
import { pluralize } from '../common/format';
import { useSnapshotAsync } from '../common/useSnapshot';
import {
  countAll,
  describeSeverityCounts,
  SeverityCountsBar,
} from '../Findings/SeverityCounts';
import { notConnectedReason, SOURCE_LABELS } from '../Findings/sources';

const MAX_ROWS = 10;

/** "Prod / Prod-US": the unit's path below the root. */
function pathOf(
  unit: FindingsRollupUnit,
  byId: Map<string, FindingsRollupUnit>,
): string {
  const names: string[] = [];
  for (
    let u: FindingsRollupUnit | undefined = unit;
    u?.parentId;
    u = byId.get(u.parentId)
  ) {
    names.unshift(u.name);
  }
  return names.join(' / ');
}

function UnitRow(props: { label: string; unit: FindingsRollupUnit }) {
  const { unit } = props;
  return (
    <Box mb={1} data-testid="aws-findings-unit">
      <Box display="flex" justifyContent="space-between">
        <Typography variant="body2" component="div">
          {props.label}
        </Typography>
        <Typography variant="caption" color="textSecondary">
          {countAll(unit.total)} active in{' '}
          {unit.countedAccounts < unit.accountCount
            ? `${unit.countedAccounts} of ${pluralize(
                unit.accountCount,
                'account',
              )} you may see`
            : pluralize(unit.accountCount, 'account')}
        </Typography>
      </Box>
      <SeverityCountsBar counts={unit.total} width="100%" />
      <Typography variant="caption" color="textSecondary">
        {describeSeverityCounts(unit.total)}
      </Typography>
    </Box>
  );
}

function Rollup(props: { rollup: FindingsRollupResponse }) {
  const { rollup } = props;
  if (!rollup.configured) {
    return (
      <Typography variant="body2" data-testid="aws-signals-not-configured">
        AWS's detectors are not connected (awsOrganizations.signals): findings
        are unknown.
      </Typography>
    );
  }
  const byId = new Map(rollup.units.map(u => [u.id, u]));
  const root = rollup.units.find(u => !u.parentId);
  const worst = worstFindingsUnits(rollup.units, MAX_ROWS);
  const notConnected = SIGNAL_SOURCES.map(source => ({
    source,
    reason: notConnectedReason(rollup.sources[source]),
  })).filter(s => s.reason);
  return (
    <div data-testid="aws-findings-by-ou">
      {root && <UnitRow label="The whole organization" unit={root} />}
      {worst.length === 0 && (
        <Typography variant="body2">
          No active finding in any organizational unit.
        </Typography>
      )}
      {worst.map(unit => (
        <UnitRow key={unit.id} label={pathOf(unit, byId)} unit={unit} />
      ))}
      {notConnected.map(s => (
        <Typography
          key={s.source}
          variant="caption"
          color="textSecondary"
          component="div"
          data-testid="aws-source-not-connected"
        >
          {SOURCE_LABELS[s.source]}: {s.reason}; its findings are not counted.
        </Typography>
      ))}
    </div>
  );
}

/**
 * Active findings of AWS's detectors rolled up by OU: the organization's
 * total and the OUs with the most severe findings, over the accounts whose
 * counts the viewer may see.
 */
export function FindingsRollupCard() {
  const api = useApi(awsOrganizationsApiRef);
  const { value, loading, error } = useSnapshotAsync(
    () => api.getFindingsRollup({ worst: MAX_ROWS }),
    [api],
  );
  return (
    <InfoCard
      title="Security findings by OU"
      subheader="Each OU counts the accounts in it and below; most severe first"
    >
      {loading && <Progress />}
      {error && <ApiErrorPanel error={error} subject="the findings by OU" />}
      {value && <Rollup rollup={value} />}
    </InfoCard>
  );
}
