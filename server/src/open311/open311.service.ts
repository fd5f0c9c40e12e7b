// Open311 GeoReport v2 over the case loop: the catalog's sub-categories are the services, a POST of a
// service request goes through the same intake as every other channel (kind 'external', the calling
// system), and the service requests are cases (service_request_id = case number).
import { randomUUID } from 'node:crypto';
import { intake } from '../cases/case-intake.service.ts';
import { type CategoryInfo, caseReference, gridLocator } from '../cases/case-reference.ts';
import { DEPARTMENT_KINDS } from '../cases/domain/catalog.ts';
import { encryptPii } from '../platform/crypto/crypto.ts';
import type { Db } from '../platform/db/handle.ts';
import { badRequest, notFound } from '../platform/errors/errors.ts';
import type { ApiCaller, Context } from '../platform/http/route.ts';
import * as caseRepo from './open311-case.repository.ts';
import * as divisionRepo from './open311-division.repository.ts';
import {
  attributesOf,
  type Document,
  reporterName,
  shortVillageName,
  titleOf,
  w3,
} from './open311-format.ts';

export const SPECIFICATION = 'http://wiki.open311.org/GeoReport_v2';
/** Sortable date of the last change of this endpoint's documents (service list or definitions). */
export const CHANGESET = '2026-11-24 00:00';

export function discovery(baseUrl: string): Document {
  return {
    root: 'discovery',
    body: {
      changeset: CHANGESET,
      contact:
        '江门市智能网格综合指挥平台（强基）运维组 / Qiangji, the Jiangmen grid governance platform: ' +
        'contact its system administrator.',
      key_service:
        '每个对接系统一个接口密钥，由系统管理员登记发放 / One API key per external system, issued by the ' +
        'system administrator; send it as api_key.',
      endpoints: [
        {
          specification: SPECIFICATION,
          url: baseUrl,
          changeset: CHANGESET,
          type: 'production',
          formats: ['text/xml', 'application/json'],
        },
      ],
    },
  };
}

// --- services -----------------------------------------------------------------------------------

const DEPARTMENT_NAMES = new Map(DEPARTMENT_KINDS.map((d) => [d.code, d]));

/** The group of a sub-category: its class's name, with 部件/事件 added where two classes share a name. */
function groupNames(categories: CategoryInfo[]): Map<string, string> {
  const classes = categories.filter((c) => c.parentCode === null);
  const count = new Map<string, number>();
  for (const c of classes) count.set(c.name, (count.get(c.name) ?? 0) + 1);
  const kindName: Record<string, string> = { component: '部件', event: '事件', social: '社会治理' };
  return new Map(
    classes.map((c) => [
      c.code,
      (count.get(c.name) ?? 0) > 1 ? `${c.name}（${kindName[c.kind] ?? c.kind}）` : c.name,
    ]),
  );
}

async function subcategories(db: Db) {
  const ref = await caseReference(db);
  const all = [...ref.categories.values()].sort((a, b) => a.sortOrder - b.sortOrder);
  return { all, subs: all.filter((c) => c.parentCode !== null && c.limits), groups: groupNames(all) };
}

export async function serviceList(db: Db): Promise<Document> {
  const { all, subs, groups } = await subcategories(db);
  const byCode = new Map(all.map((c) => [c.code, c]));
  return {
    root: 'services',
    body: subs.map((c) => {
      const parent = byCode.get(c.parentCode ?? '');
      const dept = DEPARTMENT_NAMES.get(c.departmentKind ?? '');
      return {
        service_code: c.code,
        service_name: c.name,
        description: `${c.name}（${c.nameEn}）${dept ? `，主办部门：${dept.short_zh} / handled by ${dept.name_en}` : ''}${c.urgent ? '；紧急类 / urgent' : ''}`,
        metadata: true,
        type: 'realtime',
        keywords: [c.nameEn, parent?.name, parent?.nameEn, dept?.short_zh].filter(Boolean).join(', '),
        group: groups.get(c.parentCode ?? '') ?? '',
      };
    }),
  };
}

export const URGENT_VALUES = {
  yes: true,
  no: false,
  true: true,
  false: false,
  '1': true,
  '0': false,
} as const;

function attributeDefinitions(c: CategoryInfo) {
  return [
    {
      variable: true,
      code: 'urgent',
      datatype: 'singlevaluelist',
      required: false,
      datatype_description: '选择 yes 或 no / choose yes or no',
      order: 1,
      description: c.urgent
        ? '紧急情况？（本类别始终按紧急时限办理）/ Urgent? (this service is always handled as urgent)'
        : '紧急情况？紧急案件按紧急工作时计时 / Urgent? Urgent cases run on urgent working hours',
      values: [
        { key: 'yes', name: '是 / yes' },
        { key: 'no', name: '否 / no' },
      ],
    },
    {
      variable: true,
      code: 'title',
      datatype: 'string',
      required: false,
      datatype_description: '最多 100 个字符 / at most 100 characters',
      order: 2,
      description:
        '案件标题（不填则取描述的第一行）/ Case title (default: the first line of the description)',
    },
  ];
}

async function requireService(db: Db, code: string): Promise<CategoryInfo> {
  const { subs } = await subcategories(db);
  const c = subs.find((s) => s.code === code);
  if (!c) {
    throw notFound('UNKNOWN_SERVICE_CODE', `未知的服务代码：${code}`, `Unknown service_code: ${code}`);
  }
  return c;
}

export async function serviceDefinition(db: Db, code: string): Promise<Document> {
  const c = await requireService(db, code);
  return { root: 'service_definition', body: { service_code: c.code, attributes: attributeDefinitions(c) } };
}

// --- POST requests ------------------------------------------------------------------------------

/** The fields of a POST (form fields are text; JSON numbers arrive as text too). Empty means absent. */
export interface PostBody {
  service_code?: string;
  lat?: string;
  long?: string;
  address_string?: string;
  address_id?: string;
  email?: string;
  device_id?: string;
  account_id?: string;
  first_name?: string;
  last_name?: string;
  phone?: string;
  description?: string;
  media_url?: string;
  external_id?: string;
  [key: string]: unknown;
}

/** Open311: "a parameter passed empty is the same as one not passed". */
const opt = (value: string | undefined) => (value?.trim() ? value.trim() : undefined);

const bad = (zh: string, en: string, details?: unknown) => badRequest('OPEN311_BAD_REQUEST', zh, en, details);

/**
 * Approximate location of an address without coordinates: the longest village (社区/村) or town (镇/街道)
 * name of the division list found in it; the point is the centre of that village's (town's) first grid.
 */
async function locateAddress(db: Db, address: string) {
  const [{ places }, named] = await Promise.all([gridLocator(db), divisionRepo.villageAndTownNames(db)]);
  let best: { orgId: number; level: string; length: number } | null = null;
  for (const o of named) {
    const names = o.level === 'village' ? [o.name, shortVillageName(o.name)] : [o.name];
    for (const name of names) {
      const length = Array.from(name).length;
      if (length < 2 || !address.includes(name)) continue;
      // a village beats a town of the same length: it is the more precise place
      if (!best || length > best.length || (length === best.length && o.level === 'village'))
        best = { orgId: o.id, level: o.level, length };
    }
  }
  if (!best) return null;
  const { orgId, level } = best;
  let first: { id: number; lng: number; lat: number } | null = null;
  for (const p of places.values()) {
    if ((level === 'village' ? p.villageOrgId : p.townOrgId) !== orgId) continue;
    if (!first || p.id < first.id) first = { id: p.id, lng: p.centerLng, lat: p.centerLat };
  }
  return first;
}

function parseAttributes(body: PostBody) {
  const attrs = attributesOf(body);
  let urgent: boolean | undefined;
  let title: string | undefined;
  for (const [code, values] of attrs) {
    const value = values[values.length - 1];
    if (code === 'urgent') {
      if (values.length === 0) continue;
      const v = URGENT_VALUES[(value ?? '').toLowerCase() as keyof typeof URGENT_VALUES];
      if (v === undefined || values.length > 1)
        throw bad('attribute[urgent] 只能是 yes 或 no', 'attribute[urgent] must be yes or no');
      urgent = v;
    } else if (code === 'title') {
      if (value && Array.from(value).length > 100)
        throw bad('attribute[title] 最多 100 个字符', 'attribute[title] allows at most 100 characters');
      title = value?.trim() || undefined;
    } else {
      throw bad(`未知的属性 attribute[${code}]`, `Unknown attribute: attribute[${code}]`, {
        attribute: code,
      });
    }
  }
  return { urgent, title };
}

export async function createRequest(
  ctx: Pick<Context<unknown, unknown, unknown>, 'db' | 'write'>,
  system: ApiCaller,
  body: PostBody,
): Promise<{ created: boolean; doc: Document }> {
  const { db } = ctx;
  const code = opt(body.service_code);
  if (!code) throw bad('缺少 service_code', 'service_code was not provided', { field: 'service_code' });
  const service = await requireService(db, code);
  const { urgent, title } = parseAttributes(body);
  const address = opt(body.address_string);
  const latText = opt(body.lat);
  const longText = opt(body.long);
  if ((latText === undefined) !== (longText === undefined))
    throw bad('lat 与 long 须同时提供', 'lat and long must be sent together', {
      field: latText ? 'long' : 'lat',
    });
  let point: { lng: number; lat: number };
  if (latText !== undefined && longText !== undefined) {
    const lat = Number(latText);
    const lng = Number(longText);
    if (!Number.isFinite(lat) || !Number.isFinite(lng) || Math.abs(lat) > 90 || Math.abs(lng) > 180) {
      throw bad(
        `lat/long 不是 WGS-84 经纬度：${latText}, ${longText}`,
        `lat/long are not WGS-84 degrees: ${latText}, ${longText}`,
      );
    }
    point = { lng, lat };
  } else if (address) {
    const found = await locateAddress(db, address);
    if (!found) {
      throw bad(
        `无法从地址「${address}」定位到网格，请提供 lat 与 long`,
        `The address '${address}' names no village or town we know: send lat and long`,
      );
    }
    point = found;
  } else if (opt(body.address_id)) {
    throw bad(
      '不支持 address_id，请提供 lat 与 long 或 address_string',
      'address_id is not supported: send lat & long or address_string',
    );
  } else {
    throw bad(
      '须提供位置：lat 与 long，或 address_string',
      'A location is required: lat & long, or address_string',
    );
  }

  const extras = {
    mediaUrl: opt(body.media_url) ?? null,
    deviceId: opt(body.device_id) ?? null,
    accountId: opt(body.account_id) ?? null,
    emailEnc: opt(body.email) ? encryptPii(opt(body.email) as string) : null,
  };
  // the Open311 fields without a column of their own go into the report step, inside the intake's transaction
  const write: typeof ctx.write = (fn) =>
    ctx.write(async (trx, audit) => {
      const result = await fn(trx, audit);
      const id = (result as { id?: unknown }).id;
      if (typeof id === 'number') {
        await caseRepo.mergeReportDetails(trx, id, { open311: extras });
      }
      return result;
    });

  const result = await intake(
    db,
    write,
    { kind: 'external', system, externalId: opt(body.external_id) ?? `o311-${randomUUID()}` },
    {
      categoryCode: service.code,
      title: title ?? titleOf(opt(body.description), service.name),
      description: opt(body.description),
      address,
      lng: point.lng,
      lat: point.lat,
      coordSystem: 'wgs84',
      urgent,
      reporterName: reporterName(body.first_name, body.last_name),
      reporterPhone: opt(body.phone),
    },
  );
  const c = await caseRepo.caseDeadlines(db, result.id);
  return {
    created: result.created,
    doc: {
      root: 'service_requests',
      body: [
        {
          service_request_id: result.caseNo,
          service_notice:
            `已受理为案件 ${result.caseNo}，将于 ${w3(c.respond_by)} 前派遣处置，预计 ${w3(c.due_at)} 前办结。` +
            (result.trackingCode ? `查询码 ${result.trackingCode}。` : '') +
            ` / Accepted as case ${result.caseNo}: dispatched by ${w3(c.respond_by)}, expected to be resolved by ${w3(c.due_at)}.` +
            (result.trackingCode ? ` Tracking code ${result.trackingCode}.` : ''),
          account_id: opt(body.account_id) ?? null,
        },
      ],
    },
  };
}
