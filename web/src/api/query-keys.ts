// Every query key of the web app, in one place. A key starts with the resource it holds, so a write
// invalidates one prefix (keys.cases.all after a transition) and every list and detail under it asks
// again. Filters go in as one object: the key changes when a filter does.

type Filters = object;

export const keys = {
  orgs: {
    all: ['orgs'] as const,
    detail: (orgId: number) => ['orgs', 'detail', orgId] as const,
  },
  members: {
    all: ['members'] as const,
    profile: (memberId: number) => ['members', 'profile', memberId] as const,
    /** An org's member list (organizations/member-table.tsx). */
    ofOrg: (orgId: number, filters: Filters) => ['members', 'of-org', orgId, filters] as const,
  },
  cases: {
    all: ['cases'] as const,
    lists: ['cases', 'list'] as const,
    list: (filters: Filters) => ['cases', 'list', filters] as const,
    /** The open cases on the map of the case center. */
    map: ['cases', 'map'] as const,
    detail: (caseId: number | string) => ['cases', 'detail', String(caseId)] as const,
    suggestion: (caseId: number, categoryCode: string | null) =>
      ['cases', 'suggestion', caseId, categoryCode] as const,
    allStats: ['cases', 'stats'] as const,
    stats: (filters: Filters) => ['cases', 'stats', filters] as const,
  },
  /** The case catalog: classes and sub-categories; it rarely changes. */
  caseCategories: ['case-categories'] as const,
  /** Departments a case may go to (`caseId` narrows them). */
  departments: (caseId: number | undefined) => ['departments', caseId ?? null] as const,
  /** The place (town, village, grid) of a point picked on the map. */
  place: (lng: number | undefined, lat: number | undefined) => ['place', lng ?? null, lat ?? null] as const,
  meetings: {
    all: ['meetings'] as const,
    list: (filters: Filters) => ['meetings', 'list', filters] as const,
    compliance: (orgId: number) => ['meetings', 'compliance', orgId] as const,
    attendees: (orgId: number) => ['meetings', 'attendees', orgId] as const,
    tasks: (orgId: number, month: string) => ['meetings', 'tasks', orgId, month] as const,
  },
  checklists: {
    all: ['checklists'] as const,
    list: ['checklists', 'list'] as const,
    completion: (checklistId: number, orgId: number | undefined) =>
      ['checklists', 'completion', checklistId, orgId ?? null] as const,
    overdue: (checklistId: number, orgId: number | undefined) =>
      ['checklists', 'overdue', checklistId, orgId ?? null] as const,
  },
};
