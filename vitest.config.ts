import path from 'node:path'

import { defineConfig } from 'vitest/config'

export default defineConfig({
  resolve: {
    alias: { '@payload-config': path.resolve(import.meta.dirname, 'payload.config.ts') },
  },
  test: {
    environment: 'node',
    env: { LOG_LEVEL: process.env.LOG_LEVEL ?? 'error' },
    include: [
      'tests/unit/**/*.test.ts',
      'tests/int/**/*.test.ts',
      'tests/e2e/**/*.test.ts',
      'tests/plugins/**/*.test.ts',
    ],
    globalSetup: ['tests/support/globalSetup.ts'],
    // Each file runs in its own process with its own database, so files run in parallel safely.
    pool: 'forks',
    // Lexical's "node" entry points load their code with top-level await, which Node 20 sometimes
    // never settles (the process exits 13/0 silently); the "development" entries are plain ESM.
    execArgv: ['--conditions=development'],
    isolate: true,
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 180_000,
  },
})
