import { awsOrganizationsAccessReportPermission } from '@aws-governance/plugin-aws-organizations-common';
import { useApi } from '@backstage/core-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import GetAppIcon from '@material-ui/icons/GetApp';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import { awsOrganizationsApiRef } from '../../api/AwsOrganizationsApi';
import { errorMessage } from '../common/ApiErrorPanel';
import { downloadUrl } from '../common/download';

/**
 * Downloads the organization's access report (CSV); shown only to those
 * allowed to read it.
 */
export function AccessReportButton() {
  const api = useApi(awsOrganizationsApiRef);
  const { allowed } = usePermission({
    permission: awsOrganizationsAccessReportPermission,
  });
  const [state, download] = useAsyncFn(async () => {
    downloadUrl(await api.getDownloadUrl({ kind: 'access-report' }));
  }, [api]);
  if (!allowed) {
    return null;
  }
  return (
    <>
      <Button
        variant="outlined"
        startIcon={<GetAppIcon />}
        onClick={() => download()}
        disabled={state.loading}
        data-testid="aws-access-report"
      >
        Download access report
      </Button>
      {state.error && (
        <Typography variant="body2" color="error">
          Could not download the access report: {errorMessage(state.error)}
        </Typography>
      )}
    </>
  );
}
