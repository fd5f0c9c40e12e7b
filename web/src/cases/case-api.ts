// Calls of the cases API (docs/api-cases.md) and small shared helpers.
import { queryOptions } from '@tanstack/react-query';
import { ApiError, api } from '../api/client.ts';
import type { CursorAnswer } from '../api/cursor-paging.ts';
import { queryClient } from '../api/query.ts';
import { keys } from '../api/query-keys.ts';
import type {
  Attachment,
  CaseCategories,
  CaseDetail,
  CaseRow,
  CaseSuggestion,
  CaseTransitionInput,
  Department,
  NewCaseInput,
  Page,
} from '../api/types.ts';

/** The catalog rarely changes: fetched once per page load (asked again after a failure). */
export const categoriesQuery = queryOptions({
  queryKey: keys.caseCategories,
  queryFn: () => api.get<CaseCategories>('/api/case-categories'),
  staleTime: Number.POSITIVE_INFINITY,
});

function loadCategories(): Promise<CaseCategories> {
  return queryClient.fetchQuery(categoriesQuery);
}

export interface CaseQuery {
  state?: string;
  light?: string;
  channel?: string;
  categoryCode?: string;
  q?: string;
  from?: string;
  to?: string;
  mine?: boolean;
  sort?: 'createdAt' | 'deadline';
  order?: 'asc' | 'desc';
  page?: number;
  pageSize?: number;
  /** The nextCursor of the previous page (api/cursor-paging.ts). */
  cursor?: string;
}

/**
 * `total` stops at the server's count cap (`totalCapped`); `count` is the number of matches (exact,
 * or estimated past the cap: `countExact` false); a page asked by cursor carries no count.
 */
export type CasePage = Omit<Page<CaseRow>, 'total'> & CursorAnswer & { total?: number };

export const listCases = (query: CaseQuery) =>
  api.get<CasePage>('/api/cases', { ...query, mine: query.mine ? 'true' : undefined });

export const getCase = (id: number | string) => api.get<CaseDetail>(`/api/cases/${id}`);

export const transition = (id: number, input: CaseTransitionInput) =>
  api.post<CaseDetail>(`/api/cases/${id}/transitions`, input);

export const summonsAction = (
  id: number,
  departmentId: number,
  action: 'report' | 'complete',
  note: string,
) => api.post<CaseDetail>(`/api/cases/${id}/summons/${departmentId}/${action}`, { note });

const suggest = (text: string, lng?: number, lat?: number) =>
  api.get<CaseSuggestion>('/api/cases/suggest', { text, lng, lat });

export const createCase = (input: NewCaseInput) =>
  api.post<{ case: CaseDetail; trackingCode?: string | null }>('/api/cases', input);

export function attachmentUrl(id: number | string): string {
  return `/api/attachments/${encodeURIComponent(String(id))}`;
}

/** Uploads one image as JSON `{mime, dataBase64}` (the contract also accepts multipart). */
export function uploadDataUrl(dataUrl: string): Promise<Attachment> {
  const match = /^data:([^;,]+);base64,(.*)$/.exec(dataUrl);
  if (!match) throw new Error('not a data URL');
  return api.post<Attachment>('/api/attachments', { mime: match[1], dataBase64: match[2] });
}

export function readAsDataUrl(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

/**
 * Departments a case may go to. The contract has no department list: ask GET /api/departments
 * (scoped, optional `caseId`) and, while it is missing, gather the departments the suggestion names
 * for the case's title and for every class of the catalog (the county's departments by kind).
 */
export async function loadDepartments(caseRow?: { id: number; title: string }): Promise<Department[]> {
  try {
    const answer = await api.get<{ items: Department[] } | Department[]>('/api/departments', {
      caseId: caseRow?.id,
    });
    return Array.isArray(answer) ? answer : answer.items;
  } catch (error) {
    if (!(error instanceof ApiError) || (error.status !== 404 && error.status !== 405)) throw error;
  }
  const catalog = await loadCategories();
  const texts = [
    ...(caseRow ? [caseRow.title] : []),
    ...catalog.classes.flatMap((c) => {
      // five sub-categories a text: the suggestion names at most five
      const names = c.subcategories.map((s) => s.name);
      return Array.from({ length: Math.ceil(names.length / 5) }, (_, i) =>
        names.slice(i * 5, i * 5 + 5).join('，'),
      );
    }),
  ];
  const answers = await Promise.all(texts.map((text) => suggest(text).catch(() => null)));
  const seen = new Map<number, Department>();
  for (const a of answers) for (const d of a?.departments ?? []) if (!seen.has(d.id)) seen.set(d.id, d);
  return [...seen.values()];
}

/** A case number typed by a user → the case id (for reject as duplicate). */
export async function caseIdByNumber(caseNo: string): Promise<number | null> {
  const page = await listCases({ q: caseNo.trim(), pageSize: 5 });
  return page.items.find((c) => c.caseNo === caseNo.trim())?.id ?? null;
}

export function formatTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export function formatRate(rate: number | null | undefined): string {
  if (rate === null || rate === undefined) return '—';
  return `${(rate * 100).toFixed(1)}%`;
}

/** Where a point lies: county, town, village and grid names (GET /api/cases/place). */
export function placeOfPoint(lng: number, lat: number) {
  return api.get<{ county: string | null; town: string | null; village: string | null; grid: string | null }>(
    '/api/cases/place',
    { lng, lat },
  );
}
