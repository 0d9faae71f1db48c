import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, readConfig } from './config';

describe('configuration', () => {
	it('has defaults that need no service', () => {
		const config = readConfig({});
		expect(config).toMatchObject({
			port: 3000,
			host: '0.0.0.0',
			origin: undefined,
			logLevel: 'info',
			logFormat: 'text'
		});
		expect(config.dataDir).toBe(path.resolve('./data'));
		expect(config.databaseUrl).toBeUndefined();
		expect(config.redisUrl).toBeUndefined();
		// Metrics are off unless asked for.
		expect(config.metricsToken).toBeUndefined();
	});

	it('reads every variable', () => {
		const config = readConfig({
			PORT: '8080',
			HOST: '127.0.0.1',
			ORIGIN: 'https://crg.example.org/',
			DATA_DIR: '/var/lib/openfloor',
			DATABASE_URL: 'postgres://u@db:5432/openfloor',
			REDIS_URL: 'redis://cache:6379',
			LOG_LEVEL: 'warn',
			LOG_FORMAT: 'json',
			SECRET_KEY: 'a shared secret of at least thirty-two characters',
			PARTICIPANTS_PER_CLIENT_HOUR: '500',
			METRICS_TOKEN: ' a metrics token of at least thirty-two characters '
		});
		expect(config).toMatchObject({
			port: 8080,
			origin: 'https://crg.example.org',
			dataDir: '/var/lib/openfloor',
			databaseUrl: 'postgres://u@db:5432/openfloor',
			redisUrl: 'redis://cache:6379',
			logLevel: 'warn',
			logFormat: 'json',
			secretKey: 'a shared secret of at least thirty-two characters',
			participantsPerClientHour: 500,
			metricsToken: 'a metrics token of at least thirty-two characters'
		});
	});

	it.each([
		['SECRET_KEY', 'too short'],
		['METRICS_TOKEN', 'x'.repeat(31)],
		['PARTICIPANTS_PER_CLIENT_HOUR', 'many'],
		['PORT', '0'],
		['PORT', '70000'],
		['PORT', 'http'],
		['ORIGIN', 'crg.example.org'],
		['DATABASE_URL', 'mysql://x/y'],
		['REDIS_URL', 'http://cache'],
		['LOG_LEVEL', 'verbose'],
		['LOG_FORMAT', 'xml']
	])('refuses %s=%s with a message naming it', (name, value) => {
		expect(() => readConfig({ [name]: value })).toThrow(ConfigError);
		expect(() => readConfig({ [name]: value })).toThrow(
			new RegExp(`^Openfloor cannot start: ${name} `)
		);
	});

	it('treats an empty variable as unset', () => {
		expect(readConfig({ DATABASE_URL: '', PORT: '' }).port).toBe(3000);
		expect(readConfig({ METRICS_TOKEN: '' }).metricsToken).toBeUndefined();
	});
});
