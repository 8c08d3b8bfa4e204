import { OrganizationComplianceSummary } from '@aws-governance/plugin-aws-organizations-common';
import { InfoCard } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import LinearProgress from '@material-ui/core/LinearProgress';
import Typography from '@material-ui/core/Typography';
import { ComplianceCountsBar } from '../common/ComplianceCountsBar';
import { SeverityChip } from '../common/ComplianceStatusLabel';

const MAX_ROWS = 10;

/** Units with the most non-compliant accounts first. */
function worstUnits(summary: OrganizationComplianceSummary) {
  return [...summary.byUnit]
    .sort(
      (a, b) =>
        b.counts.fail - a.counts.fail ||
        b.counts.warn - a.counts.warn ||
        a.name.localeCompare(b.name),
    )
    .slice(0, MAX_ROWS);
}

/** Rules failing on the most accounts first; rules nobody fails left out. */
function mostFailedRules(summary: OrganizationComplianceSummary) {
  return summary.rules
    .filter(rule => rule.counts.fail > 0)
    .sort(
      (a, b) => b.counts.fail - a.counts.fail || a.title.localeCompare(b.title),
    )
    .slice(0, MAX_ROWS);
}

/** Compliance by OU and the most-failed rules, as simple bars. */
export function ComplianceCharts(props: {
  summary: OrganizationComplianceSummary;
}) {
  const { summary } = props;
  const units = worstUnits(summary);
  const rules = mostFailedRules(summary);
  const maxFail = Math.max(1, ...rules.map(r => r.counts.fail));
  return (
    <Grid container spacing={3}>
      <Grid item xs={12} md={6}>
        <InfoCard title="Compliance by OU">
          <div data-testid="aws-chart-compliance-by-ou">
            {units.length === 0 && (
              <Typography variant="body2">No organizational units.</Typography>
            )}
            {units.map(unit => (
              <Box key={unit.id} mb={1} data-testid="aws-chart-unit">
                <Box display="flex" justifyContent="space-between">
                  <Typography variant="body2">{unit.name}</Typography>
                  <Typography variant="caption" color="textSecondary">
                    {unit.counts.fail} non-compliant of{' '}
                    {unit.counts.pass +
                      unit.counts.fail +
                      unit.counts.warn +
                      unit.counts.unknown}
                  </Typography>
                </Box>
                <ComplianceCountsBar counts={unit.counts} width="100%" />
              </Box>
            ))}
          </div>
        </InfoCard>
      </Grid>
      <Grid item xs={12} md={6}>
        <InfoCard title="Most-failed rules">
          <div data-testid="aws-chart-failed-rules">
            {rules.length === 0 && (
              <Typography variant="body2">
                No rule fails on any account.
              </Typography>
            )}
            {rules.map(rule => (
              <Box key={rule.id} mb={1} data-testid="aws-chart-rule">
                <Box
                  display="flex"
                  justifyContent="space-between"
                  alignItems="center"
                >
                  <Typography variant="body2">
                    {rule.title} <SeverityChip severity={rule.severity} />
                  </Typography>
                  <Typography variant="caption" color="textSecondary">
                    {rule.counts.fail} accounts
                  </Typography>
                </Box>
                <LinearProgress
                  variant="determinate"
                  color="secondary"
                  value={(rule.counts.fail / maxFail) * 100}
                  aria-label={`${rule.title}: fails on ${rule.counts.fail} accounts`}
                />
              </Box>
            ))}
          </div>
        </InfoCard>
      </Grid>
    </Grid>
  );
}
