// Runs the server's TypeScript sources directly in a child process (no build), the way vitest
// does in-process: `node --import ./ts-loader.mjs <file.ts>`. SWC strips types and emits the
// decorator metadata NestJS injects by; imports ending in `.js` resolve to the `.ts` beside them,
// and the workspace libraries resolve to their sources (as in vitest.config.ts).
import { register } from 'node:module';

register('./ts-loader-hooks.mjs', import.meta.url);
