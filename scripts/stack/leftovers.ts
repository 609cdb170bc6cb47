// Child processes outlive a parent that is killed hard (kill -9, a closed terminal).
// Their pids are written down, so the next start can stop leftovers that still hold
// the ports instead of failing on them.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

type Entry = { pid: number; match: string };

function alive(entry: Entry): boolean {
	try {
		return readFileSync(`/proc/${entry.pid}/cmdline`, 'utf8').includes(entry.match);
	} catch {
		return false;
	}
}

export async function stopLeftovers(file: string, log: (line: string) => void) {
	if (!existsSync(file)) return;
	const entries = JSON.parse(readFileSync(file, 'utf8')) as Entry[];
	for (const entry of entries.filter(alive)) {
		log(`stopping a leftover process ${entry.pid} (${entry.match.split('/').pop()})`);
		process.kill(entry.pid, 'SIGTERM');
		for (let i = 0; i < 50 && alive(entry); i++) await new Promise((r) => setTimeout(r, 100));
		if (alive(entry)) process.kill(entry.pid, 'SIGKILL');
	}
	writeFileSync(file, '[]');
}

export function recordChild(file: string, pid: number | undefined, match: string) {
	if (!pid) return;
	const entries: Entry[] = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : [];
	entries.push({ pid, match });
	writeFileSync(file, JSON.stringify(entries));
}
