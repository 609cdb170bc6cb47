// A departure's time as the timetable gives it: minutes after the service day's midnight,
// which a trip past midnight exceeds (25:10 is ten past one at night). -1 or null: none.
export const clock = (minute: number | null) =>
	minute === null || minute < 0 ? '–' : `${String(Math.floor(minute / 60) % 24).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
