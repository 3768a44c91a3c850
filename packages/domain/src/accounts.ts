// Rules for account and organisation identifiers that the server enforces and the web app checks before sending.

/** Staff usernames: lower-case letter first, 3–32 letters, digits, '_' or '.'. */
export const USERNAME_PATTERN = '^[a-z][a-z0-9_.]{2,31}$';
/** Window numbers as painted above the counter: A01, B12, 3-2. */
export const WINDOW_NUMBER_PATTERN = '^[A-Z0-9-]{1,10}$';
/** Service-domain codes: lower-case English, e.g. medical_insurance. */
export const DOMAIN_CODE_PATTERN = '^[a-z][a-z0-9_]{1,39}$';

/** Null when acceptable, else the reason in Chinese. */
export function passwordWeakness(password: string): string | null {
  if (password.length < 8) return '密码至少8位';
  const classes = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
  if (classes < 3) return '密码应包含大写字母、小写字母、数字、符号中的至少三类';
  return null;
}
