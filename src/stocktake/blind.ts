// A blind count (盲盘) keeps the book from the counters: until every line of a blind stocktake in counting has its
// count, what the core answers carries no book figure, nor what would give it away (differences and their value).
// The count sheets already leave the book out; this keeps it out of the page, its review tab and its network traffic.
import { bookWithheld, type StocktakeHeader, type StocktakeLine, type StocktakeReview, type StocktakeView } from '../api/contract.stocktake.js';

const withoutBook = (l: StocktakeLine): StocktakeLine => ({ ...l, frozen: null, book: null, difference: null, value: null });

export function headerForCounters<H extends StocktakeHeader>(h: H): H {
  return bookWithheld(h) ? { ...h, differences: null } : h;
}

export function viewForCounters(v: StocktakeView): StocktakeView {
  return bookWithheld(v) ? { ...headerForCounters(v), items: v.items.map(withoutBook) } : v;
}

export function reviewForCounters(r: StocktakeReview): StocktakeReview {
  if (!bookWithheld(r.header)) return r;
  return { ...r, header: headerForCounters(r.header), variances: [], uncounted: r.uncounted.map(withoutBook), missingReasons: 0, totals: { gainValue: 0, lossValue: 0 } };
}
