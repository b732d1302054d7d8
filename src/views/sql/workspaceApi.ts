// The data layer's SQL workspace (src/data/sqlWorkspace), imported directly rather than through src/data's index:
// that index is in the entry bundle, and the workspace's result reader brings apache-arrow with it.
export {
  fetchColumnSample,
  fetchWorkspaceSchema,
  runWorkspaceQuery,
  WORKSPACE_MAX_ROWS,
  WorkspaceQueryError,
  type WorkspaceColumn,
  type WorkspaceColumnKind,
  type WorkspaceResult,
  type WorkspaceTable,
} from '../../data/sqlWorkspace';
