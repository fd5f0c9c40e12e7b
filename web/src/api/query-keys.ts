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
  /** The org tree, level by level (home page). */
  orgTree: (parentId: number | null) => ['orgs', 'tree', parentId] as const,
  training: {
    all: ['training'] as const,
    progress: (year: number) => ['training', 'progress', year] as const,
    classes: ['training', 'classes'] as const,
    detail: (classId: number) => ['training', 'class', classId] as const,
  },
  transfers: {
    all: ['transfers'] as const,
    list: (filters: Filters) => ['transfers', 'list', filters] as const,
    mobile: (filters: Filters) => ['transfers', 'mobile', filters] as const,
    mobileDetail: (id: number) => ['transfers', 'mobile-detail', id] as const,
  },
  orgChecks: {
    all: ['org-checks'] as const,
    list: (filters: Filters) => ['org-checks', 'list', filters] as const,
    org: (orgId: number) => ['org-checks', 'org', orgId] as const,
  },
  /** The signed-in member's own branch and records. */
  myBranch: {
    all: ['my-branch'] as const,
    branch: ['my-branch', 'branch'] as const,
    dues: (orgId: number) => ['my-branch', 'dues', orgId] as const,
    sixMonths: (orgId: number) => ['my-branch', 'six-months', orgId] as const,
  },
  myRecords: ['my-records'] as const,
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
  /** Accounts (admin) with the role requests about them and the security administrator's list. */
  accounts: {
    all: ['accounts'] as const,
    list: (filters: Filters) => ['accounts', 'list', filters] as const,
    security: (filters: Filters) => ['accounts', 'security', filters] as const,
    roleRequests: (filters: Filters) => ['accounts', 'role-requests', filters] as const,
  },
  securitySettings: ['security-settings'] as const,
  audit: (filters: Filters) => ['audit', filters] as const,
  assessment: {
    all: ['assessment'] as const,
    board: (filters: Filters) => ['assessment', 'board', filters] as const,
    detail: (id: number) => ['assessment', 'detail', id] as const,
    records: (filters: Filters) => ['assessment', 'records', filters] as const,
    appeals: (year: number) => ['assessment', 'appeals', year] as const,
    mine: ['assessment', 'mine'] as const,
    settings: ['assessment', 'settings'] as const,
    villages: (filters: Filters) => ['assessment', 'villages', filters] as const,
    contests: (year: number | undefined) => ['assessment', 'contests', year ?? null] as const,
    contest: (id: number) => ['assessment', 'contest', id] as const,
  },
  /** 村集体经济: incomes, enterprises, income sources. */
  economy: {
    all: ['economy'] as const,
    incomes: (filters: Filters) => ['economy', 'incomes', filters] as const,
    enterprises: (filters: Filters) => ['economy', 'enterprises', filters] as const,
    settings: ['economy', 'settings'] as const,
    villageYear: (orgId: number, year: number) => ['economy', 'village-year', orgId, year] as const,
  },
  weakOrgs: {
    all: ['weak-orgs'] as const,
    ledgers: (filters: Filters) => ['weak-orgs', 'ledgers', filters] as const,
    ledger: (id: number) => ['weak-orgs', 'ledger', id] as const,
    figures: (year: number) => ['weak-orgs', 'figures', year] as const,
    candidates: (year: number) => ['weak-orgs', 'candidates', year] as const,
  },
  communityReports: {
    all: ['community-reports'] as const,
    byCommunity: (filters: Filters) => ['community-reports', 'by-community', filters] as const,
    list: (filters: Filters) => ['community-reports', 'list', filters] as const,
    services: (id: number) => ['community-reports', 'services', id] as const,
  },
  /** 村务公开: the calendar of items, residents' questions, the public pages. */
  villageAffairs: {
    all: ['village-affairs'] as const,
    items: (filters: Filters) => ['village-affairs', 'items', filters] as const,
    questions: (filters: Filters) => ['village-affairs', 'questions', filters] as const,
    publicVillages: (q: string) => ['village-affairs', 'public-villages', q] as const,
    publicVillage: (code: string | undefined) => ['village-affairs', 'public-village', code ?? null] as const,
  },
  villageCadres: {
    all: ['village-cadres'] as const,
    village: (id: number) => ['village-cadres', 'village', id] as const,
    election: (id: number) => ['village-cadres', 'election', id] as const,
    villages: (filters: Filters) => ['village-cadres', 'villages', filters] as const,
    reserves: (filters: Filters) => ['village-cadres', 'reserves', filters] as const,
    workers: (filters: Filters) => ['village-cadres', 'workers', filters] as const,
    rounds: ['village-cadres', 'rounds'] as const,
    elections: (filters: Filters) => ['village-cadres', 'elections', filters] as const,
  },
  /** 四议两公开 matters and the governance figures. */
  deliberations: {
    all: ['deliberations'] as const,
    list: (filters: Filters) => ['deliberations', 'list', filters] as const,
    detail: (id: number) => ['deliberations', 'detail', id] as const,
    roster: (filters: Filters) => ['deliberations', 'roster', filters] as const,
    options: ['deliberations', 'options'] as const,
    governance: (filters: Filters) => ['deliberations', 'governance', filters] as const,
  },
  powerList: {
    all: ['power-list'] as const,
    list: (countyCode: string | undefined) => ['power-list', 'list', countyCode ?? null] as const,
    uses: (filters: Filters) => ['power-list', 'uses', filters] as const,
    use: (id: number) => ['power-list', 'use', id] as const,
  },
  /** The map: its payload (counties, grids, points), one grid, the lists other pages pick from. */
  map: {
    payload: ['map', 'payload'] as const,
    grid: (gridId: number | null) => ['map', 'grid', gridId] as const,
    grids: ['map', 'grids'] as const,
    counties: ['map', 'counties'] as const,
  },
  patrols: {
    all: ['patrols'] as const,
    myDay: ['patrols', 'my-day'] as const,
    coverage: (staleDays: number | undefined) => ['patrols', 'coverage', staleDays ?? null] as const,
  },
  recruitment: {
    all: ['recruitment'] as const,
    summary: ['recruitment', 'summary'] as const,
    list: (filters: Filters) => ['recruitment', 'list', filters] as const,
    detail: (id: number) => ['recruitment', 'detail', id] as const,
    eligible: (id: number) => ['recruitment', 'eligible', id] as const,
    membersDue: (id: number, on: string) => ['recruitment', 'members-due', id, on] as const,
    branches: ['recruitment', 'branches'] as const,
  },
  dues: {
    all: ['dues'] as const,
    rates: ['dues', 'rates'] as const,
    branch: (orgId: number, month: string) => ['dues', 'branch', orgId, month] as const,
    warnings: (orgId: number, month: string) => ['dues', 'warnings', orgId, month] as const,
  },
  /** A resident follows a case by its number and code (public, no account). */
  publicTrack: (caseNo: string | undefined, code: string) => ['public-track', caseNo ?? null, code] as const,
};
