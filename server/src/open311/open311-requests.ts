// Open311 reads of service requests (= cases): the list with the spec's filters, one request, tokens.
// Public: what the one public rule allows (platform/access/public-view.ts): no 110 or 信访 case, no
// reporter's name, phone or e-mail, free texts scrubbed, status notes without staff's text.
import type { CaseState } from '../cases/domain/case-machine.ts';
import { PUBLIC_CHANNELS, publicStatusNote } from '../platform/access/public-view.ts';
import type { Db } from '../platform/db/handle.ts';
import { badRequest, notFound } from '../platform/errors/errors.ts';
import * as repo from './open311-case.repository.ts';
import {
  type Document,
  type Open311Status,
  parseW3,
  scrub,
  shortVillageName,
  statesOf,
  statusOf,
  w3,
} from './open311-format.ts';

export { PUBLIC_CHANNELS };

export const MAX_REQUESTS = 1000;
export const MAX_SPAN_DAYS = 90;
const DAY_MS = 86_400_000;

async function toRequests(db: Db, rows: repo.RequestRow[]): Promise<Record<string, unknown>[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [latest, reports] = await Promise.all([
    repo.latestPublicSteps(db, ids),
    repo.reportDetails(
      db,
      rows.filter((r) => r.channel === 'external').map((r) => r.id),
    ),
  ]);
  const latestOf = new Map(latest.map((s) => [s.case_id, s]));
  const mediaOf = new Map(
    reports.map((s) => [
      s.case_id,
      (s.details?.open311 as { mediaUrl?: string } | undefined)?.mediaUrl ?? null,
    ]),
  );
  return rows.map((r) => {
    const status = statusOf(r.state);
    const step = latestOf.get(r.id);
    const names = [r.reporter_name];
    // no internal notes: the action's name and a rejection's public reason, never staff's text
    const notes = step ? publicStatusNote(step.action, r.rejection_reason) : null;
    // no address given: the village, town and county, most specific first (as the spec asks)
    const place = [r.village_name && shortVillageName(r.village_name), r.town_name, r.county_name]
      .filter(Boolean)
      .join('，');
    return {
      service_request_id: r.case_no,
      status,
      status_notes: notes,
      service_name: r.service_name ?? '未分类 / uncategorized',
      service_code: r.category_code,
      description: r.description ? scrub(r.description, names) : null,
      agency_responsible: r.department_name,
      service_notice: null,
      requested_datetime: w3(r.created_at),
      updated_datetime: w3(status === 'closed' ? (r.closed_at ?? r.updated_at) : r.updated_at),
      expected_datetime: w3(r.due_at),
      address: r.address ? scrub(r.address, names) : place || null,
      lat: r.lat,
      long: r.lng,
      media_url: mediaOf.get(r.id) ?? null,
    };
  });
}

export interface RequestsQuery {
  service_request_id?: string | string[];
  service_code?: string | string[];
  start_date?: string;
  end_date?: string;
  status?: string | string[];
}

/** A comma-delimited filter, possibly declared several times. */
const list = (text: string | string[] | undefined) =>
  (Array.isArray(text) ? text.join(',') : (text ?? ''))
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

function dateOf(field: 'start_date' | 'end_date', text: string | undefined): Date | null {
  if (text === undefined || text.trim() === '') return null;
  const d = parseW3(text);
  if (!d) {
    throw badRequest(
      'OPEN311_BAD_DATE',
      `${field} 不是 w3 日期时间（如 2026-11-01T00:00:00+08:00）`,
      `${field} is not a w3 datetime (e.g. 2026-11-01T00:00:00Z)`,
    );
  }
  return d;
}

/** The window of a query: the given dates, at most 90 days; by default the last 90 days. */
export function window(start: Date | null, end: Date | null, now: Date): { from: Date; to: Date } {
  const span = MAX_SPAN_DAYS * DAY_MS;
  if (start && end) {
    if (end.getTime() < start.getTime())
      throw badRequest('OPEN311_BAD_RANGE', 'end_date 早于 start_date', 'end_date is before start_date');
    if (end.getTime() - start.getTime() > span)
      throw badRequest(
        'OPEN311_RANGE_TOO_LONG',
        `start_date 至 end_date 不能超过 ${MAX_SPAN_DAYS} 天`,
        `the range may not span more than ${MAX_SPAN_DAYS} days`,
      );
    return { from: start, to: end };
  }
  if (start) return { from: start, to: new Date(start.getTime() + span) };
  if (end) return { from: new Date(end.getTime() - span), to: end };
  return { from: new Date(now.getTime() - span), to: now };
}

export async function listRequests(db: Db, q: RequestsQuery, now = new Date()): Promise<Document> {
  const ids = list(q.service_request_id);
  let filter: repo.RequestFilter;
  if (ids.length > 0) {
    // "This overrides all other arguments."
    if (ids.length > MAX_REQUESTS)
      throw badRequest(
        'OPEN311_TOO_MANY_IDS',
        `最多 ${MAX_REQUESTS} 个 service_request_id`,
        `at most ${MAX_REQUESTS} service_request_id values`,
      );
    filter = { caseNos: ids };
  } else {
    const statuses = list(q.status);
    for (const s of statuses) {
      if (s !== 'open' && s !== 'closed') {
        throw badRequest(
          'OPEN311_BAD_STATUS',
          `status 只能是 open 或 closed：${s}`,
          `status must be open or closed: ${s}`,
        );
      }
    }
    const { from, to } = window(dateOf('start_date', q.start_date), dateOf('end_date', q.end_date), now);
    const codes = list(q.service_code);
    const wanted = new Set(statuses as Open311Status[]);
    // both statuses (or none) asked: every state
    let states: CaseState[] | null = null;
    if (wanted.size === 1) {
      const [only] = [...wanted] as [Open311Status];
      states = statesOf(only) as CaseState[];
    }
    filter = { from, to, categoryCodes: codes, states };
  }
  const rows = await repo.requestRows(db, filter, MAX_REQUESTS);
  return { root: 'service_requests', body: await toRequests(db, rows) };
}

const notFoundRequest = (id: string) =>
  notFound('OPEN311_REQUEST_NOT_FOUND', `没有这个服务请求：${id}`, `No such service request: ${id}`);

export async function getRequest(db: Db, id: string): Promise<Document> {
  const row = await repo.requestByCaseNo(db, id);
  if (!row) throw notFoundRequest(id);
  return { root: 'service_requests', body: await toRequests(db, [row]) };
}

/**
 * Every service is realtime: a POST answers the service_request_id at once and never a token. A
 * client that still asks for a token's request gets it immediately: a token is the service_request_id.
 */
export async function tokenRequest(db: Db, token: string): Promise<Document> {
  const row = await repo.publicCaseNo(db, token);
  if (!row) {
    throw notFound('OPEN311_TOKEN_NOT_FOUND', `未知的 token：${token}`, `Unknown token: ${token}`);
  }
  return { root: 'service_requests', body: [{ service_request_id: row.case_no, token }] };
}
