// Every kind the importer and the exporter know, by its CLI name.
import type { LedgerKind } from '../../api/contract.ledgers.js';
import { areasKind } from './areas.js';
import type { KindSpec } from './kind.js';
import { itemsKind } from './items.js';
import { locationsKind } from './locations.js';
import { movementsKind } from './movements.js';
import { stockKind } from './stock.js';

export const kinds: Record<LedgerKind, KindSpec> = {
  areas: areasKind,
  locations: locationsKind,
  items: itemsKind,
  stock: stockKind,
  movements: movementsKind,
};
