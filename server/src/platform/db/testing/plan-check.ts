// The plan test's tools (query-plans.db.test.ts): capture the statements a service runs, EXPLAIN
// ANALYZE each on the test's database, and say what is wrong with its plan — a sequential scan of a
// large table, a scan that reads far more rows than a page needs, or a list without a Limit over an
// ordered index walk.
import { CompiledQuery, type Kysely, type KyselyPlugin } from 'kysely';
import type { DB } from '../schema.ts';

export interface Captured {
  sql: string;
  parameters: readonly unknown[];
}

/** `db` that records every statement it runs (compiled as it is sent) into the returned list. */
export function capturing(db: Kysely<DB>): { db: Kysely<DB>; statements: Captured[] } {
  const statements: Captured[] = [];
  const executor = db.getExecutor();
  const plugin: KyselyPlugin = {
    transformQuery(args) {
      const compiled = executor.compileQuery(args.node, args.queryId);
      statements.push({ sql: compiled.sql, parameters: compiled.parameters });
      return args.node;
    },
    transformResult: async (args) => args.result,
  };
  return { db: db.withPlugin(plugin), statements };
}

export interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  'Actual Rows'?: number;
  'Actual Loops'?: number;
  'Rows Removed by Filter'?: number;
  'Rows Removed by Index Recheck'?: number;
  Plans?: PlanNode[];
}

export async function explain(db: Kysely<DB>, q: Captured): Promise<PlanNode> {
  const result = await db.executeQuery<Record<string, unknown>>(
    CompiledQuery.raw(`explain (analyze, format json) ${q.sql}`, [...q.parameters]),
  );
  const cell = Object.values(result.rows[0] ?? {})[0];
  const plan = (typeof cell === 'string' ? JSON.parse(cell) : cell) as { Plan: PlanNode }[];
  return (plan[0] as { Plan: PlanNode }).Plan;
}

const SCANS = new Set(['Seq Scan', 'Index Scan', 'Index Only Scan', 'Bitmap Heap Scan', 'Tid Scan']);

/** Rows a scan node read: those it returned and those its filters dropped, over every loop. */
function rowsRead(n: PlanNode): number {
  const loops = n['Actual Loops'] ?? 1;
  return (
    ((n['Actual Rows'] ?? 0) +
      (n['Rows Removed by Filter'] ?? 0) +
      (n['Rows Removed by Index Recheck'] ?? 0)) *
    loops
  );
}

function walk(n: PlanNode, parent: PlanNode | null, visit: (n: PlanNode, parent: PlanNode | null) => void) {
  visit(n, parent);
  for (const child of n.Plans ?? []) walk(child, n, visit);
}

export interface PlanRules {
  /** Tables that must never be scanned sequentially, nor read further than `maxRows`. */
  tables: readonly string[];
  /** The most rows a scan of those tables may read (a page and its bounded count, not a scope). */
  maxRows: number;
  /**
   * A list: some Limit must sit on an ordered index walk of one of the tables — unless the whole
   * scope is smaller than SMALL_SCOPE rows (a branch's few members need no walk).
   */
  orderedWalk: boolean;
}

/** Reading fewer rows than this, a list may sort them (a small scope: a branch, a grid). */
export const SMALL_SCOPE = 200;

/** Nodes that pass their first child's order through (the outer side of a nested loop drives). */
const KEEPS_ORDER = new Set(['Nested Loop', 'Subquery Scan', 'Result', 'Memoize', 'Materialize', 'Limit']);

/** Is this Limit over an ordered index walk: its first children keep order down to an index scan? */
function limitWalks(limit: PlanNode, tables: readonly string[]): boolean {
  let n = limit.Plans?.[0];
  while (n) {
    if (
      (n['Node Type'] === 'Index Scan' || n['Node Type'] === 'Index Only Scan') &&
      tables.includes(n['Relation Name'] ?? '')
    )
      return true;
    if (n['Node Type'] === 'Merge Append')
      return (n.Plans ?? []).some((c) => limitWalks({ 'Node Type': 'Limit', Plans: [c] }, tables));
    if (!KEEPS_ORDER.has(n['Node Type'])) return false;
    n = n.Plans?.[0];
  }
  return false;
}

/** What is wrong with the plan (empty when nothing). */
export function planProblems(plan: PlanNode, rules: PlanRules): string[] {
  const problems: string[] = [];
  let walks = 0;
  let read = 0;
  walk(plan, null, (n) => {
    if (n['Node Type'] === 'Limit' && limitWalks(n, rules.tables)) walks++;
    const table = n['Relation Name'];
    if (!SCANS.has(n['Node Type']) || !table || !rules.tables.includes(table)) return;
    if (n['Node Type'] === 'Seq Scan') problems.push(`sequential scan of ${table}`);
    const rows = rowsRead(n);
    read += rows;
    if (rows > rules.maxRows)
      problems.push(`${n['Node Type']} of ${table} (${n['Index Name'] ?? '-'}) read ${rows} rows`);
  });
  if (rules.orderedWalk && walks === 0 && read >= SMALL_SCOPE)
    problems.push('no Limit over an ordered index walk');
  return problems;
}

/** A short picture of a plan for a failure message. */
export function describePlan(n: PlanNode, depth = 0): string {
  const self = `${'  '.repeat(depth)}${n['Node Type']}${n['Relation Name'] ? ` on ${n['Relation Name']}` : ''}${
    n['Index Name'] ? ` using ${n['Index Name']}` : ''
  } (rows ${n['Actual Rows'] ?? '?'}${n['Rows Removed by Filter'] ? `, filtered ${n['Rows Removed by Filter']}` : ''})`;
  return [self, ...(n.Plans ?? []).map((c) => describePlan(c, depth + 1))].join('\n');
}
