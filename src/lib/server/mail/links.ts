// Every link the app sends or hands out, built from ORIGIN in this one place: mail payloads
// carry the ids and tokens (queued by SQL, which knows no origin), and the renderer, the
// calendar files and the feed turn them into links here. A route that moves is changed
// here and nowhere else.
import { config } from '$lib/server/config';

/** a path segment: ids are uuids and tokens are base64url, but nothing else may break out */
const part = (value: string) => encodeURIComponent(value);

export function linksFor(origin: string) {
	const at = (path: string) => `${origin}${path}`;
	return {
		// account pages
		account: () => at('/account'),
		/** the account page's mail choices, which every footer offers */
		mailSettings: () => at('/account#notifications'),
		login: () => at('/login'),
		/** where one asks for a reset link (no token): "was it not you? set a new password" */
		resetRequest: () => at('/reset'),
		verify: (token: string) => at(`/verify/${part(token)}`),
		reset: (token: string) => at(`/reset/${part(token)}`),
		staffInvitation: (token: string) => at(`/invite/${part(token)}`),
		unsubscribe: (token: string) => at(`/unsubscribe/${part(token)}`),
		// landlords
		landlordDwelling: (dwellingId: string) => at(`/landlord/dwellings/${part(dwellingId)}`),
		landlordProposal: (matchId: string) => at(`/landlord/proposals/${part(matchId)}`),
		availability: (token: string, answer: 'yes' | 'no') => at(`/availability/${part(token)}/${answer}`),
		// volunteers
		volunteerTask: (taskId: string) => at(`/volunteer/tasks/${part(taskId)}`),
		volunteerProfile: () => at('/volunteer/profile'),
		taskInvitation: (token: string, answer: 'accept' | 'decline') => at(`/task-invitation/${part(token)}/${answer}`),
		calendarFeed: (token: string) => at(`/calendar/${part(token)}.ics`),
		// staff
		/** "needs action", staff's start page, which the morning digest counts */
		staffNeedsAction: () => at('/staff'),
		staffDwelling: (dwellingId: string) => at(`/staff/dwellings/${part(dwellingId)}`),
		/** a household's page: its proposals, where staff confirm a match the landlord said yes to */
		staffHousehold: (householdId: string) => at(`/staff/households/${part(householdId)}`),
		staffTask: (taskId: string) => at(`/staff/tasks/${part(taskId)}`),
		staffVolunteer: (volunteerId: string) => at(`/staff/volunteers/${part(volunteerId)}`)
	};
}

export type Links = ReturnType<typeof linksFor>;

/** the links of this instance (ORIGIN), for pages and files that hand one out */
export const links = (): Links => linksFor(config().ORIGIN);
