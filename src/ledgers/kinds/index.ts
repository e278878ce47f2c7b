// Every kind the importer and the exporter know, by its CLI name.
import type { LedgerKind } from '../../api/contract.ledgers.js';
import { areasKind } from './areas.js';
import { equipmentKind } from './equipment.js';
import type { KindSpec } from './kind.js';
import { itemsKind } from './items.js';
import { locationsKind } from './locations.js';
import { movementsKind } from './movements.js';
import { normsKind } from './norms.js';
import { sheltersKind } from './shelters.js';
import { stockKind } from './stock.js';
import { testsKind } from './tests.js';

export const kinds: Record<LedgerKind, KindSpec> = {
  areas: areasKind,
  locations: locationsKind,
  items: itemsKind,
  stock: stockKind,
  movements: movementsKind,
  equipment: equipmentKind,
  shelters: sheltersKind,
  norms: normsKind,
  tests: testsKind,
};
