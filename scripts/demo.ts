// Loads the demo story (idempotent): npm run demo, or npm start -- --demo.
import { main, runCommand } from '../src/lib/server/admin/cli';

await main(() => runCommand({ command: 'demo:load' }));
