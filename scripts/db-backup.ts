// npm run db:backup [-- --file backups/openfloor.tar.gz]
// A consistent snapshot of the embedded database, taken whether or not the app is running.
import path from 'node:path';
import { main, parseArgs, runCommand } from '../src/lib/server/admin/cli';

const args = parseArgs(process.argv.slice(2));
const stamp = new Date().toISOString().replace(/[:.]/g, '-');
const file = path.resolve(args.file || `backups/openfloor-${stamp}.tar.gz`);
await main(() => runCommand({ command: 'db:backup', file }));
