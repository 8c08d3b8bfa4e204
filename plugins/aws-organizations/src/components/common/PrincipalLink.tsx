import { ResolvedPrincipal } from '@aws-governance/plugin-aws-organizations-common';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Typography from '@material-ui/core/Typography';

/** A principal linked to its catalog entity when it maps to one. */
export function PrincipalLink(props: { principal: ResolvedPrincipal }) {
  const { principal } = props;
  if (principal.ref && principal.resolvable !== false) {
    return <EntityRefLink entityRef={principal.ref} title={principal.name} />;
  }
  return (
    <Typography variant="body2" component="span">
      {principal.name}
    </Typography>
  );
}
