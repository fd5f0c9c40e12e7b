// The filtered village decisions as an Excel workbook (at most EXPORT_LIMIT rows).
import type { Actor } from '../platform/access/actor.ts';
import type { Db } from '../platform/db/handle.ts';
import { shanghaiToday } from '../recruitment/domain/dates.ts';
import { workbook, yuan } from '../village-cadres/village-excel.ts';
import { exportMatters } from './deliberation-read.repository.ts';
import { basePathOf, type MatterQuery } from './deliberation-read.service.ts';
import { readDeliberationSettings } from './deliberation-state.ts';
import { namedBreachText } from './domain/rules.ts';
import { categoryName, type TemplateKey } from './domain/templates.ts';

export const EXPORT_LIMIT = 20_000;

const STATUS_ZH: Record<string, string> = {
  open: '进行中',
  completed: '已办结',
  rejected: '未通过',
  withdrawn: '已撤回',
};
const VALIDITY_ZH: Record<string, string> = {
  valid: '合规有效',
  invalid: '程序不合规',
  pending: '尚未形成决议',
};

export async function exportMattersXlsx(db: Db, actor: Actor, q: MatterQuery, today = shanghaiToday()) {
  const base = await basePathOf(db, actor, q.orgId);
  const s = await readDeliberationSettings(db);
  const rows = await exportMatters(
    db,
    actor,
    {
      basePath: base.path,
      countyCode: base.county_code,
      status: q.status,
      validity: q.validity,
      template: q.template,
      category: q.category,
      year: q.year,
      q: q.q,
      overdueOn: q.overdue ? today : undefined,
    },
    EXPORT_LIMIT,
  );
  const buffer = await workbook(
    '村级重大事项决策',
    [
      { header: '镇（街）', key: 'town', width: 18 },
      { header: '村（社区）', key: 'village', width: 28 },
      { header: '事项', key: 'title', width: 40 },
      { header: '程序', key: 'template', width: 22 },
      { header: '类别', key: 'category', width: 20 },
      { header: '金额（元）', key: 'amount', width: 14 },
      { header: '提议日期', key: 'proposedOn', width: 12 },
      { header: '决议日期', key: 'resolvedOn', width: 12 },
      { header: '状态', key: 'status', width: 10 },
      { header: '合规性', key: 'validity', width: 14 },
      { header: '下一步', key: 'next', width: 22 },
      { header: '期限', key: 'dueOn', width: 12 },
      { header: '补录', key: 'retrospective', width: 6 },
      { header: '不合规原因', key: 'breaches', width: 90 },
    ],
    rows.map((r) => {
      const t = s.templates[r.template as TemplateKey];
      const next = t?.steps.find((x) => x.key === r.next_step);
      return {
        town: r.town_name,
        village: r.org_name,
        title: r.title,
        template: t?.nameZh ?? r.template,
        category: categoryName(r.category).zh,
        amount: yuan(r.amount_fen === null ? null : Number(r.amount_fen)),
        proposedOn: r.proposed_on,
        resolvedOn: r.resolved_on ?? '',
        status: STATUS_ZH[r.status] ?? r.status,
        validity: VALIDITY_ZH[r.validity] ?? r.validity,
        next: r.status === 'open' ? (next?.nameZh ?? '') : '',
        dueOn: r.status === 'open' ? (r.next_due_on ?? '') : '',
        retrospective: r.retrospective ? '是' : '',
        breaches: r.breaches.map((b) => namedBreachText(b.message_zh, b.code, 'zh')).join('\n'),
      };
    }),
  );
  return { buffer, rows: rows.length, orgId: base.id, orgName: base.name, today };
}
