// Passwords are stored as argon2id hashes with OWASP's minimum settings (19 MiB, 2 passes).
import { hash, verify } from '@node-rs/argon2';

const OPTIONS = { algorithm: 2 /* argon2id */, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (password: string) => hash(password, OPTIONS);

export async function verifyPassword(storedHash: string | null, password: string): Promise<boolean> {
	if (!storedHash) return false;
	try {
		return await verify(storedHash, password);
	} catch {
		return false;
	}
}
