// npm run audit:ci — `npm audit --omit=dev --omit=optional` for CI: prints the advisories of
// what ships (dependencies; not devDependencies, nor the local stack's optional binaries) by severity, and fails on a critical one. A registry
// without the audit endpoint (some mirrors answer 405) is reported, not counted as a pass
// or a failure: nothing could be checked.
import { spawnSync } from 'node:child_process';

const run = spawnSync('npm', ['audit', '--omit=dev', '--omit=optional', '--json'], { encoding: 'utf8' });
let report: {
	message?: string;
	error?: { summary?: string };
	metadata?: { vulnerabilities: Record<string, number> };
	vulnerabilities?: Record<string, { severity: string; via: unknown[]; fixAvailable: unknown }>;
};
try {
	report = JSON.parse(run.stdout);
} catch {
	report = { error: { summary: (run.stderr || run.stdout).trim().split('\n').pop() } };
}
if (report.error || !report.metadata) {
	console.log(`npm audit: not available from this registry (${report.error?.summary || report.message || 'no report'}); nothing checked`);
	process.exit(0);
}
const counts = report.metadata.vulnerabilities;
console.log(
	`npm audit (dependencies only): ${['critical', 'high', 'moderate', 'low', 'info'].map((s) => `${counts[s] ?? 0} ${s}`).join(', ')}`
);
for (const [name, v] of Object.entries(report.vulnerabilities ?? {}))
	if (v.severity === 'critical' || v.severity === 'high')
		console.log(`  ${v.severity}: ${name}${v.fixAvailable ? ' (fix available: npm audit fix)' : ''}`);
if ((counts.critical ?? 0) > 0) {
	console.error('npm audit: a critical advisory in a shipped dependency; update it before merging');
	process.exit(1);
}
