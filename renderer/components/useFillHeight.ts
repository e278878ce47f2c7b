// The height left below an element down to the bottom of the window: for tables that scroll inside the screen.
import { useLayoutEffect, useState, type RefObject } from 'react';

export function useFillHeight(ref: RefObject<HTMLElement | null>, reserve = 0, min = 200): number {
  const [height, setHeight] = useState(min);
  useLayoutEffect(() => {
    const measure = () => {
      const el = ref.current;
      if (!el) return;
      const top = el.getBoundingClientRect().top;
      setHeight(Math.max(min, Math.floor(window.innerHeight - top - reserve)));
    };
    measure();
    window.addEventListener('resize', measure);
    const observer = new ResizeObserver(measure);
    if (ref.current?.parentElement) observer.observe(ref.current.parentElement);
    return () => {
      window.removeEventListener('resize', measure);
      observer.disconnect();
    };
  }, [ref, reserve, min]);
  return height;
}
