import { OrgTreeNode } from '@aws-governance/plugin-aws-organizations-common';
import Chip from '@material-ui/core/Chip';
import { makeStyles } from '@material-ui/core/styles';
import Typography from '@material-ui/core/Typography';
import ChevronRightIcon from '@material-ui/icons/ChevronRight';
import ExpandMoreIcon from '@material-ui/icons/ExpandMore';
import TreeItem from '@material-ui/lab/TreeItem';
import TreeView from '@material-ui/lab/TreeView';
import { memo, ReactNode, useMemo, useState } from 'react';
import { ComplianceCountsBar } from '../common/ComplianceCountsBar';
import { formatCount, pluralize } from '../common/format';
import { childrenPending } from './useOrganizationTree';

const useStyles = makeStyles(theme => ({
  label: {
    display: 'flex',
    alignItems: 'center',
    padding: theme.spacing(0.5, 0),
  },
  name: { flexGrow: 1 },
  count: { margin: '0 8px', whiteSpace: 'nowrap' },
  chip: { marginRight: 8, flexShrink: 0 },
}));

/** A node's label; static classes only (rendered for every visible unit). */
function NodeLabel(props: { node: OrgTreeNode }) {
  const { node } = props;
  const classes = useStyles();
  return (
    <div className={classes.label} data-testid={`aws-tree-node-${node.id}`}>
      <Typography variant="body2" className={classes.name}>
        {node.name}
      </Typography>
      <Typography
        variant="caption"
        color="textSecondary"
        className={classes.count}
      >
        {pluralize(node.accountCount, 'account')}
      </Typography>
      {node.compliance.fail > 0 && (
        <Chip
          size="small"
          color="secondary"
          label={`${formatCount(node.compliance.fail)} non-compliant`}
          className={classes.chip}
        />
      )}
      <ComplianceCountsBar counts={node.compliance} width={100} />
    </div>
  );
}

/**
 * Tree items of a node; children only for expanded nodes, so that a tree of
 * hundreds of OUs creates items for what is visible only. An expanded node
 * whose children are not loaded yet shows that they are loading.
 */
function renderNode(node: OrgTreeNode, expanded: Set<string>) {
  let children: ReactNode[] | undefined;
  if (node.children.length > 0 || childrenPending(node)) {
    if (!expanded.has(node.id)) {
      // A placeholder keeps the expand icon on collapsed nodes.
      children = [<span key="collapsed" />];
    } else if (childrenPending(node)) {
      children = [
        <Typography
          key="loading"
          component="li"
          variant="caption"
          color="textSecondary"
          style={{ display: 'block', padding: '4px 8px' }}
          data-testid={`aws-tree-loading-${node.id}`}
        >
          {`Loading ${node.childCount} ${
            node.childCount === 1 ? 'unit' : 'units'
          }…`}
        </Typography>,
      ];
    } else {
      children = node.children.map(child => renderNode(child, expanded));
    }
  }
  return (
    <TreeItem key={node.id} nodeId={node.id} label={<NodeLabel node={node} />}>
      {children}
    </TreeItem>
  );
}

/** The loaded nodes by id. */
function nodesById(root: OrgTreeNode): Map<string, OrgTreeNode> {
  const byId = new Map<string, OrgTreeNode>();
  const stack = [root];
  while (stack.length) {
    const node = stack.pop()!;
    byId.set(node.id, node);
    stack.push(...node.children);
  }
  return byId;
}

/**
 * The OU tree with account counts and compliance rollups, the root and its
 * children expanded. Selecting a node calls `onSelect` with its id (the
 * account search filters on it). Expanding a node whose children are not
 * loaded (a tree fetched with a `depth`) calls `onLoadChildren`.
 */
export const OrgTree = memo(function OrganizationTree(props: {
  root: OrgTreeNode;
  selected?: string;
  onSelect: (unitId: string) => void;
  onLoadChildren?: (unitId: string) => void;
}) {
  const { root, onSelect, onLoadChildren } = props;
  const [expanded, setExpanded] = useState<string[]>(() => [
    root.id,
    ...root.children.map(c => c.id),
  ]);
  const expandedSet = useMemo(() => new Set(expanded), [expanded]);
  const byId = useMemo(() => nodesById(root), [root]);
  const toggle = (_event: unknown, nodeIds: string[]) => {
    for (const id of nodeIds) {
      const node = byId.get(id);
      if (!expandedSet.has(id) && node && childrenPending(node)) {
        onLoadChildren?.(id);
      }
    }
    setExpanded(nodeIds);
  };
  return (
    <TreeView
      aria-label="Organizational units"
      expanded={expanded}
      onNodeToggle={toggle}
      defaultCollapseIcon={<ExpandMoreIcon />}
      defaultExpandIcon={<ChevronRightIcon />}
      selected={props.selected ?? ''}
      onNodeSelect={(_event: unknown, nodeId: string) => onSelect(nodeId)}
    >
      {renderNode(root, expandedSet)}
    </TreeView>
  );
});
