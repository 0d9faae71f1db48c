// npm run secret:adopt
// Makes this environment's secret (SECRET_KEY, or DATA_DIR/secret.key) the instance's, after the
// app refused to start because the database was used with another one (docs/trust.md). Only for
// a secret that is truly lost: copying the old one back keeps every token and key valid.
import { main, runCommand } from '../src/lib/server/admin/cli';

await main(() => runCommand({ command: 'secret:adopt' }));
