// What a page needs from an action's result to show its form again: the values as typed
// and the error of each field (empty when the action has not run or succeeded).
type Result = Record<string, unknown> | null | undefined;

export function formState(form: Result): { values: Record<string, string>; errors: Record<string, string> } {
	return {
		values: ((form && 'values' in form ? form.values : undefined) ?? {}) as Record<string, string>,
		errors: ((form && 'errors' in form ? form.errors : undefined) ?? {}) as Record<string, string>
	};
}
