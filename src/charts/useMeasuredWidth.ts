import { useLayoutEffect, useRef, useState } from 'react';

/**
 * The width of an element, read before the first paint and kept up to date. Recharts' ResponsiveContainer only
 * learns its size from a ResizeObserver callback, a frame or more after mounting, so a chart drawn with it misses
 * the first paint; measuring in a layout effect draws it in the very first frame.
 */
export function useMeasuredWidth<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState(0);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    setWidth(element.clientWidth);
    const observer = new ResizeObserver((entries) => {
      const box = entries[0]?.contentRect;
      if (box) setWidth(Math.round(box.width));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [ref, width] as const;
}
