// 年度盘点: the list of stocktakes (#/stocktake) and one stocktake in its state (#/stocktake/<id>/<tab>).
import './stocktake.css';
import { StocktakeDetail } from './StocktakeDetail';
import { StocktakeList } from './StocktakeList';

export function StocktakeScreen({ rest }: { rest: string[]; query: URLSearchParams }) {
  const id = Number(rest[0]);
  if (rest[0] && Number.isInteger(id) && id > 0) return <StocktakeDetail key={id} id={id} tab={rest[1]} />;
  return <StocktakeList />;
}
