// Structured logs: one JSON line per event on stdout, for whatever collects the
// container's output. Nothing secret goes in: callers pass ids and route patterns, never
// URLs (links carry tokens in their path and query), bodies, cookies or household data;
// the redaction below is a second line of defence for fields that slip in by mistake.
import { pino, type Logger } from 'pino';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

let logger: Logger | undefined;

function level(): string {
	const value = process.env.LOG_LEVEL;
	return value && (LOG_LEVELS as readonly string[]).includes(value) ? value : 'info';
}

/** the process's logger; LOG_LEVEL is read on first use (config.ts validates it) */
export function log(): Logger {
	logger ??= pino({
		level: level(),
		base: { service: 'busett' },
		timestamp: pino.stdTimeFunctions.isoTime,
		formatters: { level: (label) => ({ level: label }) },
		redact: {
			paths: ['password', 'token', 'cookie', 'authorization', '*.password', '*.token', '*.cookie', '*.authorization'],
			censor: '[redacted]'
		}
	});
	return logger;
}

/** an error as a log field: its kind, message and stack, no attached data (request bodies, rows) */
export function errorFields(error: unknown): { type: string; message: string; stack?: string } {
	if (error instanceof Error) return { type: error.name, message: error.message, stack: error.stack };
	return { type: typeof error, message: String(error) };
}
