#!/usr/bin/env node
// Runs the TypeScript CLI straight from source through tsx, so `npx video-builder` works right after `npm ci`.
import { register } from 'tsx/esm/api';
register();
await import('../main/cli.ts');
