import { defaultServerConditions } from 'vite';
import { defineConfig } from 'vitest/config';

// Workspace packages resolve to their TypeScript sources through the `source` export condition,
// so tests never need a build first.
const conditions = ['source', ...defaultServerConditions];

const packageProjects = [
  'core',
  'storage-memory',
  'storage-postgres',
  'transport-smtp',
  'transport-twilio',
  'source-ilr',
  'worker',
].map((name) => ({
  extends: true as const,
  test: { name, include: [`packages/${name}/test/**/*.test.ts`] },
}));

const exampleProjects = ['quickstart', 'workers'].map((name) => ({
  extends: true as const,
  test: { name: `example-${name}`, include: [`examples/${name}/test/**/*.test.ts`] },
}));

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions, externalConditions: conditions } },
  test: {
    projects: [...packageProjects, ...exampleProjects],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
