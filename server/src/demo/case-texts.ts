// The title and description of a demo case, as a grid worker, a resident or a 12345 operator would write
// them: several short reports per sub-category in everyday words, mostly without the sub-category's name
// and some close to a neighbouring one, so that the classifier (cases/classifier/) trained on the demo
// learns problems, not category names. Deterministic: every choice comes from the caller's Rng.
import type { Subcategory } from '../cases/domain/catalog.ts';
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

/** One report of the sub-category, its placeholders filled; always four draws from `rng`. */
export function caseText(
  rng: Rng,
  sub: Pick<Subcategory, 'code' | 'name_zh'>,
  gridName: string,
  place: string,
): CaseText {
  const withGrid = rng.chance(0.3);
  const opener = rng.pick(OPENERS);
  const closer = rng.pick(CLOSERS);
  const texts = CASE_TEXTS[sub.code];
  // a category added by an administrator has no texts: its name stands in
  const text = rng.pick(texts ?? [`${sub.name_zh}|{place}发现${sub.name_zh}。`]);
  const [title, description] = text.split('|') as [string, string];
  const fill = (s: string) => s.replaceAll('{place}', place).replaceAll('{grid}', gridName);
  return {
    title: withGrid && !title.includes('{grid}') ? `${gridName}${fill(title)}` : fill(title),
    description: `${opener}${fill(description)}${closer}`,
  };
}
