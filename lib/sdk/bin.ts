/** The `gatepass` command of the installable package (packages/sdk): the CLI of lib/sdk/cli.ts. */
import { main } from './cli';

process.exitCode = await main(process.argv.slice(2));
