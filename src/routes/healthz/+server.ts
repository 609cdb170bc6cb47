import { json } from '@sveltejs/kit';
import { health } from '$lib/server/health';
import type { RequestHandler } from './$types';

// for load balancers and uptime checks: 200 when every dependency answers, else 503
export const GET: RequestHandler = async () => {
	const status = await health();
	const ok = status.db === 'ok' && status.mail === 'ok';
	return json(status, { status: ok ? 200 : 503, headers: { 'cache-control': 'no-store' } });
};
