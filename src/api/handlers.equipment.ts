import { coverage } from '../equipment/coverage.js';
import { handOut, listKinds, listUnits, recordTest, registerUnit, returnUnit, setStatus, testsDue, unitHistory, updateUnit } from '../equipment/registry.js';
import { createShelter, inspectShelter, listShelters, setShelterInUse, shelterKpi, updateShelter } from '../shelters/registry.js';
import type { OperationResult, ParsedInput } from './contract.js';
import type { equipmentOperations } from './contract.equipment.js';
import type { Context } from './handlers.js';

type Names = keyof typeof equipmentOperations;

export const equipmentHandlers: {
  [N in Names]: (ctx: Context, input: ParsedInput<N>) => OperationResult<N> | Promise<OperationResult<N>>;
} = {
  'equipment.kinds': ({ db }) => listKinds(db),
  'equipment.list': ({ db }, f) => listUnits(db, f),
  'equipment.register': ({ db }, input) => registerUnit(db, input),
  'equipment.update': ({ db }, input) => updateUnit(db, input),
  'equipment.handOut': ({ db }, input) => handOut(db, input),
  'equipment.return': ({ db }, input) => returnUnit(db, input),
  'equipment.setStatus': ({ db }, input) => setStatus(db, input),
  'equipment.recordTest': ({ db }, input) => recordTest(db, input),
  'equipment.history': ({ db }, { kind, serialNo }) => unitHistory(db, kind, serialNo),
  'equipment.testsDue': ({ db }, f) => testsDue(db, f),
  'coverage.get': ({ db }, f) => coverage(db, f),
  'shelters.list': ({ db }, f) => listShelters(db, f),
  'shelters.create': ({ db }, input) => createShelter(db, input),
  'shelters.update': ({ db }, input) => updateShelter(db, input),
  'shelters.inspect': ({ db }, input) => inspectShelter(db, input),
  'shelters.setInUse': ({ db }, input) => setShelterInUse(db, input),
  'shelters.kpi': ({ db }, f) => shelterKpi(db, f),
};
