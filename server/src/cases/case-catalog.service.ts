// The case catalog: classes and their subcategories, for every form that files or classifies a case.
import type { Db } from '../platform/db/handle.ts';
import { caseReference } from './case-reference.ts';

export async function categories(db: Db) {
  const ref = await caseReference(db);
  const all = [...ref.categories.values()].sort((a, b) => a.sortOrder - b.sortOrder);
  return {
    classes: all
      .filter((c) => c.parentCode === null)
      .map((c) => ({
        code: c.code,
        name: c.name,
        kind: c.kind,
        subcategories: all
          .filter((s) => s.parentCode === c.code)
          .map((s) => ({ code: s.code, name: s.name, urgent: s.urgent, departmentKind: s.departmentKind })),
      })),
  };
}
