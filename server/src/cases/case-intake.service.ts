// Intake: validate, locate (point → grid → village → town → county), classify, route to the default
// department of the county, number, start the dispatch clock, and store the case with its first step
// and the audit row in one transaction. Idempotent per clientRequestId and per (system, externalId).

import { placeNamesOfGrid } from '../grids/grid.repository.ts';
import { enqueueSms, trackingParams } from '../notifications/sms/sms-outbox.ts';
import type { Actor } from '../platform/access/actor.ts';
import {
  isPublicChannel,
  newTrackingCode,
  openTrackingCode,
  sealTrackingCode,
} from '../platform/access/public-view.ts';
import { encryptPii } from '../platform/crypto/crypto.ts';
import type { Db } from '../platform/db/handle.ts';
import { type CoordSystem, isInChina, toWgs84 } from '../platform/geo/coords.ts';
import type { Write } from '../platform/http/route.ts';
import { maskPhone } from '../platform/masking/masking.ts';
import { readSetting } from '../platform/settings/settings.ts';
import { caseErrors, caseRole, clockColumns, contentHash, DEFAULT_LIMITS } from './case-common.ts';
import {
  caseOfKey,
  insertCase,
  insertStep,
  linkPhotos,
  nextCaseSeq,
  notifyDispatchers,
} from './case-intake.repository.ts';
import { type CaseReference, caseReference, type GridPlace, gridLocator } from './case-reference.ts';
import type { CaseRole } from './domain/case-machine.ts';
import { caseNumber } from './domain/case-no.ts';
import { CASE_SETTINGS_DEFAULTS, CASE_SETTINGS_KEY } from './domain/case-settings.ts';
import type { CaseChannel } from './domain/case-tables.ts';
import { deadlineFor, type StepLimits } from './domain/sla.ts';

export interface IntakeInput {
  categoryCode?: string | undefined;
  title: string;
  description?: string | undefined;
  address?: string | undefined;
  lng: number;
  lat: number;
  coordSystem?: CoordSystem | undefined;
  photos?: number[] | undefined;
  clientRequestId?: string | undefined;
  urgent?: boolean | undefined;
  reporterName?: string | undefined;
  reporterPhone?: string | undefined;
}

export type IntakeSource =
  | { kind: 'account'; actor: Actor }
  | { kind: 'external'; system: { code: string; name: string }; externalId: string };

export interface IntakeResult {
  id: number;
  caseNo: string;
  state: string;
  /** false: an idempotent replay answered with the existing case. */
  created: boolean;
  /** What the reporter follows the case with (with its number); null for 110 and 信访 cases. */
  trackingCode: string | null;
}

const EXTERNAL_CHANNELS: readonly CaseChannel[] = ['hotline_12345', 'police_110', 'petition'];

export function channelOf(source: IntakeSource): CaseChannel {
  if (source.kind === 'external') {
    return (EXTERNAL_CHANNELS as readonly string[]).includes(source.system.code)
      ? (source.system.code as CaseChannel)
      : 'external';
  }
  // residents report for themselves; grid workers and town/village staff report what they find
  return source.actor.role === 'resident' ? 'resident' : 'grid_worker';
}

/** The sub-category (never a class) of a code, or 422 UNKNOWN_CATEGORY. */
export function requireSubcategory(ref: CaseReference, code: string) {
  const c = ref.categories.get(code);
  if (!c || c.parentCode === null || !c.limits) throw caseErrors.unknownCategory(code);
  return c;
}

export interface Located {
  lng: number;
  lat: number;
  place: GridPlace;
  nearest: boolean;
  distanceM: number;
}

/** Converts to WGS-84 and finds the grid (or the nearest one, flagged). */
export async function locate(
  db: Db,
  lng: number,
  lat: number,
  system: CoordSystem = 'wgs84',
): Promise<Located> {
  if (!Number.isFinite(lng) || !Number.isFinite(lat) || !isInChina(lng, lat))
    throw caseErrors.outsideChina(lng, lat);
  const [wLng, wLat] = toWgs84(lng, lat, system);
  const { index, places } = await gridLocator(db);
  const hit = index.locate(wLng, wLat);
  if (!hit) throw caseErrors.noGrid();
  const place = places.get(hit.gridId);
  if (!place) throw caseErrors.noGrid();
  return {
    lng: wLng,
    lat: wLat,
    place,
    nearest: !hit.exact,
    distanceM: hit.exact ? 0 : Math.round(hit.distanceM),
  };
}

/** Where a report at this point would go, in words: the preview a reporter sees before sending. */
export async function placeOf(db: Db, lng: number, lat: number, system: CoordSystem) {
  const loc = await locate(db, lng, lat, system);
  const names = await placeNamesOfGrid(db, loc.place.id);
  return {
    lng: loc.lng,
    lat: loc.lat,
    county: names?.county_name ?? null,
    town: names?.town_name ?? null,
    village: names?.village_name ?? null,
    grid: names?.grid_name ?? loc.place.name,
    nearest: loc.nearest,
    distanceM: loc.distanceM,
  };
}

/** Deadlines of a new case: the dispatch step, and the whole case (the three steps one after another). */
export function intakeClock(now: Date, limits: StepLimits, ref: CaseReference) {
  const dispatch = deadlineFor(now, limits.dispatch, ref.calendar);
  const handling = deadlineFor(dispatch, limits.handling, ref.calendar);
  const due = deadlineFor(handling, limits.verification, ref.calendar);
  return { dispatch, due };
}

export async function intake(
  db: Db,
  write: Write,
  source: IntakeSource,
  input: IntakeInput,
): Promise<IntakeResult> {
  const ref = await caseReference(db);
  const category = input.categoryCode ? requireSubcategory(ref, input.categoryCode) : null;
  const loc = await locate(db, input.lng, input.lat, input.coordSystem ?? 'wgs84');
  const channel = channelOf(source);
  const photos = [...new Set(input.photos ?? [])];

  const hash = contentHash({
    categoryCode: input.categoryCode ?? null,
    title: input.title,
    description: input.description ?? '',
    address: input.address ?? '',
    lng: input.lng,
    lat: input.lat,
    coordSystem: input.coordSystem ?? 'wgs84',
    photos,
    urgent: input.urgent ?? false,
    reporterName: input.reporterName ?? null,
    reporterPhone: input.reporterPhone ?? null,
  });
  const key =
    source.kind === 'external'
      ? { system: source.system.code, id: source.externalId }
      : input.clientRequestId
        ? { system: null, id: `${source.actor.accountId}:${input.clientRequestId}` }
        : null;
  const replay = async () => {
    if (!key) return null;
    const found = await caseOfKey(db, key);
    if (!found) return null;
    if (found.external_content_hash !== hash) throw caseErrors.idempotencyConflict(key.id, found.case_no);
    return {
      id: found.id,
      caseNo: found.case_no,
      state: found.state,
      created: false,
      trackingCode: found.tracking_code_enc ? openTrackingCode(found.tracking_code_enc) : null,
    };
  };
  const existing = await replay();
  if (existing) return existing;

  const limits = category?.limits ?? DEFAULT_LIMITS;
  const now = new Date();
  const clock = intakeClock(now, limits, ref);
  const { supervisionThresholds } = await readSetting(db, CASE_SETTINGS_KEY, CASE_SETTINGS_DEFAULTS);
  const instants = clockColumns(
    { started: now, deadline: clock.dispatch, unit: limits.dispatch.unit },
    'none',
    ref,
    supervisionThresholds,
  );
  const actor = source.kind === 'account' ? source.actor : null;
  const actorRole: CaseRole = actor ? caseRole(actor) : 'system';
  const routed = category?.departmentKind
    ? (ref.departmentByKind.get(`${loc.place.countyCode}:${category.departmentKind}`) ?? null)
    : null;

  try {
    return await write(async (trx, audit) => {
      const caseNo = caseNumber(now, await nextCaseSeq(trx));
      const phone = input.reporterPhone?.trim() || null;
      // the public follows a case with its number and this code (never a 110 or 信访 case)
      const trackingCode = isPublicChannel(channel) ? newTrackingCode() : null;
      const sealedCode = trackingCode ? sealTrackingCode(trackingCode) : null;
      const inserted = await insertCase(trx, {
        case_no: caseNo,
        channel,
        external_system: source.kind === 'external' ? source.system.code : null,
        external_id: source.kind === 'external' ? source.externalId : null,
        external_content_hash: key ? hash : null,
        client_request_id: key && !key.system ? key.id : null,
        category_code: category?.code ?? null,
        title: input.title.trim(),
        description: input.description?.trim() ?? '',
        address: input.address?.trim() ?? '',
        lng: loc.lng,
        lat: loc.lat,
        grid_id: loc.place.id,
        grid_nearest: loc.nearest,
        village_org_id: loc.place.villageOrgId,
        town_org_id: loc.place.townOrgId,
        county_code: loc.place.countyCode,
        reporter_name: input.reporterName?.trim() || actor?.displayName || null,
        reporter_phone_enc: phone ? encryptPii(phone) : null,
        reporter_phone_masked: phone ? maskPhone(phone) : null,
        reporter_account_id: actor?.accountId ?? null,
        urgent: (category?.urgent ?? false) || (input.urgent ?? false),
        step: 'dispatch',
        step_started_at: now,
        step_deadline: clock.dispatch,
        ...instants,
        respond_by: clock.dispatch,
        due_at: clock.due,
        created_at: now,
        updated_at: now,
        tracking_code_enc: sealedCode,
      });
      if (photos.length > 0) {
        const linked = await linkPhotos(
          trx,
          inserted.id,
          loc.place.countyCode,
          photos,
          actor?.accountId ?? -1,
        );
        if (linked.length !== photos.length) {
          const ok = new Set(linked);
          throw caseErrors.badAttachment(photos.filter((p) => !ok.has(p)));
        }
      }
      await insertStep(trx, {
        case_id: inserted.id,
        county_code: loc.place.countyCode,
        action: 'report',
        from_state: null,
        to_state: 'reported',
        actor_id: actor?.accountId ?? null,
        actor_role: actorRole,
        note: input.description?.trim().slice(0, 2000) ?? '',
        attachments: JSON.stringify(photos),
        details: JSON.stringify({
          channel,
          gridNearest: loc.nearest,
          distanceM: loc.distanceM,
          routedDepartmentId: routed?.id ?? null,
          ...(source.kind === 'external'
            ? { system: source.system.code, externalId: source.externalId }
            : {}),
        }),
        at: now,
      });
      await notifyDispatchers(
        trx,
        inserted.id,
        [loc.place.villageOrgId, ...(loc.place.townOrgId ? [loc.place.townOrgId] : [])],
        `新案件 ${caseNo}`,
        input.title,
      );
      if (trackingCode && phone) {
        // the receipt by SMS: the number, the tracking code and the link that opens the case
        await enqueueSms(
          trx,
          [{ phoneEnc: encryptPii(phone), phoneMasked: maskPhone(phone), accountId: null }],
          {
            caseId: inserted.id,
            countyCode: loc.place.countyCode,
            event: 'case.report',
            templateId: 'QJ_CASE_RECEIVED',
            params: { caseNo, ...trackingParams(caseNo, sealedCode) },
          },
        );
      }
      await audit({
        action: 'case.report',
        targetType: 'case',
        targetId: inserted.id,
        after: {
          caseNo,
          channel,
          categoryCode: category?.code ?? null,
          gridId: loc.place.id,
          gridNearest: loc.nearest,
          routedDepartmentId: routed?.id ?? null,
        },
        countyCode: loc.place.countyCode,
      });
      return {
        id: inserted.id,
        caseNo: inserted.case_no,
        state: inserted.state,
        created: true,
        trackingCode,
      };
    });
  } catch (error) {
    // two identical requests at once: the unique key lets one in; the other answers as a replay
    if (key && isUniqueViolation(error)) {
      const again = await replay();
      if (again) return again;
    }
    throw error;
  }
}

export function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: string }).code === '23505';
}
