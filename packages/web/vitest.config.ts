// Unit specs of the web app's pure logic (region tree, problem parsing). The root config leaves packages/web out.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
  },
});
