// The title and description of a demo case, as a grid worker, a resident or a 12345 operator would write
// them: several short reports per sub-category in everyday words, mostly without the sub-category's name
// and some close to a neighbouring one, so that the classifier (cases/classifier/) trained on the demo
// learns problems, not category names. Deterministic: every choice comes from the caller's Rng.
import type { Subcategory } from '../cases/domain/catalog.ts';
import { drawVariation, firstClause, rephrase, VAGUE_TEXTS } from './case-text-variety.ts';
import { COMPONENT_TEXTS } from './case-texts-components.ts';
import { EVENT_TEXTS } from './case-texts-events.ts';
import { SOCIAL_TEXTS } from './case-texts-social.ts';
import type { Rng } from './random.ts';

export interface CaseText {
  title: string;
  description: string;
}

/** Sub-category code → its reports, 'title|description', with {place} and {grid} placeholders. */
export const CASE_TEXTS: Readonly<Record<string, readonly string[]>> = {
  ...COMPONENT_TEXTS,
  ...EVENT_TEXTS,
  ...SOCIAL_TEXTS,
};

/** How a report may begin: most are the words of the reporter alone; some carry the channel's phrase. */
const OPENERS = [
  '',
  '',
  '',
  '',
  '',
  '居民反映：',
  '市民来电反映，',
  '网格员巡查发现：',
  '据群众反映，',
  '接12345转办：',
  '有群众投诉，',
];

/** How a report may end. */
const CLOSERS = [
  '',
  '',
  '',
  '',
  '请尽快处理。',
  '请派人核实处理。',
  '麻烦尽快来看看。',
  '已拍照留存。',
  '诉求人希望尽快解决。',
  '请协调相关单位跟进。',
];

const ALL_CODES = Object.keys(CASE_TEXTS);
/** Reports filed under a neighbouring sub-category of what their words describe (dispatchers differ). */
const NEIGHBOUR_SHARE = 0.1;

/** One report of the sub-category as someone wrote it (case-text-variety.ts), its placeholders filled. */
export function caseText(
  rng: Rng,
  sub: Pick<Subcategory, 'code' | 'name_zh'>,
  gridName: string,
  place: string,
): CaseText {
  const withGrid = rng.chance(0.3);
  const opener = rng.pick(OPENERS);
  const closer = rng.pick(CLOSERS);
  // now and then the words fit a neighbouring sub-category better than the one the dispatcher chose
  const siblings = ALL_CODES.filter((c) => c !== sub.code && c.slice(0, 3) === sub.code.slice(0, 3));
  const textCode = siblings.length > 0 && rng.chance(NEIGHBOUR_SHARE) ? rng.pick(siblings) : sub.code;
  const texts = CASE_TEXTS[textCode];
  // a category added by an administrator has no texts: its name stands in
  const text = rng.pick(texts ?? [`${sub.name_zh}|{place}发现${sub.name_zh}。`]);
  const [title, description] = text.split('|') as [string, string];
  const fill = (s: string) => s.replaceAll('{place}', place).replaceAll('{grid}', gridName);
  const how = drawVariation(rng);
  let body = how.vague ? rng.pick(VAGUE_TEXTS) : description;
  if (how.short && !how.vague) body = `${firstClause(body)}。`;
  if (how.mixed) {
    const otherCode = rng.pick(ALL_CODES.filter((c) => c.slice(0, 3) !== sub.code.slice(0, 3)));
    const other = rng.pick(CASE_TEXTS[otherCode] ?? ['|']).split('|')[1] ?? '';
    if (other) body = `${body}另外，${firstClause(other)}。`;
  }
  body = rephrase(rng, fill(body), how.cantonese, how.typos);
  let head =
    how.titleFromText && !how.vague
      ? firstClause(body).slice(0, 24)
      : rephrase(rng, fill(title), how.cantonese, 0);
  if (withGrid && !head.includes(gridName)) head = `${gridName}${head}`;
  return { title: head.slice(0, 100), description: `${opener}${body}${closer}`.slice(0, 2000) };
}
