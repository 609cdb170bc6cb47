// A newcomer's way in for each public role: registration with the role chosen, landing, once
// the address is verified in the same browser, where they were going (the landing page's cards
// and the "for landlords" / "for volunteers" pages lead here before anyone logs in)
export const registerAs = {
	landlord: `/register?role=landlord&next=${encodeURIComponent('/landlord/dwellings/new')}`,
	volunteer: `/register?role=volunteer&next=${encodeURIComponent('/volunteer')}`
} as const;
