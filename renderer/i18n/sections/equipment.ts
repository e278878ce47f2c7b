// Screen text of 装备, 村社覆盖 and 避灾场所 (issue: flood equipment and shelters).
export const equipmentUi = {
  'nav.equipment': { zh: '防汛装备', en: 'Equipment' },
  'nav.coverage': { zh: '村社覆盖', en: 'Coverage' },
  'nav.shelters': { zh: '避灾场所', en: 'Shelters' },
} as const satisfies Record<string, { zh: string; en: string }>;
