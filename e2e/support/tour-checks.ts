// What the tour (tour.spec.ts) refuses in a page's visible text: raw codes where names belong and
// English words in the Chinese interface. Pure, so that it is tested on its own (tour-checks.test.ts).
import type { Page } from '@playwright/test';

/**
 * Latin words a Chinese government work system shows as they are: file formats, standards, units,
 * the language switch. A word outside this list in the zh-CN interface is an untranslated string.
 */
const ALLOWED_LATIN = new Set([
  'excel',
  'xlsx',
  'gps',
  'api',
  'openapi',
  'open311',
  'app',
  'english',
  'sms',
  'pdf',
  'png',
  'jpg',
  'jpeg',
  'wgs',
  'cgcs',
  'gcj',
  'bd',
  'sm3',
  'sm4',
  'id',
  'kb',
  'mb',
]);

/**
 * The visible text of the page, plus the text of its open dialogs and notices — without the text of
 * elements marked `data-raw`: data shown as the user typed it (an account's sign-in name).
 */
export async function visiblePageText(page: Page): Promise<string> {
  return page.evaluate(() => {
    // biome-ignore lint/performance/useDomNodeTextContent: what is rendered, hidden text excluded
    let text = document.body.innerText;
    // longest first: removing a short name (4407) must not break a longer one it starts (440703-gas)
    const raws = [...document.querySelectorAll<HTMLElement>('[data-raw]')]
      // biome-ignore lint/performance/useDomNodeTextContent: what is rendered, hidden text excluded
      .map((el) => el.innerText)
      .filter(Boolean)
      .sort((a, b) => b.length - a.length);
    for (const raw of raws) text = text.split(raw).join(' ');
    return text;
  });
}

/** The problems of one page's text, each a short sentence with the offending words. */
export function tourProblems(text: string): string[] {
  const problems: string[] = [];
  const found = (re: RegExp) => [...new Set([...text.matchAll(re)].map((m) => m[0]))];
  const bracketed = found(/【[A-Za-z][A-Za-z0-9_]*】/g);
  if (bracketed.length > 0) problems.push(`raw codes in brackets: ${bracketed.join(', ')}`);
  const upperCodes = found(/\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\b/g);
  if (upperCodes.length > 0) problems.push(`raw codes: ${upperCodes.join(', ')}`);
  const hashIds = found(/#\s?\d+/g);
  if (hashIds.length > 0) problems.push(`internal ids: ${hashIds.slice(0, 5).join(', ')}`);
  const snake = found(/\b[a-z][a-z0-9]*(?:[_-][a-z0-9]+)*_[a-z0-9]+\b/g);
  if (snake.length > 0) problems.push(`snake_case words: ${snake.slice(0, 5).join(', ')}`);
  // case numbers (JM + date + sequence) and other codes with digits are data, not words
  const latin = found(/(?<![A-Za-z0-9])[A-Za-z]{3,}(?![A-Za-z0-9])/g).filter(
    (w) => !ALLOWED_LATIN.has(w.toLowerCase()),
  );
  if (latin.length > 0) problems.push(`English words: ${latin.slice(0, 8).join(', ')}`);
  return problems;
}
