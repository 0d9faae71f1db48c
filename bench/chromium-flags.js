// Debian's Chromium as every test and benchmark here runs it (playwright.config.ts, bench/lib.js):
// headless, no sandbox (containers), nothing fetched in the background to disturb a measure.
export const chromiumFlags = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync'
];
