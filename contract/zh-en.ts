// A name in both languages, and the check that a name table names exactly the codes of a type.

export interface ZhEn {
  zh: string;
  en: string;
}

/**
 * `Record<K, ZhEn>` when table T names exactly the codes K (no code missing, none extra), else `never`:
 * `const NAMES: Exactly<CaseState, typeof contract.STATE_NAMES> = contract.STATE_NAMES` fails to compile
 * the day the server's or the web's list of codes and the contract's table part.
 */
export type Exactly<K extends string, T> = [K] extends [keyof T]
  ? [keyof T] extends [K]
    ? Record<K, ZhEn>
    : never
  : never;
