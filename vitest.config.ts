import { fileURLToPath } from 'node:url';
import swc from 'unplugin-swc';
import { defineConfig } from 'vitest/config';

const alias = {
  '@xieshang/protocol': fileURLToPath(new URL('./libs/protocol/src/index.ts', import.meta.url)),
  '@xieshang/domain': fileURLToPath(new URL('./libs/domain/src/index.ts', import.meta.url)),
};

// NestJS needs emitDecoratorMetadata, which Vite's own transform does not emit: SWC compiles server code.
const nestTransform = () =>
  swc.vite({
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      target: 'es2023',
    },
  });

export default defineConfig({
  test: {
    projects: [
      {
        resolve: { alias },
        plugins: [nestTransform()],
        test: {
          name: 'unit',
          include: ['libs/*/src/**/*.spec.ts', 'apps/server/src/**/*.spec.ts'],
          environment: 'node',
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'web',
          include: ['apps/web/src/**/*.spec.{ts,tsx}'],
          environment: 'happy-dom',
        },
      },
      {
        resolve: { alias },
        plugins: [nestTransform()],
        test: {
          name: 'integration',
          include: ['apps/server/test/**/*.integration-spec.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // Each file boots its own server on its own fresh database; two cores → two at a time.
          maxWorkers: 2,
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'e2e',
          include: ['e2e/**/*.e2e-spec.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
