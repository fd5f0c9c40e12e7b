// The filtered 村务公开 items as an Excel workbook (at most EXPORT_LIMIT rows).
import { basePathOf } from '../deliberation/deliberation-read.service.ts';
import type { Actor } from '../platform/access/actor.ts';
import type { Db } from '../platform/db/handle.ts';
import { shanghaiToday } from '../recruitment/domain/dates.ts';
import { workbook, yuan } from '../village-cadres/village-excel.ts';
import { itemState } from './domain/calendar.ts';
import { exportItems } from './publication.repository.ts';
import type { ItemListQuery } from './publication.service.ts';

const KIND_ZH: Record<string, string> = {
  general: '村务',
  finance: '财务',
  major: '重大事项即时公开',
  resolution: '决议公开',
  result: '实施结果公开',
};
const STATE_ZH: Record<string, string> = {
  upcoming: '未到期',
  due: '今日到期',
  overdue: '逾期未公开',
  on_time: '按期公开',
  late: '逾期公开',
};

export async function exportItemsXlsx(db: Db, actor: Actor, q: ItemListQuery, today = shanghaiToday()) {
  const base = await basePathOf(db, actor, q.orgId);
  const rows = await exportItems(
    db,
    actor,
    {
      basePath: base.path,
      countyCode: base.county_code,
      state: q.state,
      kind: q.kind,
      year: q.year,
      q: q.q,
      today,
    },
    50_000,
  );
  const buffer = await workbook(
    '村务公开',
    [
      { header: '镇（街）', key: 'town', width: 18 },
      { header: '村（社区）', key: 'village', width: 28 },
      { header: '类别', key: 'kind', width: 16 },
      { header: '事项', key: 'title', width: 40 },
      { header: '应公开日期', key: 'dueOn', width: 12 },
      { header: '公开日期', key: 'publishedOn', width: 12 },
      { header: '状态', key: 'state', width: 12 },
      { header: '公开地点', key: 'place', width: 20 },
      { header: '金额（元）', key: 'amount', width: 14 },
    ],
    rows.map((r) => ({
      town: r.town_name,
      village: r.org_name,
      kind: KIND_ZH[r.kind] ?? r.kind,
      title: r.title,
      dueOn: r.due_on,
      publishedOn: r.published_on ?? '',
      state: STATE_ZH[itemState({ dueOn: r.due_on, publishedOn: r.published_on }, today)] ?? '',
      place: r.place,
      amount: yuan(r.amount_fen === null ? null : Number(r.amount_fen)),
    })),
  );
  return { buffer, rows: rows.length, orgId: base.id, orgName: base.name, today };
}
