// antd form rules built on the shared domain validators, so the browser refuses what the server refuses, with the same words.
import type { FormRule } from 'antd';
import type { Validation } from '@onewindow/domain';

export function checkWith(validate: (value: string) => Validation<object>): FormRule {
  return {
    validator: async (_rule, value: unknown) => {
      if (value === undefined || value === null || value === '') return;
      const result = validate(String(value));
      if (!result.ok) throw new Error(result.reason);
    },
  };
}

export const required: FormRule = { required: true, whitespace: true };
