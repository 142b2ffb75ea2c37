#!/usr/bin/env node
// The `caravan` command: runs the TypeScript sources directly through tsx, so a checkout needs no build step.
import { register } from 'tsx/esm/api';

register();
await import('../src/main/cli.ts');
