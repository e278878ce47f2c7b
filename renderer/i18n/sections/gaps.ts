// Screen text of 缺口与定额 (norms, the gap list, the rotation plan) and the overview's readiness targets.
export const gapsUi = {
  'nav.gaps': { zh: '缺口与定额', en: 'Gaps & norms' },
} as const satisfies Record<string, { zh: string; en: string }>;
