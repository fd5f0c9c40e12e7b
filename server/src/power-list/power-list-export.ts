// The filtered records of power use as an Excel workbook (at most EXPORT_LIMIT rows).
import { basePathOf } from '../deliberation/deliberation-read.service.ts';
import type { Actor } from '../platform/access/actor.ts';
import type { Db } from '../platform/db/handle.ts';
import { shanghaiToday } from '../recruitment/domain/dates.ts';
import { workbook, yuan } from '../village-cadres/village-excel.ts';
import { exportUses } from './power-list.repository.ts';
import type { UseQuery } from './power-list.service.ts';

const STATUS_ZH: Record<string, string> = { open: '办理中', completed: '已办结', abandoned: '已终止' };
const FLAG_ZH: Record<string, string> = { unmatched: '未匹配清单', negative: '涉及负面清单' };

export async function exportUsesXlsx(db: Db, actor: Actor, q: UseQuery, today = shanghaiToday()) {
  const base = await basePathOf(db, actor, q.orgId);
  const rows = await exportUses(
    db,
    actor,
    {
      basePath: base.path,
      countyCode: base.county_code,
      itemId: q.itemId,
      flag: q.flag,
      unreviewed: q.unreviewed,
      status: q.status,
      year: q.year,
      q: q.q,
    },
    50_000,
  );
  const buffer = await workbook(
    '小微权力运行',
    [
      { header: '镇（街）', key: 'town', width: 18 },
      { header: '村（社区）', key: 'village', width: 28 },
      { header: '权力事项', key: 'item', width: 28 },
      { header: '事由', key: 'title', width: 36 },
      { header: '金额（元）', key: 'amount', width: 12 },
      { header: '开始日期', key: 'startedOn', width: 12 },
      { header: '进度', key: 'progress', width: 10 },
      { header: '状态', key: 'status', width: 10 },
      { header: '标记', key: 'flag', width: 14 },
      { header: '核查意见', key: 'review', width: 40 },
    ],
    rows.map((r) => ({
      town: r.town_name,
      village: r.org_name,
      item: r.item_code ? `${r.item_code} ${r.item_name}` : '未匹配清单',
      title: r.title,
      amount: yuan(r.amount_fen === null ? null : Number(r.amount_fen)),
      startedOn: r.started_on,
      progress: `${r.steps_done}/${r.procedure.length}`,
      status: STATUS_ZH[r.status] ?? r.status,
      flag: r.flag ? (FLAG_ZH[r.flag] ?? r.flag) : '',
      review: r.flag_review_note ?? '',
    })),
  );
  return { buffer, rows: rows.length, orgId: base.id, orgName: base.name, today };
}
