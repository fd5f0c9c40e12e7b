// The figures of a demo year assessed before the platform (basis 'ledger': taken over from the paper
// ledgers): each village's indicator figures drawn around its latent quality, consistent with one
// another (value = numerator / denominator), and its collective income from the seeded accounts.
// Scored and graded by the same rules as a computed year.

import type { FigureIn } from '../../assessment/domain/grading.ts';
import type { Rng } from '../random.ts';

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));
const pct = (x: number) => `${Math.round(x * 1000) / 10}%`;
const yuan = (fen: number) => `${(fen / 100).toLocaleString('zh-CN', { maximumFractionDigits: 0 })} 元`;

function share(num: number, den: number, what: string): FigureIn {
  return {
    value: den ? num / den : null,
    numerator: num,
    denominator: den,
    note: `${what}，${den ? pct(num / den) : '无数据'}（线下台账）`,
  };
}

/** One village's figures of a ledger year. `q` is its latent quality (≈ N(0, 1)). */
export function ledgerFigures(
  rng: Rng,
  q: number,
  members: number,
  income: { current: number | null; previous: number | null },
): Record<string, FigureIn> {
  const due = rng.int(40, 64);
  const held = Math.round(due * clamp(0.84 + 0.07 * q + rng.normal() * 0.05, 0.3, 1));
  const memberMonths = Math.max(12, members * 12);
  const paid = Math.round(memberMonths * clamp(0.93 + 0.03 * q + rng.normal() * 0.02, 0.6, 1));
  const hours = clamp(30 + 5 * q + rng.normal() * 4, 8, 56);
  const received = rng.int(60, 420);
  const dueToClose = Math.round(received * rng.float(0.9, 0.98));
  const evaluated = Math.round(dueToClose * rng.float(0.3, 0.6));
  const publications = rng.int(14, 20);
  const matters = rng.int(4, 14);
  const candidates = q > 0.8 ? rng.int(1, 2) : rng.chance(0.55 + 0.15 * q) ? 1 : 0;
  const out: Record<string, FigureIn> = {
    org_life: share(held, due, `应开会议 ${due} 次，按期召开 ${held} 次`),
    development: {
      value: candidates,
      numerator: candidates,
      denominator: null,
      note: `全年确定发展对象 ${candidates} 名（线下台账）`,
    },
    dues: share(paid, memberMonths, `应交 ${memberMonths} 人次，已交 ${paid} 人次`),
    training: {
      value: hours,
      numerator: Math.round(hours * members * 10) / 10,
      denominator: members,
      note: `党员 ${members} 名，人均培训 ${Math.round(hours * 10) / 10} 学时（线下台账）`,
    },
    case_response: share(
      Math.round(received * clamp(0.93 + 0.03 * q + rng.normal() * 0.02, 0.6, 1)),
      received,
      `受理事件 ${received} 件`,
    ),
    case_on_time: share(
      Math.round(dueToClose * clamp(0.9 + 0.04 * q + rng.normal() * 0.03, 0.55, 1)),
      dueToClose,
      `应结案 ${dueToClose} 件`,
    ),
    case_satisfaction: share(
      Math.round(evaluated * clamp(0.9 + 0.05 * q + rng.normal() * 0.03, 0.45, 1)),
      evaluated,
      `已评价 ${evaluated} 件`,
    ),
    village_publication: share(
      Math.round(publications * clamp(0.9 + 0.06 * q + rng.normal() * 0.05, 0.4, 1)),
      publications,
      `应公开 ${publications} 项`,
    ),
    decision_validity: share(
      Math.round(matters * clamp(0.92 + 0.05 * q + rng.normal() * 0.05, 0.4, 1)),
      matters,
      `已办结重大事项 ${matters} 项`,
    ),
  };
  const { current, previous } = income;
  out.income_level =
    current === null
      ? { value: null, numerator: null, denominator: null, note: '集体收入未填报，无数据' }
      : { value: current / 100, numerator: current, denominator: null, note: `经营性收入 ${yuan(current)}` };
  out.income_growth =
    current === null || !previous
      ? { value: null, numerator: current, denominator: previous, note: '上年经营性收入未填报，无法计算增长' }
      : {
          value: (current - previous) / previous,
          numerator: current,
          denominator: previous,
          note: `经营性收入 ${yuan(current)}，上年 ${yuan(previous)}，增长 ${pct((current - previous) / previous)}`,
        };
  out.contest_promise = {
    value: null,
    numerator: null,
    denominator: null,
    note: '上一年未举办擂台赛，不计分',
  };
  return out;
}

const EVIDENCE: Record<string, string[]> = {
  rural_revitalization: ['“百千万工程”年度任务清单完成情况表', '人居环境整治验收记录', '乡村振兴项目台账'],
  farmland_protection: ['撂荒地复耕台账及现场照片', '粮食生产任务完成证明', '耕地保护网格巡查记录'],
  overseas_liaison: ['联系侨胞台账及侨务活动记录', '侨房活化利用项目资料', '侨资项目签约文件'],
  urban_governance: ['物业小区党建联建记录', '人居环境季度评比结果', '小区治理议事会会议纪要'],
  ecology: ['森林防火巡查记录', '地质灾害隐患点排查台账', '生态公益林管护记录'],
  safety: ['矛盾纠纷排查化解台账', '信访事项办理情况表', '安全生产检查记录'],
};

/** A town's score of a manual indicator, with its evidence. */
export function manualEntry(rng: Rng, q: number, indicator: string) {
  const score = Math.round(clamp(82 + 7 * q + rng.normal() * 5, 50, 100));
  return {
    score,
    note: score >= 90 ? '完成情况好' : score >= 75 ? '基本完成' : '部分任务未完成',
    evidence: rng.pick(EVIDENCE[indicator] ?? ['镇（街）考核台账']),
  };
}
