// The contract's operations for flood equipment, village coverage and shelters.
export const equipmentOperations = {} as const;
