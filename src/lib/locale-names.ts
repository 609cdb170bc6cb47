// Each language of the interface named in itself, as the switcher and the settings show it.
// A module of its own: the switcher is on every page, and importing these from labels.ts
// brought every state's and category's name (in four languages) into every page's JavaScript.
import { m } from '$lib/paraglide/messages';
import type { Locale } from '$lib/paraglide/runtime';

export const languageNames = {
	nn: m.language_nn,
	nb: m.language_nb,
	en: m.language_en,
	uk: m.language_uk
} satisfies Record<Locale, () => string>;
