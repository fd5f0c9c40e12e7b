// Where a notification leads when opened: its case, or the page where the matter it names is handled
// (kinds written by server/src/village-publication, power-list and meetings/checklist.service.ts).
const PAGE_OF_KIND: Record<string, string> = {
  village_publication_question: '/village-affairs?tab=questions',
  village_publication_overdue: '/village-affairs?tab=calendar&state=overdue',
  power_use_flagged: '/power-list?tab=flagged',
  checklist_overdue: '/checklists',
};

export function notificationLink(n: { kind: string; caseId: number | null }): string | null {
  if (n.caseId) return `/cases/${n.caseId}`;
  return PAGE_OF_KIND[n.kind] ?? null;
}
