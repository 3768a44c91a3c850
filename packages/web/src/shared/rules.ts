// antd form rules built on the shared domain validators, so the browser refuses what the server refuses, with the same words.
import type { FormRule } from 'antd';
import { passwordWeakness, type Validation } from '@onewindow/domain';

export function checkWith(validate: (value: string) => Validation<object>): FormRule {
  return {
    validator: async (_rule, value: unknown) => {
      if (value === undefined || value === null || value === '') return;
      const result = validate(String(value));
      if (!result.ok) throw new Error(result.reason);
    },
  };
}

/** A shared identifier pattern (USERNAME_PATTERN …), with the message to show when it does not match. */
export function matches(pattern: string, message: string): FormRule {
  return { pattern: new RegExp(pattern), message };
}

/** The password strength the server demands (passwordWeakness), checked as the user types. */
export const strongPassword: FormRule = {
  validator: async (_rule, value: unknown) => {
    if (typeof value !== 'string' || value === '') return;
    const weakness = passwordWeakness(value);
    if (weakness) throw new Error(weakness);
  },
};

export const required: FormRule = { required: true, whitespace: true };
