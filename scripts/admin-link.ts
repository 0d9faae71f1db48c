// npm run admin:reset-link -- --email someone@example.org
// npm run admin:confirm-link -- --email someone@example.org
// Prints a one-time link for the account: to choose a new password (30 minutes), or to confirm
// its address (48 hours). For a site without SMTP_URL, or a person whose email does not arrive:
// hand the link over yourself. Works whether or not the app is running; run it with the app's
// ORIGIN so the link names the public address. Each link is recorded in the site's audit trail.
import { main, parseArgs, runCommand } from '../src/lib/server/admin/cli';

const purpose = process.argv[2] === 'confirm' ? 'confirm_email' : 'reset_password';
const args = parseArgs(process.argv.slice(3));
await main(async () => {
	if (!args.email) {
		const name = purpose === 'confirm_email' ? 'admin:confirm-link' : 'admin:reset-link';
		return { ok: false, message: `Usage: npm run ${name} -- --email someone@example.org` };
	}
	return runCommand({ command: 'account:link', email: args.email, purpose });
});
