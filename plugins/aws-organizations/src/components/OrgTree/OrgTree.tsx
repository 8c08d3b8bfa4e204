import { OrgTreeNode } from '@aws-governance/plugin-aws-organizations-common';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import ChevronRightIcon from '@material-ui/icons/ChevronRight';
import ExpandMoreIcon from '@material-ui/icons/ExpandMore';
import TreeItem from '@material-ui/lab/TreeItem';
import TreeView from '@material-ui/lab/TreeView';
import { ComplianceCountsBar } from '../common/ComplianceCountsBar';

function NodeLabel(props: { node: OrgTreeNode }) {
  const { node } = props;
  return (
    <Box
      display="flex"
      alignItems="center"
      py={0.5}
      data-testid={`aws-tree-node-${node.id}`}
    >
      <Typography variant="body2" style={{ flexGrow: 1 }}>
        {node.name}
      </Typography>
      <Typography
        variant="caption"
        color="textSecondary"
        style={{ margin: '0 8px' }}
      >
        {node.accountCount} accounts
      </Typography>
      {node.compliance.fail > 0 && (
        <Chip
          size="small"
          color="secondary"
          label={`${node.compliance.fail} non-compliant`}
          style={{ marginRight: 8 }}
        />
      )}
      <ComplianceCountsBar counts={node.compliance} width={100} />
    </Box>
  );
}

function renderNode(node: OrgTreeNode) {
  return (
    <TreeItem key={node.id} nodeId={node.id} label={<NodeLabel node={node} />}>
      {node.children.map(renderNode)}
    </TreeItem>
  );
}

/**
 * The OU tree with account counts and compliance rollups. Selecting a node
 * calls `onSelect` with its id (the account search filters on it).
 */
export function OrgTree(props: {
  root: OrgTreeNode;
  selected?: string;
  onSelect: (unitId: string) => void;
}) {
  const { root } = props;
  return (
    <TreeView
      aria-label="Organizational units"
      defaultExpanded={[root.id, ...root.children.map(c => c.id)]}
      defaultCollapseIcon={<ExpandMoreIcon />}
      defaultExpandIcon={<ChevronRightIcon />}
      selected={props.selected ?? ''}
      onNodeSelect={(_event: unknown, nodeId: string) => props.onSelect(nodeId)}
    >
      {renderNode(root)}
    </TreeView>
  );
}
