import { defineMessages } from '../i18n';

/** Why the SQL workspace refuses a statement (workspaceGuard.ts): each reason follows "Refused: ". */
export const messages = defineMessages({
  noStatement: { id: 'sqlGuard.noStatement', defaultMessage: 'there is no statement to run' },
  oneStatement: { id: 'sqlGuard.oneStatement', defaultMessage: 'only one statement can run at a time: remove everything after the first ";"' },
  explainAnalyze: { id: 'sqlGuard.explainAnalyze', defaultMessage: 'EXPLAIN ANALYZE runs the statement; use EXPLAIN alone' },
  keywordFirst: { id: 'sqlGuard.keywordFirst', defaultMessage: 'a statement starts with a keyword such as SELECT' },
  notReading: {
    id: 'sqlGuard.notReading',
    defaultMessage: '{keyword} statements cannot run here: the workspace only reads (SELECT, WITH, FROM, DESCRIBE, SUMMARIZE, PIVOT…)',
  },
  function: { id: 'sqlGuard.function', defaultMessage: 'the function {name}() is not available here: it reads files or runs SQL text' },
  fileByName: { id: 'sqlGuard.fileByName', defaultMessage: 'a file cannot be read by name here: query the tables listed in the schema' },
  noPlan: { id: 'sqlGuard.noPlan', defaultMessage: 'DuckDB gave no plan for this statement, so it cannot run here' },
  writes: { id: 'sqlGuard.writes', defaultMessage: 'this statement would {operation}: the workspace only reads' },
});
