// Messages of the catalogue section for Flood equipment, village coverage and shelters.
export const equipmentMessages = {} as const satisfies Record<string, { zh: string; en: string }>;
