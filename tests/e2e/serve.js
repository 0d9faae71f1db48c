// The app for the browser tests: a fresh embedded database with one site administrator, then the
// production server (`node server.js`, from the build `npm test` made) in the foreground.
// Playwright starts this as its webServer and stops it when the run ends.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { SMTPServer } from 'smtp-server';

const dataDir = '.test-data/e2e';
const port = process.env.E2E_PORT ?? '4173';
const host = '127.0.0.1';

// Never pull the folder from under a running app (another e2e run on this machine, say).
const holder = Number.parseInt(readOrEmpty(`${dataDir}/openfloor.lock`), 10);
if (holder > 0 && isRunning(holder)) {
	console.error(`serve.js: ${dataDir} is in use by process ${holder}; is another e2e run going?`);
	process.exit(1);
}
fs.rmSync(dataDir, { recursive: true, force: true });
fs.mkdirSync(dataDir, { recursive: true });

// Always the embedded database: never a PostgreSQL or Redis that CI exported for other suites.
const { DATABASE_URL: _database, REDIS_URL: _redis, ...inherited } = process.env;
const env = { ...inherited, DATA_DIR: dataDir };

// Before the server starts, so the command opens the folder itself (no app holds its lock yet).
const admin = spawnSync(
	process.execPath,
	[
		'node_modules/tsx/dist/cli.mjs',
		'scripts/admin-create.ts',
		'--email',
		'admin@e2e.test',
		'--password',
		'e2e admin passphrase',
		'--name',
		'E2E Admin'
	],
	{ env, stdio: 'inherit' }
);
if (admin.status !== 0) {
	console.error(`serve.js: admin:create failed (exit ${admin.status ?? admin.signal})`);
	process.exit(1);
}

// A real mail server for the app's email: each message it receives is kept as a file in
// `mailDir`, where the tests read the links people would click (fixtures.ts, `linkFromMail`).
const mailDir = `${dataDir}/mail`;
fs.mkdirSync(mailDir, { recursive: true });
let received = 0;
const smtp = new SMTPServer({
	authOptional: true,
	disabledCommands: ['STARTTLS'],
	logger: false,
	onData(stream, _session, callback) {
		/** @type {Buffer[]} */
		const chunks = [];
		stream.on('data', (chunk) => chunks.push(chunk));
		stream.on('end', () => {
			const name = `${String(++received).padStart(5, '0')}.eml`;
			fs.writeFileSync(`${mailDir}/${name}.part`, Buffer.concat(chunks));
			fs.renameSync(`${mailDir}/${name}.part`, `${mailDir}/${name}`);
			callback();
		});
	}
});
const smtpPort = await new Promise((resolve) => {
	smtp.listen(0, host, () =>
		resolve(/** @type {import('node:net').AddressInfo} */ (smtp.server.address()).port)
	);
});

const server = spawn(process.execPath, ['server.js'], {
	env: {
		...env,
		SMTP_URL: `smtp://${host}:${smtpPort}`,
		MAIL_FROM: 'Openfloor e2e <openfloor@e2e.test>',
		PORT: port,
		HOST: host,
		ORIGIN: `http://${host}:${port}`,
		// Each test sends its own X-Forwarded-For (see fixtures.ts), so the per-client rate limits
		// on sign-up and sign-in count each test apart rather than the whole run as one client.
		ADDRESS_HEADER: 'x-forwarded-for',
		XFF_DEPTH: '1'
	},
	stdio: 'inherit'
});

for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
	process.on(signal, () => server.kill(signal));
}
server.on('exit', (code, signal) => {
	smtp.close();
	process.exit(code ?? (signal ? 1 : 0));
});

/** @param {string} file */
function readOrEmpty(file) {
	try {
		return fs.readFileSync(file, 'utf8');
	} catch {
		return '';
	}
}

/** @param {number} pid */
function isRunning(pid) {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return /** @type {NodeJS.ErrnoException} */ (error).code === 'EPERM';
	}
}
