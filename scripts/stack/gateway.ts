// The small gateway that serves PostgREST under /rest/v1, as a Supabase project's API
// does, so supabase-js talks to the local stack exactly as to a hosted project.
// It counts the requests it forwards, for the round-trip benchmark, and the rows (from
// PostgREST's Content-Range), bytes and time of their answers, for bench:scale (which
// tells the time a page waits for PostgREST from the time the app spends on it).
import http from 'node:http';

export type Gateway = { url: string; stop: () => Promise<void>; requests: () => number };

export async function startGateway(opts: { port: number; postgrestUrl: string }): Promise<Gateway> {
	const upstream = new URL(opts.postgrestUrl);
	let count = 0;
	let rows = 0;
	let bytes = 0;
	let ms = 0;
	const server = http.createServer((req, res) => {
		const path = req.url ?? '/';
		// the benchmark reads the count from another process
		if (path === '/_busett/requests') {
			res.writeHead(200, { 'content-type': 'application/json' });
			res.end(JSON.stringify({ requests: count, rows, bytes, ms }));
			return;
		}
		if (!path.startsWith('/rest/v1/') && path !== '/rest/v1') {
			res.writeHead(404, { 'content-type': 'application/json' });
			res.end(JSON.stringify({ message: 'not found' }));
			return;
		}
		count++;
		const started = performance.now();
		const headers = { ...req.headers, host: upstream.host };
		const proxied = http.request(
			{
				hostname: upstream.hostname,
				port: upstream.port,
				method: req.method,
				path: path.slice('/rest/v1'.length) || '/',
				headers
			},
			(upstreamRes) => {
				// "0-24/*" or "0-24/3000": 25 rows; "*/0": none
				const range = /^(\d+)-(\d+)\//.exec(String(upstreamRes.headers['content-range'] ?? ''));
				if (range) rows += Number(range[2]) - Number(range[1]) + 1;
				upstreamRes.on('data', (chunk: Buffer) => (bytes += chunk.length));
				upstreamRes.on('end', () => (ms += performance.now() - started));
				res.writeHead(upstreamRes.statusCode ?? 502, upstreamRes.headers);
				upstreamRes.pipe(res);
			}
		);
		proxied.on('error', () => {
			if (!res.headersSent) res.writeHead(502, { 'content-type': 'application/json' });
			res.end(JSON.stringify({ message: 'postgrest is not reachable' }));
		});
		req.pipe(proxied);
	});
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(opts.port, '127.0.0.1', () => resolve());
	});
	return {
		url: `http://127.0.0.1:${opts.port}`,
		requests: () => count,
		stop: () =>
			new Promise<void>((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			})
	};
}
