#!/usr/bin/env node
// Launcher for the gatepass CLI: the logic lives in lib/sdk/cli.ts (testable).
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../lib/sdk/cli.ts');
process.exitCode = await main(process.argv.slice(2));
