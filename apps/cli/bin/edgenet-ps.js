#!/usr/bin/env node
// edgenet-ps launcher: runs the TypeScript CLI through tsx's loader, in this process (so the
// terminal, signals and exit status are the CLI's own), from any working directory.
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

register({ tsconfig: fileURLToPath(new URL('../tsconfig.json', import.meta.url)) });
const { main } = await import('../src/main.ts');
await main();
