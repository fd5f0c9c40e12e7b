import { describe, expect, it } from 'vitest';
import { maskEmail, maskIdNumber, maskName, maskPhone } from './masking.ts';

describe('the masking rule', () => {
  it('keeps the first 6 and the last 4 of an ID number', () => {
    expect(maskIdNumber('44070419900101123X')).toBe('440704********123X');
    expect(maskIdNumber('1234567890')).toBe('**********');
  });
  it('keeps the first 3 and the last 4 of a phone number', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('07503123456')).toBe('075****3456');
    expect(maskPhone('1234567')).toBe('*******');
  });
  it('keeps the first character of a name, and from 3 characters the last', () => {
    expect(maskName('张三丰')).toBe('张*丰');
    expect(maskName('张三')).toBe('张*');
    expect(maskName('司徒明华')).toBe('司**华');
    expect(maskName('张')).toBe('张');
    // characters, not UTF-16 units: 𠮷 is one character
    expect(maskName('𠮷明')).toBe('𠮷*');
    expect(maskName('林𠮷华')).toBe('林*华');
  });
  it('keeps the first character and the domain of an e-mail address', () => {
    expect(maskEmail('zhang.san@example.com')).toBe('z***@example.com');
    expect(maskEmail('not-an-address')).toBe('**************');
  });
});
