import adapter from '@sveltejs/adapter-node';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	compilerOptions: {
		// Runes everywhere in our code; libraries decide for themselves.
		runes: ({ filename }) => (filename.split(/[/\\]/).includes('node_modules') ? undefined : true)
	},
	kit: {
		adapter: adapter({ out: 'build' }),
		typescript: {
			// Type-check (and lint) the operator scripts and benchmarks with the app.
			config: (tsconfig) => {
				tsconfig.include.push(
					'../scripts/**/*.ts',
					'../bench/**/*.ts',
					'../drizzle.config.ts',
					'../playwright.config.ts'
				);
			}
		}
	}
};

export default config;
