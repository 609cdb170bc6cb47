// What the e2e tests do in the browser again and again: log in as a demo account, and read
// the mails the local mailbox received for someone.
import type { Page } from '@playwright/test';
import { stackEnv } from './env';

/** logs in on the Nynorsk login page with the demo password */
export async function login(page: Page, email: string) {
	await page.goto('/login');
	await page.getByLabel('E-postadresse').fill(email);
	await page.getByLabel('Passord').fill('busett-demo-2026');
	await page.getByRole('button', { name: 'Logg inn' }).click();
}

/** the mails the demo mailbox holds for an address */
export async function mails(email: string): Promise<{ subject: string; text: string }[]> {
	const res = await fetch(`${stackEnv().mailboxUrl}/messages?to=${encodeURIComponent(email)}`);
	return (await res.json()) as { subject: string; text: string }[];
}
