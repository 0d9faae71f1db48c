import * as v from 'valibot';
import path from 'node:path';

/** Raised when an environment variable is invalid; the server prints its one-line message and stops. */
export class ConfigError extends Error {
	override name = 'ConfigError';
}

const urlWithProtocols = (protocols: string[], example: string) =>
	v.optional(
		v.pipe(
			v.string(),
			v.trim(),
			v.transform((s) => s || undefined),
			v.optional(
				v.pipe(
					v.string(),
					v.check((s) => {
						try {
							return protocols.includes(new URL(s).protocol);
						} catch {
							return false;
						}
					}, `must be a URL such as ${example}`)
				)
			)
		)
	);

const envSchema = v.object({
	PORT: v.pipe(
		v.optional(v.string(), '3000'),
		v.regex(/^\d{1,5}$/, 'must be a whole number from 1 to 65535'),
		v.transform(Number),
		v.minValue(1, 'must be a whole number from 1 to 65535'),
		v.maxValue(65535, 'must be a whole number from 1 to 65535')
	),
	HOST: v.pipe(v.optional(v.string(), '0.0.0.0'), v.trim(), v.nonEmpty('must not be empty')),
	ORIGIN: urlWithProtocols(['http:', 'https:'], 'https://crg.example.org'),
	DATA_DIR: v.pipe(v.optional(v.string(), './data'), v.trim(), v.nonEmpty('must not be empty')),
	DATABASE_URL: urlWithProtocols(
		['postgres:', 'postgresql:'],
		'postgres://user@127.0.0.1:5432/openfloor'
	),
	REDIS_URL: urlWithProtocols(['redis:', 'rediss:'], 'redis://127.0.0.1:6379'),
	SMTP_URL: urlWithProtocols(['smtp:', 'smtps:'], 'smtps://user:password@mail.example.org:465'),
	MAIL_FROM: v.optional(
		v.pipe(v.string(), v.trim(), v.maxLength(254, 'must be at most 254 characters'))
	),
	PARTICIPANTS_PER_CLIENT_HOUR: v.pipe(
		v.optional(v.string(), '2000'),
		v.regex(/^\d{1,7}$/, 'must be a whole number'),
		v.transform(Number)
	),
	PUBLIC_CACHE_MB: v.pipe(
		v.optional(v.string(), '64'),
		v.regex(/^\d{1,6}$/, 'must be a whole number of megabytes (0 turns the cache off)'),
		v.transform(Number)
	),
	SECRET_KEY: v.optional(
		v.pipe(v.string(), v.trim(), v.minLength(32, 'must be at least 32 characters'))
	),
	METRICS_TOKEN: v.optional(
		v.pipe(v.string(), v.trim(), v.minLength(32, 'must be at least 32 characters'))
	),
	LOG_LEVEL: v.picklist(['debug', 'info', 'warn', 'error'], 'must be debug, info, warn or error'),
	LOG_FORMAT: v.picklist(['text', 'json'], 'must be text or json')
});

export type Config = {
	port: number;
	host: string;
	/** The public origin, e.g. https://crg.example.org; undefined means "whatever host the request names". */
	origin: string | undefined;
	dataDir: string;
	databaseUrl: string | undefined;
	redisUrl: string | undefined;
	/** Decision emails go out through this server; without it, nobody is emailed. */
	smtpUrl: string | undefined;
	/** The From of those emails. */
	mailFrom: string;
	logLevel: 'debug' | 'info' | 'warn' | 'error';
	/** `text` (a line per entry) or `json` (an object per line, for a log collector). */
	logFormat: 'text' | 'json';
	/** Participant tokens issued to one client address an hour (docs/trust.md). */
	participantsPerClientHour: number;
	/** Memory for pages kept for anonymous readers (public-cache/cache.ts); 0: none kept. */
	publicCacheBytes: number;
	/** The instance's secret (src/lib/server/secrets.ts); undefined: kept in DATA_DIR/secret.key. */
	secretKey: string | undefined;
	/** Turns on GET /metrics, answered only to `Authorization: Bearer <token>` (docs/operations.md). */
	metricsToken: string | undefined;
};

/** Reads and validates the configuration; throws a ConfigError naming the first bad variable. */
export function readConfig(env: Record<string, string | undefined> = process.env): Config {
	const input = Object.fromEntries(
		Object.keys(envSchema.entries).map((key) => [key, env[key] === '' ? undefined : env[key]])
	);
	input.LOG_LEVEL ??= 'info';
	input.LOG_FORMAT ??= 'text';
	const result = v.safeParse(envSchema, input);
	if (!result.success) {
		const issue = result.issues[0];
		const name = v.getDotPath(issue) ?? 'configuration';
		const got = typeof issue.input === 'string' ? ` (got "${issue.input}")` : '';
		throw new ConfigError(`Openfloor cannot start: ${name} ${issue.message}${got}.`);
	}
	const env_ = result.output;
	const origin = env_.ORIGIN ? new URL(env_.ORIGIN).origin : undefined;
	return {
		port: env_.PORT,
		host: env_.HOST,
		origin,
		dataDir: path.resolve(env_.DATA_DIR),
		databaseUrl: env_.DATABASE_URL,
		redisUrl: env_.REDIS_URL,
		smtpUrl: env_.SMTP_URL,
		mailFrom: env_.MAIL_FROM || 'Openfloor <openfloor@localhost>',
		logLevel: env_.LOG_LEVEL,
		logFormat: env_.LOG_FORMAT,
		secretKey: env_.SECRET_KEY,
		metricsToken: env_.METRICS_TOKEN,
		publicCacheBytes: env_.PUBLIC_CACHE_MB * 1024 * 1024,
		participantsPerClientHour: env_.PARTICIPANTS_PER_CLIENT_HOUR
	};
}

/**
 * The address links in emails start with: ORIGIN, or the address the server says it runs at.
 * Never the request's Host, which a client chooses (a reset link pointing at another site would
 * hand its token over).
 */
export function publicOrigin(settings: Config = config()) {
	if (settings.origin) return settings.origin;
	const host = settings.host === '0.0.0.0' || settings.host === '::' ? 'localhost' : settings.host;
	return `http://${host.includes(':') ? `[${host}]` : host}:${settings.port}`;
}

let current: Config | undefined;

/** The validated configuration of this process, read once. */
export function config(): Config {
	current ??= readConfig();
	return current;
}
