// The names of accounts' roles, a member's status and a person's gender in Chinese and English: one
// table each, read by the server (the signed-in account's role name, the member register's Excel) and
// by the web (its labels). Each side checks that a table names exactly its codes (zh-en.ts).

export const ROLE_NAMES = {
  system_admin: { zh: '系统管理员', en: 'System administrator' },
  security_admin: { zh: '安全管理员', en: 'Security administrator' },
  audit_admin: { zh: '审计管理员', en: 'Audit administrator' },
  org_admin: { zh: '组织部门', en: 'Organization department' },
  secretary: { zh: '书记', en: 'Party secretary' },
  grid_worker: { zh: '网格员', en: 'Grid worker' },
  department_staff: { zh: '职能部门', en: 'Department staff' },
  member: { zh: '党员', en: 'Party member' },
  resident: { zh: '居民', en: 'Resident' },
};

/** Who acted when no account did: the server's own jobs (escalation, imports, classifier training). */
export const SYSTEM_ACTOR_NAME = { zh: '系统', en: 'System' };

export const MEMBER_STATUS_NAMES = {
  full: { zh: '正式党员', en: 'Full member' },
  probationary: { zh: '预备党员', en: 'Probationary' },
};

export const GENDER_NAMES = {
  male: { zh: '男', en: 'Male' },
  female: { zh: '女', en: 'Female' },
};
