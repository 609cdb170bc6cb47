// npm run bench:http — the production build (adapter-node) against the local stack with
// the demo data: autocannon at 20 connections for 20 s on the landing page, a landlord's
// "my dwellings", a volunteer's "tasks for me", the staff overview (the year's figures) and /about (a page with
// one small read, the municipality's contact details: the ceiling). Prints requests/s, p50/p95/p99 latency, each page's
// throughput as a share of the bare page (goal ≥ 50 %), the PostgREST requests one load
// of each page makes (goal ≤ 3), and the JavaScript (gzip) the landing page and the offer
// form load (goal ≤ 60 KB). Fails only on a wrong answer (a status other than 200).
import { cpus } from 'node:os';
import { gzipSync } from 'node:zlib';
import autocannon from 'autocannon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appEnv, startApp, type RunningApp } from '../tests/helpers/app';
import { stackEnv } from '../tests/helpers/env';
import { Client } from '../tests/helpers/http';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const CONNECTIONS = 20;

const PAGES = [
	{ name: 'bare page (/about)', path: '/about', login: null },
	{ name: 'landing page', path: '/', login: null },
	{ name: "landlord's my dwellings", path: '/landlord', login: 'utleigar@example.no' },
	{ name: "volunteer's tasks for me", path: '/volunteer', login: 'frivillig@example.no' },
	// the year's figures (since issue 18 at /staff/overview; /staff becomes "needs action")
	{ name: 'staff overview', path: '/staff/overview', login: 'sakshandsamar@fjordvik.kommune.no' }
] as const;

type Load = { rps: number; p50: number; p95: number; p99: number; non200: number; requests: number };

function percentile(sorted: number[], p: number) {
	return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

/** autocannon on one URL; every response time is kept, so p95 is exact */
function load(url: string, cookie: string): Promise<Load> {
	return new Promise((resolve, reject) => {
		const times: number[] = [];
		let non200 = 0;
		const tracker = autocannon(
			{ url, connections: CONNECTIONS, duration: SECONDS, headers: cookie ? { cookie } : {} },
			(error: Error | null, result: autocannon.Result) => {
				if (error) return reject(error);
				times.sort((a, b) => a - b);
				resolve({
					rps: result.requests.total / SECONDS,
					p50: percentile(times, 50),
					p95: percentile(times, 95),
					p99: percentile(times, 99),
					non200: non200 + result.errors + result.timeouts,
					requests: result.requests.total
				});
			}
		);
		tracker.on('response', (_client: unknown, status: number, _bytes: number, time: number) => {
			times.push(time);
			if (status !== 200) non200++;
		});
	});
}

async function postgrestRequests(): Promise<number> {
	const res = await fetch(`${stackEnv().supabaseUrl}/_busett/requests`);
	return ((await res.json()) as { requests: number }).requests;
}

/** the JavaScript a page loads at start: the entry modules its inline script imports, the
 * route nodes it starts with (kit.start's node_ids, found in the app entry's module list),
 * any module preloads, and everything those import statically; each gzipped */
async function javascriptWeight(base: string, html: string, linkHeader: string): Promise<{ files: number; gzip: number }> {
	const queue: string[] = [];
	for (const x of html.matchAll(/import\("([^"]+\.js)"\)/g)) queue.push(new URL(x[1], base + '/').href);
	for (const x of html.matchAll(
		/<link[^>]+href="([^"]+\.js)"[^>]*rel="modulepreload"|<link[^>]+rel="modulepreload"[^>]*href="([^"]+\.js)"/g
	))
		queue.push(new URL(x[1] ?? x[2], base + '/').href);
	for (const x of linkHeader.matchAll(/<([^>]+\.js)>;[^,]*rel="?modulepreload/g)) queue.push(new URL(x[1], base + '/').href);
	const nodeIds = (/node_ids:\s*\[([\d,\s]+)\]/.exec(html)?.[1] ?? '')
		.split(',')
		.filter(Boolean)
		.map((n) => n.trim());
	const seen = new Set<string>();
	let gzip = 0;
	while (queue.length) {
		const url = queue.pop()!;
		if (seen.has(url)) continue;
		seen.add(url);
		const source = await (await fetch(url)).text();
		gzip += gzipSync(source).length;
		// static imports only: what the browser must fetch before the page is interactive
		for (const x of source.matchAll(/(?:^|[;}\s])import\s*(?:[\w{}\s,*$]+from\s*)?["']([^"']+\.js)["']/g))
			queue.push(new URL(x[1], url).href);
		// the app entry names the route nodes; the page starts with those in node_ids
		for (const id of nodeIds) {
			const node = new RegExp(`["']([^"']*nodes/${id}\\.[\\w-]+\\.js)["']`).exec(source)?.[1];
			if (node) queue.push(new URL(node, url).href);
		}
	}
	return { files: seen.size, gzip };
}

let app: RunningApp;
const cookies = new Map<string, string>();

beforeAll(async () => {
	// no mail worker: its polling would add PostgREST requests to the round-trip count
	// read-mostly data kept as in production (KEEP_READS=on, src/lib/server/kept.ts)
	app = await startApp(appEnv({ MAIL_WORKER: 'off', KEEP_READS: 'on' }));
	for (const page of PAGES) {
		if (!page.login || cookies.has(page.login)) continue;
		const client = new Client(app.url);
		const res = await client.login(page.login);
		expect(res.status, `login ${page.login}`).toBe(303);
		cookies.set(page.login, client.cookieHeader());
	}
});
afterAll(() => app?.stop());

describe('HTTP benchmark', () => {
	it('serves each page under load and prints throughput, latency, round trips and page weight', async () => {
		const lines = [
			`HTTP benchmark (${new Date().toISOString().slice(0, 10)}, ${cpus().length} cores, ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}; ${CONNECTIONS} connections × ${SECONDS} s per page)`
		];
		const results: (Load & { name: string; trips: number })[] = [];
		for (const page of PAGES) {
			const cookie = page.login ? cookies.get(page.login)! : '';
			// round trips: one load alone (warm), counted at the gateway in front of PostgREST
			await fetch(app.url + page.path, { headers: { cookie } });
			const before = await postgrestRequests();
			const res = await fetch(app.url + page.path, { headers: { cookie }, redirect: 'manual' });
			const trips = (await postgrestRequests()) - before;
			expect(res.status, page.path).toBe(200);
			const result = await load(app.url + page.path, cookie);
			expect(result.non200, `${page.path}: answers other than 200`).toBe(0);
			results.push({ ...result, name: page.name, trips });
		}
		const bare = results[0].rps;
		lines.push('  page | requests/s | p50 | p95 | p99 | share of bare | PostgREST requests per load (goal ≤ 3)');
		for (const r of results) {
			const share = r.rps / bare;
			lines.push(
				`  ${r.name} | ${r.rps.toFixed(0)} | ${r.p50.toFixed(1)} ms | ${r.p95.toFixed(1)} ms | ${r.p99.toFixed(1)} ms | ${(share * 100).toFixed(0)} % (goal ≥ 50 %: ${share >= 0.5 ? 'met' : 'NOT met'}) | ${r.trips} (${r.trips <= 3 ? 'met' : 'NOT met'})`
			);
		}

		for (const page of [
			{ name: 'landing page', path: '/', login: null },
			{ name: 'offer form', path: '/landlord/dwellings/new', login: 'utleigar@example.no' }
		]) {
			const res = await fetch(app.url + page.path, { headers: { cookie: page.login ? cookies.get(page.login)! : '' } });
			expect(res.status, page.path).toBe(200);
			const weight = await javascriptWeight(app.url, await res.text(), res.headers.get('link') ?? '');
			expect(weight.files).toBeGreaterThan(0);
			lines.push(
				`  JavaScript of the ${page.name}: ${weight.files} files, ${(weight.gzip / 1024).toFixed(1)} KB gzip (goal ≤ 60 KB: ${weight.gzip <= 60 * 1024 ? 'met' : 'NOT met'})`
			);
		}
		console.log(lines.join('\n'));
	});
});
