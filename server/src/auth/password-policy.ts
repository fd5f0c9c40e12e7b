// 等保 2.0: complex passwords. Returns the broken rules (empty when the password is acceptable).
export interface PolicyViolation {
  rule: 'min_length' | 'classes' | 'contains_username' | 'same_as_current';
  zh: string;
  en: string;
}

export function checkPasswordPolicy(
  password: string,
  username: string,
  minLength: number,
): PolicyViolation[] {
  const broken: PolicyViolation[] = [];
  if (password.length < minLength) {
    broken.push({
      rule: 'min_length',
      zh: `长度至少 ${minLength} 位`,
      en: `at least ${minLength} characters`,
    });
  }
  const classes = [/[a-z]/, /[A-Z]/, /\d/, /[^a-zA-Z\d]/].filter((re) => re.test(password)).length;
  if (classes < 3) {
    broken.push({
      rule: 'classes',
      zh: '须包含大写字母、小写字母、数字、符号中的至少三类',
      en: 'at least three of: upper case, lower case, digits, symbols',
    });
  }
  if (username && password.toLowerCase().includes(username.toLowerCase())) {
    broken.push({ rule: 'contains_username', zh: '不得包含用户名', en: 'must not contain the username' });
  }
  return broken;
}
