// s3rver ships no types; the part of its API the local stack uses
declare module 's3rver' {
	type Options = {
		address?: string;
		port?: number;
		directory: string;
		silent?: boolean;
		configureBuckets?: { name: string; configs: string[] }[];
	};
	export default class S3rver {
		constructor(options: Options);
		run(): Promise<{ address: string; port: number }>;
		close(): Promise<void>;
	}
}
