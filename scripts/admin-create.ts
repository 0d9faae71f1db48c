// npm run admin:create -- --email admin@example.org --password '…' [--name 'Site admin']
// Creates a site administrator (or makes an existing account one and sets its password).
// Works whether or not the app is running.
import { main, parseArgs, runCommand } from '../src/lib/server/admin/cli';

const args = parseArgs(process.argv.slice(2));
await main(async () => {
	if (!args.email || !args.password) {
		return {
			ok: false,
			message:
				'Usage: npm run admin:create -- --email you@example.org --password "a long passphrase" [--name "Your name"]'
		};
	}
	return runCommand({
		command: 'admin:create',
		input: {
			email: args.email,
			password: args.password,
			displayName: args.name || 'Site administrator'
		}
	});
});
