// Lowercase pinyin initials for quick search (江海区 → 'jhq'). ASCII letters and digits stay as they
// are (lowercased); punctuation and spaces are dropped.
import { pinyin } from 'pinyin-pro';

const HAN = /\p{Script=Han}/u;

export function pinyinInitials(text: string, options: { surname?: boolean } = {}): string {
  if (text === '') return '';
  const chars = Array.from(text);
  const initials = pinyin(text, {
    pattern: 'first',
    toneType: 'none',
    type: 'array',
    ...(options.surname ? { surname: 'head' as const } : {}),
  });
  let out = '';
  // pinyin-pro returns one entry per character when every character is kept apart.
  if (initials.length === chars.length) {
    for (let i = 0; i < chars.length; i++) out += keep(chars[i] as string, initials[i] as string);
    return out;
  }
  for (const c of chars) out += keep(c, HAN.test(c) ? pinyin(c, { pattern: 'first', toneType: 'none' }) : c);
  return out;
}

function keep(char: string, initial: string): string {
  if (HAN.test(char)) return /^[a-z]$/i.test(initial) ? initial.toLowerCase() : '';
  return /^[a-z0-9]$/i.test(char) ? char.toLowerCase() : '';
}

/** Initials of a person's name, reading the surname the way surnames are read (单 shan, 区 ou). */
export function nameInitials(name: string): string {
  return pinyinInitials(name, { surname: true });
}
