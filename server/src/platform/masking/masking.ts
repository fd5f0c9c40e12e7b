// The one masking rule of personal data on display (个人信息保护法; RULES.md): what staff and the public
// see instead of an ID number, a phone number, a name or an e-mail address. The full value is kept
// SM4-encrypted and shown only by an audited reveal; every page and export shows these masks.
//  - ID number (身份证号): the first 6 (the division) and the last 4 kept: 440704********123X;
//  - phone (mobile or landline): the first 3 and the last 4 kept: 138****5678;
//  - name: the first character kept, and from 3 characters also the last; one * per hidden character,
//    counted in characters (not UTF-16 units): 张三 → 张*, 张三丰 → 张*丰, 司徒明华 → 司**华; a name of
//    one character is not masked (张);
//  - e-mail: the first character and the domain kept: z***@example.com.
// Shorter values than a mask keeps are all stars.

export function maskIdNumber(id: string): string {
  if (id.length <= 10) return '*'.repeat(id.length);
  return `${id.slice(0, 6)}${'*'.repeat(id.length - 10)}${id.slice(-4)}`;
}

export function maskPhone(phone: string): string {
  if (phone.length <= 7) return '*'.repeat(phone.length);
  return `${phone.slice(0, 3)}${'*'.repeat(phone.length - 7)}${phone.slice(-4)}`;
}

export function maskName(name: string): string {
  const chars = Array.from(name);
  if (chars.length <= 1) return name;
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`;
}

export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at < 1) return '*'.repeat(email.length);
  return `${Array.from(email)[0]}***${email.slice(at)}`;
}
