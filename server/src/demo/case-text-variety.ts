// How real reports differ from the written templates of case-texts-*.ts: people say the same thing in
// other words (synonyms), in Cantonese-flavoured phrasing (呢度、冇人理、坏咗), with homophone typos
// (以经、拉圾、反应), cut short to one clause, mixing a second problem in, or too vague to tell. The
// classifier trained on the demo then meets text as a 12345 operator does, and its held-out accuracy
// is a believable figure (case-texts.test.ts measures it). Deterministic: every choice from the Rng.
import type { Rng } from './random.ts';

/** Words and the other words people use for them. The first is the template's word. */
const SYNONYMS: readonly (readonly string[])[] = [
  ['很危险', '好危险', '不安全', '有安全隐患', '危险得很'],
  ['很', '好', '挺', '特别'],
  ['晚上', '夜里', '夜晚', '天黑后'],
  ['小孩', '小朋友', '孩子'],
  ['老人', '老人家', '长者', '阿伯阿婆'],
  ['马路', '大马路', '路面'],
  ['已经', '早就'],
  ['好几天', '几天了', '差不多一个星期', '好多天'],
  ['一直', '老是', '总是'],
  ['没人管', '没人理', '一直没人处理', '没有人来管'],
  ['麻烦', '请', '希望'],
  ['电动车', '电动自行车', '电车'],
  ['摩托车', '摩托', '电单车'],
  ['下雨', '一下雨', '落大雨'],
  ['这里', '这边', '这一带'],
  ['请尽快处理', '请相关部门尽快处理', '希望尽快解决', '麻烦快点处理', '请早日解决'],
  ['居民', '街坊', '住户', '附近居民'],
  ['投诉', '反映', '举报'],
  ['影响', '影响到', '严重影响'],
  ['堵', '塞', '堵住了'],
];

/** Cantonese-flavoured words of a Jiangmen resident (江门话 is a Yue dialect). */
const CANTONESE: readonly (readonly [string, string])[] = [
  ['没有', '冇'],
  ['这里', '呢度'],
  ['那里', '嗰度'],
  ['坏了', '坏咗'],
  ['掉了', '跌咗'],
  ['很', '好'],
  ['看', '睇'],
  ['什么', '乜嘢'],
  ['现在', '而家'],
  ['东西', '嘢'],
  ['小孩', '细路'],
  ['下雨', '落雨'],
  ['没人管', '冇人理'],
  ['的时候', '嗰阵'],
  ['是不是', '系唔系'],
  ['麻烦', '唔该'],
  ['一直', '成日'],
  ['电动车', '电鸡'],
  ['垃圾', '垃圾嘢'],
  ['怎么办', '点算'],
];

/** Homophone and shape slips of people typing on a phone. */
const TYPOS: readonly (readonly [string, string])[] = [
  ['已经', '以经'],
  ['垃圾', '拉圾'],
  ['反映', '反应'],
  ['噪音', '燥音'],
  ['井盖', '井概'],
  ['处理', '处里'],
  ['在', '再'],
  ['影响', '应响'],
  ['需要', '须要'],
  ['停车', '亭车'],
  ['装修', '装休'],
  ['下水道', '下水到'],
  ['漏水', '露水'],
  ['的', '得'],
  ['路灯', '路登'],
  ['厉害', '利害'],
  ['一直', '一值'],
  ['安全', '按全'],
];

/** Reports that say too little to tell what they are about (a dispatcher reads the photo). */
const VAGUE = [
  '{place}这个问题反映过好几次了，一直没人来处理，麻烦派人来看看。',
  '{place}有情况，具体看照片，请相关部门跟进。',
  '又是{place}，上次说过的问题还没解决。',
  '{place}这边问题很多，希望领导重视一下。',
  '{place}有安全隐患，附近居民都很担心。',
  '{place}的事情能不能管一管，影响大家生活。',
];

const CLAUSE_END = /[，。；！？,!?;]/;

function replaceSome(text: string, from: string, to: () => string, p: number, rng: Rng): string {
  if (!text.includes(from)) return text;
  return text
    .split(from)
    .reduce((out, part, i) => (i === 0 ? part : `${out}${rng.chance(p) ? to() : from}${part}`), '');
}

/** Other words for the same things, a Cantonese-speaking reporter now and then, a typo or two. */
export function rephrase(rng: Rng, text: string, cantonese: boolean, typos: number): string {
  let out = text;
  for (const group of SYNONYMS) {
    const [first] = group;
    if (!first) continue;
    out = replaceSome(out, first, () => rng.pick(group), 0.6, rng);
  }
  if (cantonese) for (const [from, to] of CANTONESE) out = replaceSome(out, from, () => to, 0.75, rng);
  for (let i = 0; i < typos; i++) {
    const candidates = TYPOS.filter(([from]) => out.includes(from));
    if (candidates.length === 0) break;
    const [from, to] = rng.pick(candidates);
    const at = out.indexOf(from);
    out = `${out.slice(0, at)}${to}${out.slice(at + from.length)}`;
  }
  return out;
}

/** The first clause of a text (a short report: 门口路灯坏了). */
export function firstClause(text: string): string {
  const cut = text.search(CLAUSE_END);
  return cut > 4 ? text.slice(0, cut) : text;
}

export interface Variation {
  cantonese: boolean;
  typos: number;
  /** only the first clause */
  short: boolean;
  /** the title is the description's first words, not a separate headline */
  titleFromText: boolean;
  /** another problem mentioned in passing */
  mixed: boolean;
  /** too vague to tell */
  vague: boolean;
}

/** How this reporter writes: drawn once per report. */
export function drawVariation(rng: Rng): Variation {
  return {
    cantonese: rng.chance(0.18),
    typos: rng.chance(0.15) ? rng.int(1, 2) : 0,
    short: rng.chance(0.22),
    titleFromText: rng.chance(0.3),
    mixed: rng.chance(0.1),
    vague: rng.chance(0.05),
  };
}

export const VAGUE_TEXTS = VAGUE;
